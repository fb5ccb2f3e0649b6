package io.seatline.engine.catalog;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.seatline.engine.error.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimesTests {

	@Test
	void anInstantWithAnOffsetIsReadAsUtc() {
		assertThat(Times.instant("startsAt", "2026-12-24T19:30:00+01:00"))
			.isEqualTo(Instant.parse("2026-12-24T18:30:00Z"));
	}

	@Test
	void anInstantIsKeptToTheMillisecond() {
		assertThat(Times.instant("startsAt", "2026-12-24T19:30:00.123456+01:00"))
			.isEqualTo(Instant.parse("2026-12-24T18:30:00.123Z"));
	}

	@Test
	void anInstantWithoutOffsetIsRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> Times.instant("startsAt", "2026-12-24T19:30"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("startsAt"));
	}

	@Test
	void datesAreYearMonthDay() {
		assertThat(Times.date("from", "2026-12-24")).isEqualTo(LocalDate.of(2026, 12, 24));
		assertThat(Times.date("from", "")).isNull();
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> Times.date("from", "24/12/2026"));
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> Times.date("to", "2026-02-30"));
	}

	@Test
	void browsingWithToBeforeFromIsRefused() {
		assertThatExceptionOfType(InvalidRequest.class).isThrownBy(() -> BrowseEvents.of(null, "2026-12-24", "2026-12-23"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("to"));
	}
}
