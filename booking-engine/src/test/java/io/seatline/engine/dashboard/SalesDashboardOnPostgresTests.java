package io.seatline.engine.dashboard;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class SalesDashboardOnPostgresTests extends SalesDashboardTests {
}
