package io.seatline.engine.audit;

import io.seatline.testapp.EngineTest;

@EngineTest
class AuditLogOnSqliteTests extends AuditLogTests {
}
