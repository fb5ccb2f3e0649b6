package io.seatline.runner.live;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live/events/{eventId}/seats}: the event's seats as Server-Sent Events. {@code snapshot} carries every
 * seat, {@code seats} the seats whose status changed, both as {@code {eventId, seats: [{seat, status}],
 * availableSeats, status}} ({@code status}: the event's, SCHEDULED or CANCELLED; a cancelled event sends
 * {@code seats} even when no seat changed); {@code gone} ends the stream of an unknown event. Seat statuses are public, like
 * {@code eventSeats}, so the stream needs no session.
 */
@RestController
class LiveSeatStream {

	private final LiveSeats live;

	private final Duration timeout;

	LiveSeatStream(LiveSeats live, @Value("${seatline.live.stream-timeout:30m}") Duration timeout) {
		this.live = live;
		this.timeout = timeout;
	}

	@GetMapping(path = "/live/events/{eventId}/seats", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter seats(@PathVariable String eventId, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// a proxy that buffers would hold the changes back
		response.setHeader("X-Accel-Buffering", "no");
		// the page reconnects when the stream times out, and gets a fresh snapshot
		var emitter = new SseEmitter(this.timeout.toMillis());
		this.live.watch(eventId, emitter);
		return emitter;
	}
}
