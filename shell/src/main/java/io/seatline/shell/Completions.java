package io.seatline.shell;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * What Tab completes for each command, by the bean name a command gives as its {@code completionProvider}: event
 * ids (with the event's name), seat labels of the right status, venue ids, booking ids and usernames.
 */
@Configuration(proxyBeanMethods = false)
class Completions {

	/** An event id, any event not yet started: {@code seats EVENT}. */
	static final String EVENT = "completeEvent";

	/** An event id of an event not cancelled: {@code event update EVENT}. */
	static final String SCHEDULED_EVENT = "completeScheduledEvent";

	/** {@code book EVENT SEAT...} and {@code seats block EVENT SEAT...}: an event, then its free seats. */
	static final String FREE_SEATS = "completeFreeSeats";

	/** {@code seats unblock EVENT SEAT...}: an event, then its blocked seats. */
	static final String SEATS_TO_UNBLOCK = "completeSeatsToUnblock";

	/** {@code --event EVENT}. */
	static final String EVENT_OPTION = "completeEventOption";

	/** {@code bookings find --event EVENT --user USERNAME}. */
	static final String BOOKINGS_FIND = "completeBookingsFind";

	/** {@code audit --event EVENT --user USERNAME}: as {@code bookings find}. */
	static final String AUDIT = BOOKINGS_FIND;

	/** {@code booking cancel-for REFERENCE}: the newest confirmed bookings, for an admin. */
	static final String RECENT_BOOKING = "completeRecentBooking";

	/** {@code event create --venue VENUE}. */
	static final String VENUE_OPTION = "completeVenueOption";

	/** {@code cancel BOOKING}: the caller's confirmed bookings. */
	static final String MY_BOOKING = "completeMyBooking";

	/** A username, for an admin. */
	static final String USERNAME = "completeUsername";

	/** A username of an account that is not disabled, for an admin. */
	static final String ENABLED_USERNAME = "completeEnabledUsername";

	/** A username of a disabled account, for an admin. */
	static final String DISABLED_USERNAME = "completeDisabledUsername";

	@Bean(EVENT)
	CompletionProvider completeEvent(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.events(false));
	}

	@Bean(SCHEDULED_EVENT)
	CompletionProvider completeScheduledEvent(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.events(true));
	}

	@Bean(FREE_SEATS)
	CompletionProvider completeFreeSeats(Suggestions suggestions) {
		return CommandCompletion.firstThenEach(suggestions.events(true), suggestions.seats("AVAILABLE"));
	}

	@Bean(SEATS_TO_UNBLOCK)
	CompletionProvider completeSeatsToUnblock(Suggestions suggestions) {
		return CommandCompletion.firstThenEach(suggestions.events(true), suggestions.seats("BLOCKED"));
	}

	@Bean(EVENT_OPTION)
	CompletionProvider completeEventOption(Suggestions suggestions) {
		return CommandCompletion.options(Map.of("event", suggestions.events(false)));
	}

	@Bean(BOOKINGS_FIND)
	CompletionProvider completeBookingsFind(Suggestions suggestions) {
		return CommandCompletion.options(Map.of("event", suggestions.events(false), "user", suggestions.usernames(null)));
	}

	@Bean(VENUE_OPTION)
	CompletionProvider completeVenueOption(Suggestions suggestions) {
		return CommandCompletion.options(Map.of("venue", suggestions.venues()));
	}

	@Bean(RECENT_BOOKING)
	CompletionProvider completeRecentBooking(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.recentBookings());
	}

	@Bean(MY_BOOKING)
	CompletionProvider completeMyBooking(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.myBookings());
	}

	@Bean(USERNAME)
	CompletionProvider completeUsername(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.usernames(null));
	}

	@Bean(ENABLED_USERNAME)
	CompletionProvider completeEnabledUsername(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.usernames(false));
	}

	@Bean(DISABLED_USERNAME)
	CompletionProvider completeDisabledUsername(Suggestions suggestions) {
		return CommandCompletion.arguments(suggestions.usernames(true));
	}
}
