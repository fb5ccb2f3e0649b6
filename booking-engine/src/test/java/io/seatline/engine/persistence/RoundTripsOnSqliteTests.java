package io.seatline.engine.persistence;

import io.seatline.testapp.EngineTest;

@EngineTest
class RoundTripsOnSqliteTests extends RoundTripsTests {
}
