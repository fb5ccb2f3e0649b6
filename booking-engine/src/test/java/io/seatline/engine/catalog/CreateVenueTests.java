package io.seatline.engine.catalog;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CreateVenueTests {

	@Test
	void aVenueOfRowsCountsRowsTimesSeats() {
		assertThat(CreateVenue.withRows("Hall", 3, 4).seatCount()).isEqualTo(12);
	}

	@Test
	void aVenueOfACapacityCountsItsCapacity() {
		assertThat(CreateVenue.withCapacity("Club", 250).seatCount()).isEqualTo(250);
	}

	@Test
	void theNameIsTrimmed() {
		assertThat(CreateVenue.withCapacity("  Club  ", 1).name()).isEqualTo("Club");
	}

	@Test
	void aVenueNeedsRowsOrACapacity() {
		assertRefused(new Object[] { "Hall", null, null, null }, "capacity");
	}

	@Test
	void rowsWithoutSeatsPerRowAreRefused() {
		assertRefused(new Object[] { "Hall", 3, null, null }, "seatsPerRow");
	}

	@Test
	void rowsAndACapacityTogetherAreRefused() {
		assertRefused(new Object[] { "Hall", 3, 4, 12 }, "capacity");
	}

	@Test
	void zeroOrNegativeCountsAreRefused() {
		assertRefused(new Object[] { "Hall", 0, 4, null }, "rows");
		assertRefused(new Object[] { "Hall", 2, -1, null }, "seatsPerRow");
		assertRefused(new Object[] { "Hall", null, null, 0 }, "capacity");
	}

	@Test
	void aVenueLargerThanTheLimitIsRefused() {
		assertRefused(new Object[] { "Hall", 500, 500, null }, "rows");
		assertRefused(new Object[] { "Hall", null, null, CreateVenue.MAX_SEATS + 1 }, "capacity");
	}

	@Test
	void aBlankNameIsRefused() {
		assertRefused(new Object[] { "  ", null, null, 10 }, "name");
		assertRefused(new Object[] { null, null, null, 10 }, "name");
	}

	private static void assertRefused(Object[] args, String field) {
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> new CreateVenue((String) args[0], (Integer) args[1], (Integer) args[2],
					(Integer) args[3]))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}
}
