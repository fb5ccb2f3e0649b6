package io.seatline.benchmarks;

/** One client's request, sent again and again by the client's own thread; owns the client's connection. */
interface Call extends AutoCloseable {

	/** Sends one request and waits for its reply. */
	Outcome call() throws Exception;

	@Override
	default void close() {
	}

	/**
	 * What a request came to.
	 *
	 * @param status the HTTP status, {@link #FAILED} when no reply came (an I/O error)
	 * @param seats the seats a booking sold, 0 otherwise
	 */
	record Outcome(int status, int seats) {

		static final int FAILED = -1;

		static final Outcome OK = new Outcome(200, 0);

		static Outcome of(int status) {
			return (status == 200) ? OK : new Outcome(status, 0);
		}
	}
}
