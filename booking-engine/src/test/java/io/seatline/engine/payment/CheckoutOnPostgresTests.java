package io.seatline.engine.payment;

import io.seatline.testapp.PostgresEngineTest;

@PostgresEngineTest
class CheckoutOnPostgresTests extends CheckoutTests {
}
