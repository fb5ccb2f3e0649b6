package io.seatline.engine.payment;

import io.seatline.testapp.EngineTest;

@EngineTest
class CheckoutOnSqliteTests extends CheckoutTests {
}
