package io.seatline.functions;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * {@code ping} (an extension of the contract): answers at once without touching the database, so that a client or a
 * load balancer can tell the host is up, and a benchmark can tell what HTTP and JSON alone cost.
 */
class PingFunction implements Function<Requests.Empty, PingFunction.Pong> {

	private final Clock clock;

	PingFunction(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Pong apply(Requests.Empty request) {
		return new Pong(true, this.clock.instant());
	}

	/** The answer: always {@code ok}, with the host's time. */
	record Pong(boolean ok, Instant time) {
	}
}
