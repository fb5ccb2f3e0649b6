package io.seatline.runner.live;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

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

	private static final Log logger = LogFactory.getLog(LiveChanges.class);

	private final FunctionInvoker functions;

	private final Duration interval;

	private final Duration heartbeat;

	private final Duration timeout;

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	/** The events changed since the last message; touched by the worker thread only. */
	private final Set<String> pending = new TreeSet<>();

	/** When the last message went out (nanoTime), and whether one is scheduled; worker thread only. */
	private long lastSent = System.nanoTime() - Long.MAX_VALUE / 2;

	private boolean scheduled;

	private volatile ScheduledExecutorService worker;

	LiveChanges(FunctionInvoker functions, @Value("${seatline.live.changes-interval:500ms}") Duration interval,
			@Value("${seatline.live.heartbeat:10s}") Duration heartbeat,
			@Value("${seatline.live.stream-timeout:30m}") Duration timeout) {
		this.functions = functions;
		this.interval = interval;
		this.heartbeat = heartbeat;
		this.timeout = timeout;
	}

	@GetMapping(path = "/live/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter changes(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		var emitter = new SseEmitter(this.timeout.toMillis());
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		emitter.onTimeout(emitter::complete);
		var listening = SseEmitter.event().name("listening").reconnectTime(1000).data("{}");
		if (this.worker != null && send(emitter, () -> listening)) {
			this.emitters.add(emitter);
		}
		else {
			emitter.complete();
		}
		return emitter;
	}

	/** A booking, cancellation or block of this process committed. */
	@EventListener
	void on(SeatsChanged changed) {
		var current = this.worker;
		if (current == null) {
			return;
		}
		onWorker(() -> {
			this.pending.add(changed.eventId());
			if (!this.scheduled) {
				this.scheduled = true;
				// the first change goes out at once, those that follow wait for the interval to pass
				var wait = Math.max(0, this.lastSent + this.interval.toNanos() - System.nanoTime());
				try {
					current.schedule(guarded(this::flush), wait, TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					// stopping: nobody listens any more
				}
			}
		});
	}

	/** The number of pages listening now. */
	int listeners() {
		return this.emitters.size();
	}

	private void flush() {
		this.scheduled = false;
		this.lastSent = System.nanoTime();
		var message = new LinkedHashMap<String, Object>();
		message.put("eventIds", List.copyOf(this.pending));
		this.pending.clear();
		var data = this.functions.toJson(message);
		broadcast(() -> SseEmitter.event().name("changed").data(data));
	}

	private void broadcast(Supplier<SseEventBuilder> event) {
		this.emitters.removeIf((emitter) -> !send(emitter, event));
	}

	private static boolean send(SseEmitter emitter, Supplier<SseEventBuilder> event) {
		try {
			emitter.send(event.get());
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

	private void onWorker(Runnable task) {
		var current = this.worker;
		if (current == null) {
			return;
		}
		try {
			current.execute(guarded(task));
		}
		catch (RejectedExecutionException ex) {
			// stopping: nobody listens any more
		}
	}

	private static Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Live changes failed: " + ex.getMessage(), ex);
			}
		};
	}

	@Override
	public void start() {
		var started = Executors.newSingleThreadScheduledExecutor((task) -> {
			var thread = new Thread(task, "seatline-live-changes");
			thread.setDaemon(true);
			return thread;
		});
		var beat = this.heartbeat.toMillis();
		// also how a page that went away is noticed: the write fails
		started.scheduleAtFixedRate(guarded(() -> broadcast(() -> SseEmitter.event().comment("heartbeat"))), beat,
				beat, TimeUnit.MILLISECONDS);
		this.worker = started;
	}

	@Override
	public void stop() {
		var stopping = this.worker;
		this.worker = null;
		if (stopping == null) {
			return;
		}
		// open streams would hold up a graceful shutdown
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
		stopping.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}
}
