package io.seatline.functions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import tools.jackson.databind.annotation.JsonSerialize;

import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.HoldDetails;
import io.seatline.engine.boxoffice.AdminSeatMap;
import io.seatline.engine.boxoffice.SeatsBlocked;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.catalog.EventSummary;
import io.seatline.engine.catalog.SeatMap;
import io.seatline.engine.dashboard.DashboardFigures;
import io.seatline.engine.notification.EmailJobView;
import io.seatline.engine.notification.EmailQueue;
import io.seatline.engine.payment.Checkout;
import io.seatline.engine.payment.PaymentDetails;
import io.seatline.engine.review.EventReviews;
import io.seatline.engine.review.ReviewDetails;

/**
 * The JSON outputs of the functions, in the contract's shapes. Fields beyond the contract's are extensions
 * documented in the README; none of the contract's is ever left out.
 */
public final class Views {

	private Views() {
	}

	/** A venue reference inside an event. */
	public record VenueRef(String venueId, String name) {
	}

	/**
	 * An event in {@code browseEvents} and {@code updateEvent}; {@code status} is SCHEDULED or CANCELLED. In every
	 * event view {@code timeZone} is the venue's and {@code localStartsAt} the start as the venue's clocks show it,
	 * with their offset ({@code startsAt} stays the contract's UTC instant).
	 */
	public record EventListing(String eventId, String name, VenueRef venue, Instant startsAt, int totalSeats,
			int availableSeats, String description, String status, String timeZone, String localStartsAt) {

		static EventListing of(EventSummary summary) {
			var event = summary.event();
			return new EventListing(event.eventId(), event.name(), venueOf(event), event.startsAt(),
					event.totalSeats(), summary.availableSeats(), event.description(), statusOf(event),
					zoneOf(event), localStartOf(event));
		}
	}

	/**
	 * {@code eventSeats}: the seat map; each seat with its price category and price, and the categories with their
	 * colours and prices in {@code currency} (minor units): the map's legend.
	 */
	public record EventSeats(String eventId, String name, Instant startsAt, VenueRef venue, String description,
			String status, String timeZone, String localStartsAt, String currency, List<PriceCategory> categories,
			@JsonSerialize(using = SeatListJson.class) List<Seat> seats) {

		static EventSeats of(SeatMap map) {
			var event = map.event();
			return new EventSeats(event.eventId(), event.name(), event.startsAt(), venueOf(event),
					event.description(), statusOf(event), zoneOf(event), localStartOf(event), map.currency(),
					map.categories().stream().map((c) -> new PriceCategory(c.name(), c.colour(), c.price())).toList(),
					SeatListJson.viewOf(event.eventId(), map.seats(), map.categories()));
		}
	}

	/** One seat of the seat map: its category's name and price. */
	public record Seat(String seat, String status, String category, long price) {
	}

	/** A price category of an event: its name, colour ({@code #rrggbb}) and price in minor units. */
	public record PriceCategory(String name, String colour, long price) {
	}

	/** {@code setVenueCategories}: the venue's categories as its next events get them, the default included. */
	public record VenueCategories(String venueId, List<VenueCategory> categories) {

		static VenueCategories of(String venueId, List<io.seatline.engine.catalog.PriceCategory> categories) {
			return new VenueCategories(venueId, categories.stream()
				.map((c) -> new VenueCategory(c.name(), c.colour(), c.rows(), c.seats().isEmpty() ? null : c.seats()))
				.toList());
		}
	}

	/** One price category of a venue; {@code rows} and {@code seats} only where it names them. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record VenueCategory(String name, String colour, String rows, List<String> seats) {
	}

	/** {@code eventReviews}. */
	public record Reviews(String eventId, Double averageRating, int count, List<ReviewEntry> reviews) {

		static Reviews of(EventReviews reviews) {
			return new Reviews(reviews.eventId(), reviews.averageRating(), reviews.count(),
					reviews.reviews().stream().map(ReviewEntry::of).toList());
		}
	}

	/** One review in {@code eventReviews}. */
	public record ReviewEntry(String username, int rating, String text, Instant createdAt) {

		static ReviewEntry of(ReviewDetails review) {
			return new ReviewEntry(review.username(), review.rating(), review.text(), review.createdAt());
		}
	}

	/** {@code submitReview}. */
	public record Review(String reviewId, String eventId, int rating, String text, Instant createdAt) {

		static Review of(ReviewDetails review) {
			return new Review(review.reviewId(), review.eventId(), review.rating(), review.text(),
					review.createdAt());
		}
	}

	/**
	 * {@code reserveSeats} and {@code cancelBooking}. {@code amount} is what the booking cost, in minor units of
	 * {@code currency}, {@code seatPrices} what each seat cost.
	 */
	public record Booking(String bookingId, String reference, String eventId, List<String> seats, String status,
			Instant createdAt, Instant cancelledAt, long amount, String currency, Map<String, Long> seatPrices) {

		static Booking of(BookingDetails booking) {
			return new Booking(booking.bookingId(), booking.reference(), booking.event().eventId(), booking.seats(),
					booking.status().name(), booking.createdAt(), booking.cancelledAt(), booking.amount(),
					booking.currency(), booking.pricePerSeat());
		}
	}

	/**
	 * {@code holdSeats}, {@code releaseHold}, a line of {@code myHolds}: a hold, its seats, until when it keeps them,
	 * and what they cost ({@code amount} in minor units of {@code currency}; 0 for a free event).
	 */
	public record Hold(String holdId, String eventId, List<String> seats, Instant expiresAt, String status,
			long amount, String currency) {

		static Hold of(HoldDetails hold) {
			return new Hold(hold.holdId(), hold.eventId(), hold.seats(), hold.expiresAt(), hold.status().name(),
					hold.amount(), hold.currency());
		}
	}

	/**
	 * {@code payHold}, a payment of {@code holdStatus}: how a hold is being paid. {@code payUrl} is where the buyer
	 * pays (Stripe's checkout page), null at the box office; {@code bookingId} is set once the payment confirmed the
	 * hold.
	 */
	public record Payment(String paymentId, String holdId, String method, String status, long amount,
			String currency, String payUrl, String bookingId, String reason) {

		static Payment of(PaymentDetails payment) {
			return new Payment(payment.paymentId(), payment.holdId(), payment.method(), payment.status().name(),
					payment.amount(), payment.currency(), payment.payUrl(), payment.bookingId(), payment.reason());
		}
	}

	/**
	 * {@code holdStatus}: a hold as {@link Hold}, with the booking that confirmed it (id and reference), its payments,
	 * and the payment methods offered ({@code stripe} where configured, {@code box-office}).
	 */
	public record HoldStatus(String holdId, String eventId, List<String> seats, Instant expiresAt, String status,
			long amount, String currency, String bookingId, String reference, List<Payment> payments,
			List<String> methods) {

		static HoldStatus of(Checkout.HoldPayment status) {
			var hold = status.hold();
			return new HoldStatus(hold.holdId(), hold.eventId(), hold.seats(), hold.expiresAt(), hold.status().name(),
					hold.amount(), hold.currency(), hold.bookingId(), status.bookingReference(),
					status.payments().stream().map(Payment::of).toList(), status.methods());
		}
	}

	/** {@code stripeWebhook}: what the delivery did, and the payment as it now stands (null when ignored). */
	public record WebhookOutcome(String outcome, Payment payment) {

		static WebhookOutcome of(Checkout.PaymentOutcome outcome) {
			return new WebhookOutcome(outcome.outcome(),
					(outcome.payment() != null) ? Payment.of(outcome.payment()) : null);
		}
	}

	/** One line of {@code myBookings}, with what it cost as in {@link Booking}. */
	public record MyBooking(String bookingId, String reference, String eventId, String eventName, Instant startsAt,
			VenueRef venue, List<String> seats, String status, Instant createdAt, Instant cancelledAt,
			String timeZone, String localStartsAt, long amount, String currency, Map<String, Long> seatPrices) {

		static MyBooking of(BookingDetails booking) {
			var event = booking.event();
			return new MyBooking(booking.bookingId(), booking.reference(), event.eventId(), event.name(),
					event.startsAt(),
					venueOf(event), booking.seats(), booking.status().name(), booking.createdAt(),
					booking.cancelledAt(), zoneOf(event), localStartOf(event), booking.amount(), booking.currency(),
					booking.pricePerSeat());
		}
	}

	/** {@code createEvent}. */
	public record CreatedEvent(String eventId, String name, Instant startsAt, int totalSeats, VenueRef venue,
			String timeZone, String localStartsAt) {

		static CreatedEvent of(EventDetails event) {
			return new CreatedEvent(event.eventId(), event.name(), event.startsAt(), event.totalSeats(),
					venueOf(event), zoneOf(event), localStartOf(event));
		}
	}

	/** {@code dashboard}. */
	public record Dashboard(int totalSeats, int bookedSeats, int availableSeats, long bookings,
			List<DashboardEvent> events, List<RecentBooking> recentBookings, EmailCounts emails, int blockedSeats) {

		static Dashboard of(DashboardFigures figures) {
			return new Dashboard(figures.totalSeats(), figures.bookedSeats(), figures.availableSeats(),
					figures.bookings(), figures.events().stream().map(DashboardEvent::of).toList(),
					figures.recentBookings().stream().map(RecentBooking::of).toList(),
					new EmailCounts(figures.emails().pending(), figures.emails().failed(), figures.emails().dueNow(),
							figures.emails().scheduledLater()), figures.blockedSeats());
		}
	}

	/**
	 * Emails waiting or being retried ({@code pending}: those due now plus those scheduled later, such as review
	 * prompts), and emails given up on.
	 */
	public record EmailCounts(long pending, long failed, long dueNow, long scheduledLater) {
	}

	/** {@code emailQueue}: pending and failed emails. */
	public record EmailJobs(List<EmailJob> pending, List<EmailJob> failed) {

		static EmailJobs of(EmailQueue queue) {
			return new EmailJobs(queue.pending().stream().map(EmailJob::of).toList(),
					queue.failed().stream().map(EmailJob::of).toList());
		}
	}

	/** One email job. */
	public record EmailJob(String jobId, String kind, String bookingId, String recipient, String status,
			int attempts, String lastError, Instant dueAt, Instant nextAttemptAt) {

		static EmailJob of(EmailJobView job) {
			return new EmailJob(job.jobId(), job.kind().name(), job.bookingId(), job.recipient(), job.status().name(),
					job.attempts(), job.lastError(), job.dueAt(), job.nextAttemptAt());
		}
	}

	/** {@code retryEmails}. */
	public record Retried(int retried) {
	}

	/**
	 * One event's line on the dashboard; {@code status} is SCHEDULED or CANCELLED; {@code revenue} what its confirmed
	 * bookings took, in minor units of {@code currency}.
	 */
	public record DashboardEvent(String eventId, String name, Instant startsAt, int totalSeats, int bookedSeats,
			int availableSeats, long bookings, String venueName, int blockedSeats, String status, String timeZone,
			String localStartsAt, long revenue, String currency) {

		static DashboardEvent of(DashboardFigures.EventFigures line) {
			return new DashboardEvent(line.eventId(), line.name(), line.startsAt(), line.totalSeats(),
					line.bookedSeats(), line.availableSeats(), line.bookings(), line.venueName(), line.blockedSeats(),
					line.cancelled() ? "CANCELLED" : "SCHEDULED", line.timeZone().getId(),
					localStartOf(line.startsAt(), line.timeZone()), line.revenue(), line.currency());
		}
	}

	/** One of the latest bookings on the dashboard. */
	public record RecentBooking(String bookingId, String reference, String username, String eventId,
			String eventName, List<String> seats, String status, Instant createdAt) {

		static RecentBooking of(BookingDetails booking) {
			return new RecentBooking(booking.bookingId(), booking.reference(), booking.username(),
					booking.event().eventId(), booking.event().name(), booking.seats(), booking.status().name(),
					booking.createdAt());
		}
	}

	/** One booking found by {@code findBookings}, or cancelled by {@code cancelBookingFor}. */
	public record FoundBooking(String bookingId, String reference, String eventId, String eventName,
			Instant startsAt, String username, List<String> seats, String status, Instant createdAt,
			Instant cancelledAt, String cancelReason, String timeZone, String localStartsAt, long amount,
			String currency) {

		static FoundBooking of(BookingDetails booking) {
			var event = booking.event();
			return new FoundBooking(booking.bookingId(), booking.reference(), event.eventId(), event.name(),
					event.startsAt(), booking.username(), booking.seats(), booking.status().name(),
					booking.createdAt(), booking.cancelledAt(), booking.cancelReason(), zoneOf(event),
					localStartOf(event), booking.amount(), booking.currency());
		}
	}

	/** {@code blockSeats} and {@code unblockSeats}: the seats changed, in seat-map order, and their new status. */
	public record BlockedSeats(String eventId, List<String> seats, String status) {

		static BlockedSeats of(SeatsBlocked change) {
			return new BlockedSeats(change.eventId(), change.seats(), change.status().name());
		}
	}

	/** {@code adminSeatMap}: the seat map with each sold seat's booking and buyer. */
	public record AdminSeats(String eventId, String name, Instant startsAt, VenueRef venue, String timeZone,
			String localStartsAt, List<AdminSeat> seats) {

		static AdminSeats of(AdminSeatMap map) {
			var event = map.event();
			return new AdminSeats(event.eventId(), event.name(), event.startsAt(), venueOf(event), zoneOf(event),
					localStartOf(event), map.seats().stream().map(AdminSeat::of).toList());
		}
	}

	/** One seat of {@code adminSeatMap}; the booking's fields only on a sold seat. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AdminSeat(String seat, String status, String reference, String bookingId, String username) {

		static AdminSeat of(AdminSeatMap.Seat seat) {
			return new AdminSeat(seat.label(), seat.status().name(), seat.reference(), seat.bookingId(),
					seat.username());
		}
	}

	/**
	 * One entry of {@code auditLog}: {@code before} and {@code after} are the JSON objects the engine kept (null where
	 * there was no state); {@code reference} only on an entry of a booking.
	 */
	public record AuditEntry(Instant at, String actor, String action, String eventId, String bookingId,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reference, String username, String summary,
			@JsonRawValue String before, @JsonRawValue String after) {

		static AuditEntry of(io.seatline.engine.audit.AuditEntry entry) {
			return new AuditEntry(entry.at(), entry.actor(), entry.action(), entry.eventId(), entry.bookingId(),
					entry.reference(), entry.username(), entry.summary(), entry.before(), entry.after());
		}
	}

	/** {@code currentUser}. */
	public record CurrentUser(String userId, String username, String role) {
	}

	/** {@code logout}. */
	public record LoggedOut(boolean loggedOut) {
	}

	private static String statusOf(EventDetails event) {
		return event.isCancelled() ? "CANCELLED" : "SCHEDULED";
	}

	private static String zoneOf(EventDetails event) {
		return event.timeZone().getId();
	}

	private static String localStartOf(EventDetails event) {
		return localStartOf(event.startsAt(), event.timeZone());
	}

	// the venue's wall time with its offset then, seconds always shown: 2031-05-01T20:00:00+02:00
	private static String localStartOf(Instant startsAt, ZoneId zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(startsAt.atZone(zone));
	}

	private static VenueRef venueOf(EventDetails event) {
		return new VenueRef(event.venueId(), event.venueName());
	}
}
