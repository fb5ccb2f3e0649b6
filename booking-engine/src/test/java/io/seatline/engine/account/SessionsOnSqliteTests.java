package io.seatline.engine.account;

import io.seatline.testapp.EngineTest;

@EngineTest
class SessionsOnSqliteTests extends SessionsTests {
}
