package io.seatline.engine.catalog;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class PricesOnPostgresTests extends PricesTests {
}
