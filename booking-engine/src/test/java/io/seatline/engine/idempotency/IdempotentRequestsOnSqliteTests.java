package io.seatline.engine.idempotency;

import io.seatline.testapp.EngineTest;

@EngineTest
class IdempotentRequestsOnSqliteTests extends IdempotentRequestsTests {
}
