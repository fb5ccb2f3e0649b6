package io.seatline.engine.review;

import io.seatline.testapp.EngineTest;

@EngineTest
class ReviewBoardOnSqliteTests extends ReviewBoardTests {
}
