package io.seatline.engine.notification;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class EmailJobsOnPostgresTests extends EmailJobsTests {
}
