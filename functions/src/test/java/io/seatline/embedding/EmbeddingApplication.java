package io.seatline.embedding;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Somebody else's Spring Boot application, which only adds the functions jar. */
@SpringBootApplication
class EmbeddingApplication {
}
