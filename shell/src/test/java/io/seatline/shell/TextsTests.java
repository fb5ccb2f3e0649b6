package io.seatline.shell;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

	@Test
	void aTableWiderThanTheWidthCutsItsWidestColumnWithAnEllipsis() {
		var table = Texts.table(List.of("NAME", "SEATS", "TEXT"),
				List.of(List.of("ann", "12", "x ".repeat(30)), List.of("bob", "7", "short")), 40);
		assertThat(table.lines()).allSatisfy((line) -> assertThat(line).hasSize(40));
		assertThat(table).contains("|ann |   12|" + "x ".repeat(13) + "\u2026|").contains("|bob |    7|short");
	}

	@Test
	void idsAndWordsAreNeverCutEvenWhenTheTableIsWider() {
		var id = "booking-confirmed.jpdhd7x2k9q4w";
		var table = Texts.table(List.of("JOB", "LAST ERROR"), List.of(List.of(id, "The SMTP server said no, twice over")), 30);
		assertThat(table).contains("|" + id + "|The SMTP \u2026|");
	}

	@Test
	void timesAreNeverCut() {
		var table = Texts.table(List.of("STARTS", "TEXT"),
				List.of(List.of("2031-05-01 20:00 America/Argentina/Buenos_Aires", "a few words and some more")), 40);
		assertThat(table).contains("|2031-05-01 20:00 America/Argentina/Buenos_Aires|a fe\u2026|");
	}

	@Test
	void aNarrowTableKeepsItsNaturalWidthAndRightAlignsFigures() {
		var table = Texts.table(List.of("EVENT", "FREE SEATS"), List.of(List.of("Hamlet", "3 of 36"), List.of("Lear", "")), 100);
		assertThat(table).isEqualTo("""
				+------+----------+
				|EVENT |FREE SEATS|
				+------+----------+
				|Hamlet|   3 of 36|
				|Lear  |          |
				+------+----------+""");
	}

	@Test
	void theWidthComesFromColumnsOrIsAHundred() {
		assertThat(Texts.widthOf("132")).isEqualTo(132);
		assertThat(Texts.widthOf(null)).isEqualTo(100);
		assertThat(Texts.widthOf("wide")).isEqualTo(100);
		assertThat(Texts.widthOf("3")).isEqualTo(100);
	}
}
