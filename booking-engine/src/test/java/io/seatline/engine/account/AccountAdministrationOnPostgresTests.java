package io.seatline.engine.account;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class AccountAdministrationOnPostgresTests extends AccountAdministrationTests {
}
