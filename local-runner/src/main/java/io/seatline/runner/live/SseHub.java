package io.seatline.runner.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The open Server-Sent Events streams of one live feature, by topic (an event's id, say), and the one worker thread
 * that does all their sends, so that every page gets a topic's messages in order. A stream leaves its topic when it
 * completes, fails or times out, or when a send to it fails; a heartbeat goes to every stream, which is also how a page
 * that went away is noticed. A task that throws is logged and the worker lives on. Started and stopped by its owner.
 */
final class SseHub {

	private static final Log logger = LogFactory.getLog(SseHub.class);

	private final String name;

	private final Duration heartbeat;

	/** Told on the worker when the last stream of a topic left it. */
	private final Consumer<String> vacated;

	/** The open streams by topic; changed on the worker only, read anywhere. */
	private final Map<String, List<SseEmitter>> topics = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService worker;

	/** name: the worker thread's name; vacated: told on the worker when the last stream of a topic left it. */
	SseHub(String name, Duration heartbeat, Consumer<String> vacated) {
		this.name = name;
		this.heartbeat = heartbeat;
		this.vacated = vacated;
	}

	/**
	 * Opens a stream on a topic: on the worker, greet sends its first message and says whether to keep it; a stream
	 * not kept (or opened while stopped) is completed.
	 */
	void open(String topic, SseEmitter emitter, BooleanSupplier greet) {
		emitter.onCompletion(() -> onWorker(() -> leave(topic, emitter)));
		emitter.onError((ex) -> onWorker(() -> leave(topic, emitter)));
		emitter.onTimeout(emitter::complete);
		var queued = onWorker(() -> {
			if (greet.getAsBoolean()) {
				this.topics.computeIfAbsent(topic, (key) -> new CopyOnWriteArrayList<>()).add(emitter);
			}
			else {
				emitter.complete();
				if (!this.topics.containsKey(topic)) {
					this.vacated.accept(topic);
				}
			}
		});
		if (!queued) {
			emitter.complete();
		}
	}

	/** Sends to every stream of the topic; on the worker. Those the send fails for leave it. */
	void broadcast(String topic, Supplier<SseEventBuilder> event) {
		var emitters = this.topics.get(topic);
		if (emitters != null) {
			emitters.removeIf((emitter) -> !send(emitter, event));
			vacateIfEmpty(topic, emitters);
		}
	}

	/** Sends a last message to every stream of the topic and ends them; on the worker. */
	void end(String topic, Supplier<SseEventBuilder> last) {
		var emitters = this.topics.remove(topic);
		if (emitters != null) {
			for (var emitter : emitters) {
				send(emitter, last);
				emitter.complete();
			}
		}
		this.vacated.accept(topic);
	}

	/** How many streams a topic has now. */
	int streams(String topic) {
		var emitters = this.topics.get(topic);
		return (emitters != null) ? emitters.size() : 0;
	}

	/** Sends one message to one stream; false when the page went away. */
	static boolean send(SseEmitter emitter, Supplier<SseEventBuilder> event) {
		try {
			emitter.send(event.get());
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the page went away; the container reports it to the emitter's callbacks as well
			return false;
		}
	}

	/** Runs the task on the worker, soon; false when stopped. */
	boolean onWorker(Runnable task) {
		var current = this.worker;
		if (current == null) {
			return false;
		}
		try {
			current.execute(guarded(task));
			return true;
		}
		catch (RejectedExecutionException ex) {
			// stopping: nobody listens any more
			return false;
		}
	}

	/** Runs the task on the worker after a delay; nothing when stopped. */
	void later(Runnable task, Duration delay) {
		var current = this.worker;
		if (current == null) {
			return;
		}
		try {
			current.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping: nobody listens any more
		}
	}

	/** Runs the task on the worker again and again, the interval between the end of one run and the next. */
	void repeat(Runnable task, Duration interval) {
		var millis = interval.toMillis();
		this.worker.scheduleWithFixedDelay(guarded(task), millis, millis, TimeUnit.MILLISECONDS);
	}

	private void leave(String topic, SseEmitter emitter) {
		var emitters = this.topics.get(topic);
		if (emitters != null && emitters.remove(emitter)) {
			vacateIfEmpty(topic, emitters);
		}
	}

	private void vacateIfEmpty(String topic, List<SseEmitter> emitters) {
		if (emitters.isEmpty()) {
			this.topics.remove(topic);
			this.vacated.accept(topic);
		}
	}

	private void beat() {
		for (var topic : List.copyOf(this.topics.keySet())) {
			broadcast(topic, () -> SseEmitter.event().comment("heartbeat"));
		}
	}

	private Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				// a scheduled task that throws is never run again: keep the worker alive
				logger.warn(this.name + " failed: " + ex.getMessage(), ex);
			}
		};
	}

	void start() {
		var started = Executors.newSingleThreadScheduledExecutor((task) -> {
			var thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		var beat = this.heartbeat.toMillis();
		started.scheduleAtFixedRate(guarded(this::beat), beat, beat, TimeUnit.MILLISECONDS);
		this.worker = started;
	}

	/** Ends every stream (open ones would hold up a graceful shutdown; pages reconnect to the next runner). */
	void stop() {
		var stopping = this.worker;
		this.worker = null;
		if (stopping == null) {
			return;
		}
		stopping.execute(() -> {
			for (var topic : List.copyOf(this.topics.keySet())) {
				this.topics.remove(topic).forEach(SseEmitter::complete);
				this.vacated.accept(topic);
			}
		});
		stopping.shutdown();
		try {
			stopping.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	boolean isRunning() {
		return this.worker != null;
	}
}
