package io.seatline.engine.catalog;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A seat map's seats, in seat-map order, held in blocks of {@value #BLOCK}. A map that differs from an older one by a
 * few seats is made from it by copying the blocks those seats are in and sharing all the others, the same objects:
 * so making it costs a few blocks, not the map, and a host that keeps something per block (the JSON of its seats) can
 * keep it for every block that is the same object as before. Immutable.
 */
public final class SeatList extends AbstractList<SeatMap.Seat> implements RandomAccess {

	/** Seats per block. */
	public static final int BLOCK = 64;

	private final List<List<SeatMap.Seat>> blocks;

	private final int size;

	private SeatList(List<List<SeatMap.Seat>> blocks, int size) {
		this.blocks = blocks;
		this.size = size;
	}

	/** The seats, in seat-map order, in blocks: a seat's index is its position. */
	public static SeatList of(List<SeatMap.Seat> seats) {
		var blocks = new ArrayList<List<SeatMap.Seat>>((seats.size() + BLOCK - 1) / BLOCK);
		for (int from = 0; from < seats.size(); from += BLOCK) {
			blocks.add(List.copyOf(seats.subList(from, Math.min(seats.size(), from + BLOCK))));
		}
		return new SeatList(List.copyOf(blocks), seats.size());
	}

	/**
	 * These seats with new statuses, by position: a new list that shares every block no change touches. A position
	 * outside the map is an {@link IndexOutOfBoundsException}.
	 */
	public SeatList with(Map<Integer, SeatStatus> statuses) {
		var blocks = new ArrayList<>(this.blocks);
		// the blocks copied for this list, by index: a block is copied once, however many of its seats change
		var copied = new SeatMap.Seat[blocks.size()][];
		statuses.forEach((position, status) -> {
			Objects.checkIndex(position, this.size);
			var index = position / BLOCK;
			if (copied[index] == null) {
				copied[index] = this.blocks.get(index).toArray(SeatMap.Seat[]::new);
			}
			var seat = copied[index][position % BLOCK];
			copied[index][position % BLOCK] = new SeatMap.Seat(seat.label(), status, seat.category());
		});
		for (int index = 0; index < copied.length; index++) {
			if (copied[index] != null) {
				blocks.set(index, List.of(copied[index]));
			}
		}
		return new SeatList(List.copyOf(blocks), this.size);
	}

	/**
	 * The blocks, in order, each {@value #BLOCK} seats (the last one may have fewer): a block that is the same object
	 * in two lists holds the same seats.
	 */
	public List<List<SeatMap.Seat>> blocks() {
		return this.blocks;
	}

	@Override
	public SeatMap.Seat get(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.blocks.get(index / BLOCK).get(index % BLOCK);
	}

	@Override
	public int size() {
		return this.size;
	}
}
