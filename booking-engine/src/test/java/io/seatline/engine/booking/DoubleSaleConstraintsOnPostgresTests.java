package io.seatline.engine.booking;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class DoubleSaleConstraintsOnPostgresTests extends DoubleSaleConstraintTests {

	@Override
	String liveSaleIndex() {
		return "ux_booking_seats_live";
	}
}
