package io.seatline.engine;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs several engine calls as one transaction, so that a composed call (a pipeline of functions) that fails at any
 * step changes nothing, as the contract promises for every call.
 */
@Component
public class AllOrNothing {

	/** Runs the work in one write transaction; an exception anywhere rolls all of it back. */
	@Transactional
	public <T> T run(Supplier<T> work) {
		return work.get();
	}
}
