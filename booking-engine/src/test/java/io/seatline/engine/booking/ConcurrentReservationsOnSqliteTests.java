package io.seatline.engine.booking;

import io.seatline.testapp.EngineTest;

@EngineTest
class ConcurrentReservationsOnSqliteTests extends ConcurrentReservationsTests {
}
