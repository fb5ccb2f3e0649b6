package io.seatline.engine.persistence;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.SeatInventory;
import io.seatline.testapp.EngineTest;
import io.seatline.testapp.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's transactions name the one transaction manager, so that no call looks for a qualifier. */
@EngineTest
class NamedTransactionManagerTests {

	@Autowired
	TransactionInterceptor interceptor;

	@Autowired
	Fixtures fixtures;

	@Autowired
	EventCatalog catalog;

	@Test
	void everyTransactionalMethodOfTheEngineNamesTheTransactionManagerAndStillRuns() throws Exception {
		var source = this.interceptor.getTransactionAttributeSource();
		for (var method : new Method[] {
				SeatReservations.class.getMethod("reserve", User.class, ReserveSeats.class),
				EventCatalog.class.getMethod("venues"),
				SeatInventory.class.getMethod("versionOf", String.class) }) {
			var attribute = source.getTransactionAttribute(method, method.getDeclaringClass());
			assertThat(((DefaultTransactionAttribute) attribute).getQualifier()).as(method.getName())
				.isEqualTo("transactionManager");
			// the same attribute object each time: found once, not per call
			assertThat(source.getTransactionAttribute(method, method.getDeclaringClass())).isSameAs(attribute);
		}
		// reads and writes still run in their transactions
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin,
				CreateVenue.withCapacity("Named " + System.nanoTime(), 3));
		assertThat(this.catalog.venues()).extracting((v) -> v.venueId()).contains(venue.venueId());
	}
}
