package io.seatline.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** Rating an event one booked, and reading an event's reviews. */
@Component
class ReviewCommands {

	private final Functions functions;

	ReviewCommands(Functions functions) {
		this.functions = functions;
	}

	@Command(name = "review", group = "Reviews",
			description = "Rate an event you booked: review EVENT --rating 1..5 [--text \"...\"]",
			help = "review EVENT --rating N [--text TEXT]: a second review of the same event replaces the first",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.EVENT)
	String review(@Argument(index = 0, description = "the event's id or exact name") String event,
			@Option(longName = "rating", description = "1 to 5", required = true) Integer rating,
			@Option(longName = "text", description = "what you thought, in quotes") String text) {
		var review = this.functions.call("submitReview", "eventId", this.functions.eventId(event), "rating", rating,
				"text", text);
		return "Your review of event " + Texts.string(review.path("eventId")) + " is saved: "
				+ review.path("rating").asInt() + " of 5";
	}

	@Command(name = "reviews", group = "Reviews", description = "An event's reviews and average rating: reviews EVENT",
			help = "reviews EVENT: every review of the event, newest first, with the average rating",
			exitStatusExceptionMapper = Refusals.AS_MESSAGE, completionProvider = Completions.EVENT)
	String reviews(@Argument(index = 0, description = "the event's id or exact name") String event) {
		var reviews = this.functions.call("eventReviews", "eventId", this.functions.eventId(event));
		if (reviews.path("count").asInt() == 0) {
			return "No reviews yet";
		}
		var rows = new ArrayList<List<String>>();
		for (var review : reviews.path("reviews")) {
			rows.add(List.of(Texts.string(review.path("username")), review.path("rating").asInt() + " of 5",
					Texts.instant(review.path("createdAt")), Texts.string(review.path("text"))));
		}
		return String.format(Locale.ROOT, "Average %.1f of 5 from %d review(s)", reviews.path("averageRating").asDouble(),
				reviews.path("count").asInt()) + System.lineSeparator()
				+ Texts.table(List.of("USER", "RATING", "DATE", "TEXT"), rows);
	}
}
