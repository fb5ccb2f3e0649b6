package io.seatline.engine.account;

import io.seatline.testapp.EngineTest;

@EngineTest
class AccountAdministrationOnSqliteTests extends AccountAdministrationTests {
}
