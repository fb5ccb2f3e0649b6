package io.seatline.runner.live;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.seatline.engine.booking.SeatsChanged;
import io.seatline.functions.FunctionInvoker;

/**
 * {@code GET /live/changes}: one Server-Sent Events stream for every event, for pages that show figures over all
 * events (the dashboard). It says only which events' seats changed, as {@code changed} {@code {eventIds: [...]}},
 * never the seats themselves: the page asks its function again. {@code listening} opens each (re)connection, so that
 * a page reloads what it may have missed while away. Changes are coalesced, at most one message per
 * interval, so a rush of bookings costs the page one reload per interval. Like the seat stream it needs no session:
 * seat statuses are public. It hears what the engine announces as {@link SeatsChanged}: this process's changes, and
 * on PostgreSQL every process's (the engine listens for them); on SQLite another process's changes are not polled for.
 */
@RestController
class LiveChanges implements SmartLifecycle {

	/** The one topic: every page listens to the changes of every event. */
	private static final String EVERY_EVENT = "every event";

	private final FunctionInvoker functions;

	private final Duration interval;

	private final Duration timeout;

	/** The pages' streams and the worker thread. */
	private final SseHub hub;

	/** The events changed since the last message; touched by the worker thread only. */
	private final Set<String> pending = new TreeSet<>();

	/** When the last message went out (nanoTime), and whether one is scheduled; worker thread only. */
	private long lastSent = System.nanoTime() - Long.MAX_VALUE / 2;

	private boolean scheduled;

	LiveChanges(FunctionInvoker functions, @Value("${seatline.live.changes-interval:500ms}") Duration interval,
			@Value("${seatline.live.heartbeat:10s}") Duration heartbeat,
			@Value("${seatline.live.stream-timeout:30m}") Duration timeout) {
		this.functions = functions;
		this.interval = interval;
		this.timeout = timeout;
		this.hub = new SseHub("seatline-live-changes", heartbeat, (topic) -> {
		});
	}

	@GetMapping(path = "/live/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter changes(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		var emitter = new SseEmitter(this.timeout.toMillis());
		this.hub.open(EVERY_EVENT, emitter, () -> SseHub.send(emitter,
				() -> SseEmitter.event().name("listening").reconnectTime(1000).data("{}")));
		return emitter;
	}

	/** A booking, cancellation or block of this process committed. */
	@EventListener
	void on(SeatsChanged changed) {
		this.hub.onWorker(() -> {
			this.pending.add(changed.eventId());
			if (!this.scheduled) {
				this.scheduled = true;
				// the first change goes out at once, those that follow wait for the interval to pass
				var wait = Math.max(0, this.lastSent + this.interval.toNanos() - System.nanoTime());
				this.hub.later(this::flush, Duration.ofNanos(wait));
			}
		});
	}

	/** The number of pages listening now. */
	int listeners() {
		return this.hub.streams(EVERY_EVENT);
	}

	private void flush() {
		this.scheduled = false;
		this.lastSent = System.nanoTime();
		var message = new LinkedHashMap<String, Object>();
		message.put("eventIds", List.copyOf(this.pending));
		this.pending.clear();
		var data = this.functions.toJson(message);
		this.hub.broadcast(EVERY_EVENT, () -> SseEmitter.event().name("changed").data(data));
	}

	@Override
	public void start() {
		this.hub.start();
	}

	@Override
	public void stop() {
		// open streams would hold up a graceful shutdown
		this.hub.stop();
	}

	@Override
	public boolean isRunning() {
		return this.hub.isRunning();
	}
}
