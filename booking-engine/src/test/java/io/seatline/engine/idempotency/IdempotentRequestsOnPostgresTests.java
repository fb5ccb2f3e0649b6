package io.seatline.engine.idempotency;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class IdempotentRequestsOnPostgresTests extends IdempotentRequestsTests {
}
