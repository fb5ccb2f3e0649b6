package io.seatline.engine.dashboard;

import io.seatline.testapp.EngineTest;

@EngineTest
class SalesDashboardOnSqliteTests extends SalesDashboardTests {
}
