package io.seatline.runner.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import io.seatline.engine.booking.SeatsChanged;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.error.NotFound;
import io.seatline.functions.FunctionInvoker;

/**
 * Keeps every open seat map up to date. An event is read through the engine when a page starts watching it (the
 * snapshot) and as soon as a booking or cancellation of this process commits. Every poll interval the seat versions
 * of the watched events are read (one number each), which catches what other processes on the same database did (the
 * shell, another runner); only an event whose version moved is read again. Watchers get only the seats whose status
 * changed. An event nobody watches is never read. One worker thread does all reads and sends, so the changes of an
 * event reach every page in order.
 */
@Component
class LiveSeats implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(LiveSeats.class);

	/** How long a page waits before it reconnects after losing the stream. */
	private static final Duration RECONNECT = Duration.ofSeconds(1);

	private final EventCatalog catalog;

	private final FunctionInvoker functions;

	private final Duration pollInterval;

	/** The pages' streams by event id, and the worker thread. */
	private final SseHub hub;

	/** The watched events; touched by the worker thread only. */
	private final Map<String, Watch> watches = new HashMap<>();

	/** The ids of the watched events, for the booking listeners that run on request threads. */
	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	private final AtomicLong reads = new AtomicLong();

	LiveSeats(EventCatalog catalog, FunctionInvoker functions,
			@Value("${seatline.live.poll-interval:300ms}") Duration pollInterval,
			@Value("${seatline.live.heartbeat:10s}") Duration heartbeat) {
		this.catalog = catalog;
		this.functions = functions;
		this.pollInterval = pollInterval;
		this.hub = new SseHub("seatline-live-seats", heartbeat, this::stopWatching);
	}

	/** Streams the seats of an event to a page: a full snapshot at once, then each change. */
	void watch(String eventId, SseEmitter emitter) {
		this.hub.open(eventId, emitter, () -> connect(eventId, emitter));
	}

	/** A booking or cancellation of this process committed: the engine announces it after the commit. */
	@EventListener
	void on(SeatsChanged changed) {
		changed(changed.eventId());
	}

	/** The number of events being watched now. */
	int watchedEvents() {
		return this.watched.size();
	}

	/** How many times seat maps were read since start. */
	long reads() {
		return this.reads.get();
	}

	private void changed(String eventId) {
		// after commit: the read on the worker sees the change; unwatched events cost nothing
		if (this.watched.contains(eventId)) {
			this.hub.onWorker(() -> refresh(eventId));
		}
	}

	/** Sends the page its snapshot; false when the stream is not to be kept (it is completed then). */
	private boolean connect(String eventId, SseEmitter emitter) {
		SeatStates now;
		try {
			now = read(eventId);
		}
		catch (NotFound ex) {
			SseHub.send(emitter, () -> gone(eventId, ex.getMessage()));
			return false;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the seats of event " + eventId + ": " + ex.getMessage());
			return false;
		}
		var watch = this.watches.get(eventId);
		if (watch != null) {
			// the pages already watching must not miss what this reading shows (should they all have gone, the
			// watch ends here and a new one starts below)
			publish(eventId, watch, now);
		}
		if (!this.watches.containsKey(eventId)) {
			// version unknown (-1): the first poll reads it and the seats again, which closes the gap since this read
			this.watches.put(eventId, new Watch(now));
			this.watched.add(eventId);
		}
		var snapshot = message(eventId, now.all(), now);
		return SseHub.send(emitter,
				() -> SseEmitter.event().name("snapshot").reconnectTime(RECONNECT.toMillis()).data(snapshot));
	}

	private void refresh(String eventId) {
		var watch = this.watches.get(eventId);
		if (watch == null) {
			return;
		}
		SeatStates now;
		try {
			// the version first: a change between the two reads is then seen again at the next poll, never missed
			watch.version = this.catalog.seatVersions(List.of(eventId)).getOrDefault(eventId, -1L);
			now = read(eventId);
		}
		catch (NotFound ex) {
			this.hub.end(eventId, () -> gone(eventId, ex.getMessage()));
			return;
		}
		catch (RuntimeException ex) {
			// a busy database, say: the next poll tries again
			logger.debug("Could not read the seats of event " + eventId + ": " + ex.getMessage());
			return;
		}
		publish(eventId, watch, now);
	}

	private void publish(String eventId, Watch watch, SeatStates now) {
		var changed = now.changedSince(watch.states);
		var called = !now.eventStatus().equals(watch.states.eventStatus());
		watch.states = now;
		// a cancelled event may change no seat (it had no bookings): its pages must still hear of it
		if (!changed.isEmpty() || called) {
			var data = message(eventId, changed, now);
			this.hub.broadcast(eventId, () -> SseEmitter.event().name("seats").data(data));
		}
	}

	private void poll() {
		if (this.watches.isEmpty()) {
			return;
		}
		var versions = this.catalog.seatVersions(List.copyOf(this.watches.keySet()));
		for (var eventId : new ArrayList<>(this.watches.keySet())) {
			var version = versions.get(eventId);
			if (version == null || version != this.watches.get(eventId).version) {
				refresh(eventId);
			}
		}
	}

	/** Nobody watches the event any more; on the worker. */
	private void stopWatching(String eventId) {
		this.watches.remove(eventId);
		this.watched.remove(eventId);
	}

	private SeatStates read(String eventId) {
		this.reads.incrementAndGet();
		return SeatStates.of(this.catalog.seatMap(eventId));
	}

	private String message(String eventId, List<SeatStates.Seat> seats, SeatStates now) {
		var message = new LinkedHashMap<String, Object>();
		message.put("eventId", eventId);
		message.put("seats", seats);
		message.put("availableSeats", now.available());
		message.put("status", now.eventStatus());
		return this.functions.toJson(message);
	}

	private SseEventBuilder gone(String eventId, String reason) {
		var message = new LinkedHashMap<String, Object>();
		message.put("error", "NOT_FOUND");
		message.put("message", reason);
		return SseEmitter.event().name("gone").data(this.functions.toJson(message));
	}

	@Override
	public void start() {
		this.hub.start();
		this.hub.repeat(this::poll, this.pollInterval);
	}

	@Override
	public void stop() {
		// open streams would hold up a graceful shutdown: the hub ends them, the pages reconnect to the next runner
		this.hub.stop();
	}

	@Override
	public boolean isRunning() {
		return this.hub.isRunning();
	}

	/** The seat statuses the pages watching one event were last sent. */
	private static final class Watch {

		private SeatStates states;

		/** The seat version read just before {@link #states}; -1 when not known yet. */
		private long version = -1;

		private Watch(SeatStates states) {
			this.states = states;
		}
	}
}
