package io.seatline.engine.persistence;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.seatline.engine.error.Conflict;
import io.seatline.testapp.EngineTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Rows written at the commit of a shared write, on a real SQLite file, through the write path and its savepoints. */
@EngineTest
class RowsAtCommitTests {

	@Autowired
	WritePath writes;

	@Autowired
	JdbcTemplate jdbc;

	private final List<List<String>> batches = new ArrayList<>();

	private final RowsAtCommit.Destination<String> destination = (rows) -> {
		this.batches.add(rows);
		this.jdbc.batchUpdate("insert into rows_at_commit (value) values (?)",
				rows.stream().map((row) -> new Object[] { row }).toList());
	};

	@BeforeEach
	void table() {
		this.writes.run(() -> {
			this.jdbc.update("create table if not exists rows_at_commit (value text not null)");
			this.jdbc.update("delete from rows_at_commit");
		});
	}

	@Test
	void theRowsOfAWriteAreWrittenTogetherAtItsCommitWithoutThoseOfARefusedPart() {
		this.writes.run(() -> {
			RowsAtCommit.add(this.destination, "first");
			assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.writes.attempt(() -> {
				RowsAtCommit.add(this.destination, "refused");
				throw new Conflict("refused");
			}));
			this.writes.attempt(() -> {
				RowsAtCommit.add(this.destination, "second");
				return null;
			});
			assertThat(values()).as("nothing is written before the commit").isEmpty();
		});

		assertThat(this.batches).containsExactly(List.of("first", "second"));
		assertThat(values()).containsExactly("first", "second");
	}

	@Test
	void rowsWrittenEarlyByAPartThatIsRefusedAreWrittenAgainAtTheCommit() {
		this.writes.run(() -> {
			RowsAtCommit.add(this.destination, "first");
			assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.writes.attempt(() -> {
				RowsAtCommit.writeNow(this.destination);
				assertThat(values()).containsExactly("first");
				throw new Conflict("refused");
			}));
			assertThat(values()).as("the refusal rolled the early write back").isEmpty();
			this.writes.attempt(() -> {
				RowsAtCommit.add(this.destination, "second");
				RowsAtCommit.writeNow(this.destination);
				return null;
			});
			RowsAtCommit.add(this.destination, "third");
		});

		assertThat(this.batches).containsExactly(List.of("first"), List.of("first", "second"), List.of("third"));
		assertThat(values()).containsExactly("first", "second", "third");
	}

	@Test
	void aRowAddedOutsideATransactionIsWrittenAtOnce() {
		RowsAtCommit.add(this.destination, "alone");

		assertThat(values()).containsExactly("alone");
	}

	private List<String> values() {
		return this.jdbc.queryForList("select value from rows_at_commit order by rowid", String.class);
	}
}
