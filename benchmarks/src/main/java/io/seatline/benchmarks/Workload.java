package io.seatline.benchmarks;

import java.util.function.IntFunction;

/**
 * Clients that send the same kind of request, each on its own thread, each waiting for a reply before the next
 * request (a closed loop).
 *
 * @param name how the samples of these clients are told apart from others running at once
 * @param clients how many clients
 * @param client the call of the client with the given index
 */
record Workload(String name, int clients, IntFunction<Call> client) {
}
