package io.seatline.engine.boxoffice;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class BoxOfficeOnPostgresTests extends BoxOfficeTests {
}
