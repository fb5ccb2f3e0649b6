package io.seatline.engine.review;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class ReviewBoardOnPostgresTests extends ReviewBoardTests {
}
