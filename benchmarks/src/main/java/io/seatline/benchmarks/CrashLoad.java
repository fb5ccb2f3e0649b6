package io.seatline.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * The crash test's buyers: each on its own thread, signed in as its own user, books 1 to 4 adjacent seats of the hot
 * event ({@code reserveSeats}) again and again, and keeps what every request came to. A request without a reply (the
 * runner was killed under it) has an unknown outcome: its booking may or may not have committed. After one, the
 * buyer waits for the runner to be back, then goes on with a new connection.
 */
final class CrashLoad implements AutoCloseable {

	private final Stage stage;

	private final HotEvents hot;

	private final long seed;

	private final List<Thread> threads = new ArrayList<>();

	private final Queue<Confirmation> confirmed = new ConcurrentLinkedQueue<>();

	private final Queue<Request> unknown = new ConcurrentLinkedQueue<>();

	private final Map<Integer, Long> refused = new TreeMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong failuresWithoutKill = new AtomicLong();

	private volatile boolean stopping;

	// guarded by this: whether the runner answers, and how many times it went down
	private boolean up = true;

	private int generation;

	private CrashLoad(Stage stage, HotEvents hot, long seed) {
		this.stage = stage;
		this.hot = hot;
		this.seed = seed;
	}

	/** Starts {@code clients} buyers on the stage's runner; client {@code i} picks seats from {@code seed + i}. */
	static CrashLoad start(Stage stage, HotEvents hot, int clients, long seed) {
		var load = new CrashLoad(stage, hot, seed);
		for (int client = 0; client < clients; client++) {
			int index = client;
			var thread = new Thread(() -> load.book(index), "crash-buyer-" + (client + 1));
			thread.setDaemon(true);
			load.threads.add(thread);
			thread.start();
		}
		return load;
	}

	/** Said before the runner is killed: a request that fails from now on failed because of the kill. */
	synchronized void runnerDown() {
		this.up = false;
		this.generation++;
	}

	/** Said once the new runner answers: the buyers go on. */
	synchronized void runnerUp() {
		this.up = true;
		notifyAll();
	}

	/** Stops the buyers and waits for their last requests. */
	@Override
	public void close() throws InterruptedException {
		this.stopping = true;
		synchronized (this) {
			notifyAll();
		}
		for (var thread : this.threads) {
			thread.join();
		}
	}

	/** The {@code 200} replies, each with what was asked. */
	List<Confirmation> confirmed() {
		return List.copyOf(this.confirmed);
	}

	/** The requests that got no reply: booked or not, nobody can tell from the client. */
	List<Request> unknown() {
		return List.copyOf(this.unknown);
	}

	/** The replies other than {@code 200}, by status. */
	synchronized Map<Integer, Long> refused() {
		return new TreeMap<>(this.refused);
	}

	long requests() {
		return this.requests.get();
	}

	/** Requests without a reply while the runner was not being killed (they count as unknown too). */
	long failuresWithoutKill() {
		return this.failuresWithoutKill.get();
	}

	long confirmedSeats() {
		return this.confirmed.stream().mapToLong((confirmation) -> confirmation.request().seats().size()).sum();
	}

	private void book(int client) {
		var random = new Random(this.seed + client);
		var token = this.stage.user(client);
		var username = this.stage.username(client);
		SeatlineApi api = null;
		int connectedIn = -1;
		try {
			for (int generation = awaitUp(); generation >= 0; generation = awaitUp()) {
				if (api == null || connectedIn != generation) {
					close(api);
					api = new SeatlineApi(this.stage.endpoint(client));
					connectedIn = generation;
				}
				var request = new Request(username, this.hot.current(),
						SeatPicker.labels(this.stage.seats().pick(random)));
				HttpConnection.Reply reply;
				try {
					this.requests.incrementAndGet();
					reply = api.call("reserveSeats", SeatlineApi.reservation(request.event(), request.seats()), token);
				}
				catch (IOException | RuntimeException noReply) {
					// no reply, or the start of one: the request may have committed or not
					this.unknown.add(request);
					close(api);
					api = null;
					if (wasNotKilled(generation)) {
						this.failuresWithoutKill.incrementAndGet();
						Thread.sleep(100);
					}
					continue;
				}
				record(request, reply);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			close(api);
		}
	}

	private void record(Request request, HttpConnection.Reply reply) {
		if (reply.status() != 200) {
			synchronized (this) {
				this.refused.merge(reply.status(), 1L, Long::sum);
			}
			return;
		}
		var json = SeatlineApi.JSON.readTree(reply.body());
		this.confirmed.add(new Confirmation(request, json.path("bookingId").asString(), json.path("status").asString(),
				texts(json.path("seats"))));
		try {
			this.hot.sold(request.event(), request.seats().size());
		}
		catch (Exception runnerDownWhileCreatingTheNextEvent) {
			// the event stays the hot one a little longer: the next sale on it tries again
		}
	}

	/** Waits while the runner is down; returns how many times it went down, or -1 once the load stops. */
	private synchronized int awaitUp() throws InterruptedException {
		while (!this.up && !this.stopping) {
			wait();
		}
		return this.stopping ? -1 : this.generation;
	}

	private synchronized boolean wasNotKilled(int generation) {
		return this.up && this.generation == generation;
	}

	private static void close(SeatlineApi api) {
		if (api != null) {
			api.close();
		}
	}

	private static List<String> texts(JsonNode array) {
		var texts = new ArrayList<String>();
		array.forEach((element) -> texts.add(element.asString()));
		return texts;
	}

	/** A booking request: who asked for which seats of which event. */
	record Request(String username, String event, List<String> seats) {
	}

	/** A {@code 200} reply to a request: the booking's id, and the status and seats the reply announced. */
	record Confirmation(Request request, String bookingId, String status, List<String> seats) {
	}
}
