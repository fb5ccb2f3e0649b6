package io.seatline.runner.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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

	private final Duration heartbeat;

	/** The watched events; touched by the worker thread only. */
	private final Map<String, Watch> watches = new HashMap<>();

	/** The ids of the watched events, for the booking listeners that run on request threads. */
	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	private final AtomicLong reads = new AtomicLong();

	private volatile ScheduledExecutorService worker;

	LiveSeats(EventCatalog catalog, FunctionInvoker functions,
			@Value("${seatline.live.poll-interval:300ms}") Duration pollInterval,
			@Value("${seatline.live.heartbeat:10s}") Duration heartbeat) {
		this.catalog = catalog;
		this.functions = functions;
		this.pollInterval = pollInterval;
		this.heartbeat = heartbeat;
	}

	/** Streams the seats of an event to a page: a full snapshot at once, then each change. */
	void watch(String eventId, SseEmitter emitter) {
		emitter.onCompletion(() -> onWorker(() -> forget(eventId, emitter)));
		emitter.onError((ex) -> onWorker(() -> forget(eventId, emitter)));
		emitter.onTimeout(emitter::complete);
		if (!onWorker(() -> connect(eventId, emitter))) {
			emitter.complete();
		}
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
			onWorker(() -> refresh(eventId));
		}
	}

	private void connect(String eventId, SseEmitter emitter) {
		SeatStates now;
		try {
			now = read(eventId);
		}
		catch (NotFound ex) {
			send(emitter, () -> gone(eventId, ex.getMessage()));
			emitter.complete();
			return;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the seats of event " + eventId + ": " + ex.getMessage());
			emitter.complete();
			return;
		}
		var watch = this.watches.get(eventId);
		if (watch == null) {
			// version unknown (-1): the first poll reads it and the seats again, which closes the gap since this read
			watch = new Watch(now);
			this.watches.put(eventId, watch);
			this.watched.add(eventId);
		}
		else {
			// the pages already watching must not miss what this reading shows
			publish(eventId, watch, now);
		}
		var snapshot = message(eventId, now.all(), now);
		var sent = send(emitter,
				() -> SseEmitter.event().name("snapshot").reconnectTime(RECONNECT.toMillis()).data(snapshot));
		if (sent) {
			watch.emitters.add(emitter);
		}
		else if (watch.emitters.isEmpty()) {
			stopWatching(eventId);
		}
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
			for (var emitter : watch.emitters) {
				send(emitter, () -> gone(eventId, ex.getMessage()));
				emitter.complete();
			}
			stopWatching(eventId);
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
			broadcast(eventId, watch, () -> SseEmitter.event().name("seats").data(data));
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

	private void beat() {
		for (var entry : new ArrayList<>(this.watches.entrySet())) {
			// also how a page that went away is noticed: the write fails
			broadcast(entry.getKey(), entry.getValue(), () -> SseEmitter.event().comment("heartbeat"));
		}
	}

	private void broadcast(String eventId, Watch watch, Supplier<SseEventBuilder> event) {
		watch.emitters.removeIf((emitter) -> !send(emitter, event));
		if (watch.emitters.isEmpty()) {
			stopWatching(eventId);
		}
	}

	private void forget(String eventId, SseEmitter emitter) {
		var watch = this.watches.get(eventId);
		if (watch != null && watch.emitters.remove(emitter) && watch.emitters.isEmpty()) {
			stopWatching(eventId);
		}
	}

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

	private static boolean send(SseEmitter emitter, Supplier<SseEventBuilder> event) {
		try {
			emitter.send(event.get());
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the page went away; the container reports it to the emitter's callbacks as well
			return false;
		}
	}

	private boolean onWorker(Runnable task) {
		var current = this.worker;
		if (current == null) {
			return false;
		}
		try {
			current.execute(guarded(task));
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private static Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				// a scheduled task that throws is never run again: keep the worker alive
				logger.warn("Live seats failed: " + ex.getMessage(), ex);
			}
		};
	}

	@Override
	public void start() {
		var started = Executors.newSingleThreadScheduledExecutor((task) -> {
			var thread = new Thread(task, "seatline-live-seats");
			thread.setDaemon(true);
			return thread;
		});
		var poll = this.pollInterval.toMillis();
		started.scheduleWithFixedDelay(guarded(this::poll), poll, poll, TimeUnit.MILLISECONDS);
		var beat = this.heartbeat.toMillis();
		started.scheduleAtFixedRate(guarded(this::beat), beat, beat, TimeUnit.MILLISECONDS);
		this.worker = started;
	}

	@Override
	public void stop() {
		var stopping = this.worker;
		this.worker = null;
		if (stopping == null) {
			return;
		}
		// open streams would hold up a graceful shutdown: end them, the pages reconnect to the next runner
		stopping.execute(() -> {
			this.watches.values().forEach((watch) -> watch.emitters.forEach(SseEmitter::complete));
			this.watches.clear();
			this.watched.clear();
		});
		stopping.shutdown();
		try {
			stopping.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	/** The pages watching one event and the seat statuses they were last sent. */
	private static final class Watch {

		private final List<SseEmitter> emitters = new ArrayList<>();

		private SeatStates states;

		/** The seat version read just before {@link #states}; -1 when not known yet. */
		private long version = -1;

		private Watch(SeatStates states) {
			this.states = states;
		}
	}
}
