package io.seatline.functions;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.annotation.JsonDeserialize;

import io.seatline.engine.audit.AuditQuery;

/**
 * The JSON inputs of the functions. Missing fields are null; the engine's commands say what is required. Types are
 * strict (a number is not text, text is not a number), except ids, which may be numbers ({@link IdText}).
 */
final class Requests {

	private Requests() {
	}

	record Empty() {
	}

	record Register(String username, String email, String password) {

		@Override
		public String toString() {
			return "Register[username=" + this.username + "]";
		}
	}

	record Login(String username, String password) {

		@Override
		public String toString() {
			return "Login[username=" + this.username + "]";
		}
	}

	record ChangePassword(String oldPassword, String newPassword) {

		@Override
		public String toString() {
			return "ChangePassword[]";
		}
	}

	record ResetPassword(String username, String newPassword) {

		@Override
		public String toString() {
			return "ResetPassword[username=" + this.username + "]";
		}
	}

	record BrowseEvents(String venue, String from, String to) {
	}

	record OfEvent(@JsonDeserialize(using = IdText.class) String eventId) {
	}

	record ReserveSeats(@JsonDeserialize(using = IdText.class) String eventId, List<String> seats) {
	}

	record OfBooking(@JsonDeserialize(using = IdText.class) String bookingId) {
	}

	record OfHold(@JsonDeserialize(using = IdText.class) String holdId) {
	}

	/** {@code confirmHold}: the hold, and, for an admin at the box office, that its buyer paid there. */
	record ConfirmHold(@JsonDeserialize(using = IdText.class) String holdId, Boolean paidAtBoxOffice) {
	}

	/** {@code payHold}: the hold, the method ({@code stripe}, {@code box-office}) and where the buyer comes back to. */
	record PayHold(@JsonDeserialize(using = IdText.class) String holdId, String method, String returnUrl) {
	}

	/** {@code stripeWebhook}: one delivery as Stripe sent it, its raw body and its {@code Stripe-Signature}. */
	record StripeWebhook(String payload, String signature) {
	}

	record SubmitReview(@JsonDeserialize(using = IdText.class) String eventId, Integer rating, String text) {
	}

	record CreateVenue(String name, Integer rows, Integer seatsPerRow, Integer capacity, String timeZone,
			List<Category> categories) {
	}

	/** A price category of a venue: {@code rows} as ranges ({@code "A-C, F"}), {@code seats} as labels. */
	record Category(String name, String colour, String rows, List<String> seats) {

		io.seatline.engine.catalog.PriceCategory toCategory() {
			return new io.seatline.engine.catalog.PriceCategory(this.name, this.colour, this.rows, this.seats);
		}

		static List<io.seatline.engine.catalog.PriceCategory> all(List<Category> categories) {
			return (categories == null) ? null
					: categories.stream().map((category) -> (category != null) ? category.toCategory() : null).toList();
		}
	}

	record VenueCategories(@JsonDeserialize(using = IdText.class) String venueId, List<Category> categories) {
	}

	record ExportBookings(@JsonDeserialize(using = IdText.class) String eventId, Boolean prices) {
	}

	record OfEmailJob(@JsonDeserialize(using = IdText.class) String jobId) {
	}

	record CreateEvent(@JsonDeserialize(using = IdText.class) String venueId, String name, String startsAt,
			String description, Integer maxSeatsPerAccount, String currency, Map<String, Long> prices) {
	}

	record SeatsOfEvent(@JsonDeserialize(using = IdText.class) String eventId, List<String> seats) {
	}

	record FindBookings(String reference, String username, @JsonDeserialize(using = IdText.class) String eventId) {
	}

	record CancelBookingFor(@JsonDeserialize(using = IdText.class) String bookingId, String reference,
			String reason) {
	}

	record UpdateEvent(@JsonDeserialize(using = IdText.class) String eventId, String name, String description,
			String startsAt, String currency, Map<String, Long> prices) {
	}

	record CancelEvent(@JsonDeserialize(using = IdText.class) String eventId, String reason) {
	}

	record ListAccounts(String query, Integer limit) {
	}

	record OfAccount(String username) {
	}

	record AuditLog(@JsonDeserialize(using = IdText.class) String eventId,
			@JsonDeserialize(using = IdText.class) String bookingId, String reference, String username,
			Integer limit) {

		AuditQuery toQuery() {
			return new AuditQuery(this.eventId, this.bookingId, this.reference, this.username, this.limit);
		}
	}
}
