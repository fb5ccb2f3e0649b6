package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Finding events and looking at their seats; open to everybody. */
@Component
class EventCommands {

	private final Functions functions;

	EventCommands(Functions functions) {
		this.functions = functions;
	}

	@Command(name = "events", group = "Events",
			description = "Events by start time: events [--venue PART] [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
			help = "events [--venue PART] [--from YYYY-MM-DD] [--to YYYY-MM-DD]: without --from, only events not yet started",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE)
	String events(@Option(longName = "venue", description = "part of the venue's name, any case") String venue,
			@Option(longName = "from", description = "first day, YYYY-MM-DD (UTC)") String from,
			@Option(longName = "to", description = "last day, YYYY-MM-DD (UTC)") String to) {
		var events = this.functions.call("browseEvents", "venue", venue, "from", from, "to", to);
		if (events.isEmpty()) {
			return "No events found";
		}
		var rows = new ArrayList<List<String>>();
		for (var event : events) {
			rows.add(List.of(Texts.string(event.path("eventId")), Texts.string(event.path("name")),
					Texts.string(event.path("venue").path("name")), Texts.start(event),
					"CANCELLED".equals(event.path("status").asString()) ? "CANCELLED"
							: event.path("availableSeats").asInt() + " of " + event.path("totalSeats").asInt()));
		}
		return Texts.table(List.of("ID", "EVENT", "VENUE", "STARTS", "FREE SEATS"), rows);
	}

	@Command(name = "seats", group = "Events", description = "The seat map of an event: seats EVENT",
			help = "seats EVENT: every seat of the event (its id or exact name) in a grid, free and taken seats told apart",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.EVENT)
	String seats(@Argument(index = 0, description = "the event's id or exact name") String event) {
		var map = this.functions.call("eventSeats", "eventId", this.functions.eventId(event));
		return SeatGrid.titled(map);
	}
}
