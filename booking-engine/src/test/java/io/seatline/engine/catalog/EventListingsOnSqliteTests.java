package io.seatline.engine.catalog;

import io.seatline.testapp.EngineTest;

@EngineTest
class EventListingsOnSqliteTests extends EventListingsTests {
}
