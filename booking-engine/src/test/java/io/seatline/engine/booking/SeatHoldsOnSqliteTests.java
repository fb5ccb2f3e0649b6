package io.seatline.engine.booking;

import io.seatline.testapp.EngineTest;

@EngineTest
class SeatHoldsOnSqliteTests extends SeatHoldsTests {
}
