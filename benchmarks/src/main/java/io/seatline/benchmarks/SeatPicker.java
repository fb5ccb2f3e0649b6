package io.seatline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A venue's seats as the contract labels them (rows {@code A}..{@code Z}, {@code AA}, ...; seats {@code A1},
 * {@code A2}, ...), and random picks of 1 to 4 adjacent seats in one row, as buyers ask for them.
 */
record SeatPicker(int rows, int seatsPerRow) {

	static final int MAX_SEATS = 4;

	int capacity() {
		return this.rows * this.seatsPerRow;
	}

	/** 1 to 4 adjacent seats of one random row, each as {@link Seat}. */
	List<Seat> pick() {
		return pick(ThreadLocalRandom.current());
	}

	/** 1 to 4 adjacent seats of one row, drawn from {@code random} (a seeded one repeats its picks). */
	List<Seat> pick(RandomGenerator random) {
		int count = 1 + random.nextInt(Math.min(MAX_SEATS, this.seatsPerRow));
		int row = random.nextInt(this.rows);
		int first = random.nextInt(this.seatsPerRow - count + 1);
		var seats = new ArrayList<Seat>(count);
		for (int seat = first; seat < first + count; seat++) {
			seats.add(seat(row, seat));
		}
		return seats;
	}

	/** Every seat, row by row. */
	List<Seat> all() {
		var seats = new ArrayList<Seat>(capacity());
		for (int row = 0; row < this.rows; row++) {
			for (int seat = 0; seat < this.seatsPerRow; seat++) {
				seats.add(seat(row, seat));
			}
		}
		return seats;
	}

	static List<String> labels(List<Seat> seats) {
		return seats.stream().map(Seat::label).toList();
	}

	private Seat seat(int row, int seat) {
		return new Seat(rowLetters(row) + (seat + 1), row * this.seatsPerRow + seat);
	}

	/** The letters of a zero-based row: bijective base 26, so {@code AA} follows {@code Z}. */
	static String rowLetters(int index) {
		var letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.append((char) ('A' + (n - 1) % 26));
		}
		return letters.reverse().toString();
	}

	/** A seat: its label and its zero-based place in the seat map. */
	record Seat(String label, int position) {
	}
}
