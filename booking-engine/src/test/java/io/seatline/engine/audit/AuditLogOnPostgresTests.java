package io.seatline.engine.audit;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class AuditLogOnPostgresTests extends AuditLogTests {
}
