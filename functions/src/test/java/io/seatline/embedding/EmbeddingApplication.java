package io.seatline.embedding;

import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.CannotAcquireLockException;

/** Somebody else's Spring Boot application, which only adds the functions jar (and has a function of its own). */
@SpringBootApplication
class EmbeddingApplication {

	/** A function of the embedding app whose database stays locked, as SQLite's does past its busy timeout. */
	@Bean
	Function<Map<String, Object>, Map<String, Object>> lockedOut() {
		return (input) -> {
			throw new CannotAcquireLockException("[SQLITE_BUSY] The database file is locked");
		};
	}
}
