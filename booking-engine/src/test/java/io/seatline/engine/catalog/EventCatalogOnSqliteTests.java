package io.seatline.engine.catalog;

import io.seatline.testapp.EngineTest;

@EngineTest
class EventCatalogOnSqliteTests extends EventCatalogTests {
}
