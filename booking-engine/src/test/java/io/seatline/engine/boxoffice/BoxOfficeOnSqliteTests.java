package io.seatline.engine.boxoffice;

import io.seatline.testapp.EngineTest;

@EngineTest
class BoxOfficeOnSqliteTests extends BoxOfficeTests {
}
