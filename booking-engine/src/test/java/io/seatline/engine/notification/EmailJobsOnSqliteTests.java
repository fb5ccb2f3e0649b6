package io.seatline.engine.notification;

import io.seatline.testapp.EngineTest;

@EngineTest
class EmailJobsOnSqliteTests extends EmailJobsTests {
}
