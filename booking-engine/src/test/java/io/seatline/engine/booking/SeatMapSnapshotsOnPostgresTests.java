package io.seatline.engine.booking;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class SeatMapSnapshotsOnPostgresTests extends SeatMapSnapshotsTests {
}
