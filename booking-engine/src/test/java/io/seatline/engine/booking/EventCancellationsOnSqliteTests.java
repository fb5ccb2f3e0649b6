package io.seatline.engine.booking;

import io.seatline.testapp.EngineTest;

@EngineTest
class EventCancellationsOnSqliteTests extends EventCancellationsTests {
}
