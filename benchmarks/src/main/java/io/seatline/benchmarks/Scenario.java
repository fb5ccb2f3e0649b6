package io.seatline.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The scenarios, in the order a run takes them whatever order they were asked in. */
enum Scenario {

	/** The seat-claim transaction in plain JDBC on a database of the same kind: the database's floor. */
	FLOOR_DB("floor-db"),

	/** {@code ping} through the runner: what HTTP and JSON alone cost. */
	FLOOR_HTTP("floor-http"),

	/** {@code eventSeats} and {@code browseEvents}, alone and while {@code book} runs. */
	READ("read"),

	/** {@code reserveSeats} on one hot event. */
	BOOK("book"),

	/** Bookings to emails delivered to a local SMTP server. */
	EMAIL("email"),

	/** The runner's start and one shell invocation. */
	START("start"),

	/** The CSV of many bookings, from the runner and from the shell, and the memory it takes. */
	EXPORT("export");

	private final String label;

	Scenario(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	static List<Scenario> defaults() {
		return List.of(values());
	}

	static String names() {
		return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(","));
	}

	static Set<Scenario> parse(String list) {
		var wanted = Arrays.stream(list.split(",")).map(name -> name.trim().toLowerCase(Locale.ROOT))
			.filter(name -> !name.isEmpty()).collect(Collectors.toSet());
		var chosen = new LinkedHashSet<Scenario>();
		for (var scenario : values()) {
			if (wanted.remove(scenario.label)) {
				chosen.add(scenario);
			}
		}
		if (!wanted.isEmpty()) {
			throw new IllegalArgumentException("Unknown scenarios " + wanted + "; known: " + names());
		}
		return chosen;
	}
}
