package io.seatline.engine.booking;

import io.seatline.testapp.EngineTest;

@EngineTest
class DoubleSaleConstraintsOnSqliteTests extends DoubleSaleConstraintTests {

	@Override
	String liveSaleIndex() {
		// SQLite names the columns of the index it enforced
		return "UNIQUE constraint failed: booking_seats.event_id, booking_seats.label";
	}
}
