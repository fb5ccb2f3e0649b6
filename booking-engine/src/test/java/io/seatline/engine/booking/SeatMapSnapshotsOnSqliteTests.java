package io.seatline.engine.booking;

import io.seatline.testapp.EngineTest;

@EngineTest
class SeatMapSnapshotsOnSqliteTests extends SeatMapSnapshotsTests {
}
