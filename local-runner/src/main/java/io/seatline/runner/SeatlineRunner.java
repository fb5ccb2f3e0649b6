package io.seatline.runner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the local runner: the functions over HTTP on {@code PORT} (8080), against {@code DATABASE_URL}. */
@SpringBootApplication
public class SeatlineRunner {

	public static void main(String[] args) {
		SpringApplication.run(SeatlineRunner.class, args);
	}
}
