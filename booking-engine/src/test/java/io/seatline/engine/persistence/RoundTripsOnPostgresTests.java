package io.seatline.engine.persistence;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class RoundTripsOnPostgresTests extends RoundTripsTests {
}
