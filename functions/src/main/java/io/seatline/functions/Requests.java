package io.seatline.functions;

import java.util.List;

/** The JSON inputs of the functions. Missing fields are null; the engine's commands say what is required. */
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

	record OfEvent(String eventId) {
	}

	record ReserveSeats(String eventId, List<String> seats) {
	}

	record OfBooking(String bookingId) {
	}

	record SubmitReview(String eventId, Integer rating, String text) {
	}

	record CreateVenue(String name, Integer rows, Integer seatsPerRow, Integer capacity) {
	}

	record OfEmailJob(String jobId) {
	}

	record CreateEvent(String venueId, String name, String startsAt, String description) {
	}
}
