package io.seatline.engine.catalog;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class EventListingsOnPostgresTests extends EventListingsTests {
}
