package io.seatline.engine.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.HoldDetails;
import io.seatline.engine.booking.HoldStatus;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;

/**
 * Paying for a hold: starts a payment with the method the buyer chose (Stripe's hosted checkout, or the box office),
 * and turns what a provider says into a booking, a decline, or a refund. A hold is confirmed only by a payment of
 * its total; a payment that arrives after its hold ended is refunded, never sold twice.
 */
@Service
public class Checkout {

	private static final Log logger = LogFactory.getLog(Checkout.class);

	private static final Duration LOOKUP_INTERVAL = Duration.ofSeconds(5);

	private static final int MAX_LOOKUPS = 10_000;

	private final SeatHolds holds;

	private final SeatReservations reservations;

	private final EventCatalog catalog;

	private final PaymentProviders providers;

	private final PaymentLedger ledger;

	private final Clock clock;

	private final String defaultReturnUrl;

	// when each payment was last looked up at Stripe (see askStripe), forgotten wholesale past a bound
	private final Map<String, Instant> lookups = new ConcurrentHashMap<>();

	Checkout(SeatHolds holds, SeatReservations reservations, EventCatalog catalog, PaymentProviders providers, PaymentLedger ledger, Clock clock,
			Environment environment) {
		this.holds = holds;
		this.reservations = reservations;
		this.catalog = catalog;
		this.providers = providers;
		this.ledger = ledger;
		this.clock = clock;
		this.defaultReturnUrl = environment.getProperty("seatline.payment.return-url", "http://localhost:8080/");
	}

	/**
	 * Starts paying for the buyer's live hold with the method named ({@code stripe}, {@code box-office}; without one,
	 * Stripe where it is configured): for Stripe, the page where the buyer pays; at the box office, nothing to follow
	 * but the desk. Asking again for the same hold and method answers the payment already started.
	 * {@code CONFLICT} for a hold that ended or costs nothing (confirm it with {@code confirmHold}),
	 * {@code FORBIDDEN} for another user's hold, {@code INVALID_REQUEST} for a method not offered or a bad return
	 * address, {@code BUSY} when the provider does not answer.
	 */
	public PaymentDetails pay(User buyer, String holdId, String method, String returnUrl) {
		var hold = this.holds.details(holdId);
		if (!hold.accountId().equals(buyer.id())) {
			throw new Forbidden("This hold belongs to another user");
		}
		requireLive(hold);
		if (hold.amount() == 0) {
			throw new Conflict("This hold costs nothing: confirm it with confirmHold");
		}
		var provider = this.providers.get((method == null || method.isBlank()) ? this.providers.names().get(0) : method);
		var existing = this.ledger.find(holdId, provider.name());
		if (existing.isPresent()) {
			return existing.get().details();
		}
		var event = this.catalog.event(hold.eventId());
		// the provider is called outside any transaction: the database waits for no one's network
		var started = provider.start(new PaymentRequest(holdId, event.name() + ": " + String.join(", ", hold.seats()),
				hold.amount(), hold.currency(), returnUrl(returnUrl, holdId)));
		return this.ledger.started(hold, started).details();
	}

	/**
	 * The admin at the box office took the money for a live hold: it is confirmed into a booking, paid at the box
	 * office. Saying so again answers the same booking. {@code CONFLICT} when the hold has ended.
	 */
	public BookingDetails paidAtBoxOffice(User admin, String holdId) {
		admin.requireAdmin();
		var hold = this.holds.details(holdId);
		if (hold.status() == HoldStatus.CONFIRMED) {
			var payment = this.ledger.find(holdId, BoxOfficePayments.NAME);
			if (payment.isPresent() && payment.get().bookingId() != null) {
				// said twice at the desk: the booking it made
				return this.reservations.details(payment.get().bookingId());
			}
		}
		requireLive(hold);
		var notice = new PaymentNotice.Paid("box-office:" + holdId, BoxOfficePayments.NAME, holdId,
				"box-office-" + holdId, null, hold.amount(), hold.currency());
		var received = this.ledger.received(notice);
		if (received.booking() != null) {
			return received.booking();
		}
		throw new Conflict((received.payment() != null && received.payment().reason() != null)
				? "The hold could not be confirmed: " + received.payment().reason()
				: "The hold could not be confirmed");
	}

	/**
	 * One delivery of Stripe's webhook: verified by its signature, then acted on once (a repeat changes nothing).
	 * {@code INVALID_REQUEST} for a signature that does not verify (nothing is done), {@code NOT_FOUND} where Stripe
	 * is not configured.
	 */
	public PaymentOutcome stripeWebhook(String payload, String signature) {
		var stripe = this.providers.stripe()
			.orElseThrow(() -> new NotFound("Stripe is not configured here"));
		var received = this.ledger.received(stripe.notice(payload, signature));
		return new PaymentOutcome(received.outcome().name(),
				Optional.ofNullable(received.payment()).map(PaymentLedger.Payment::details).orElse(null));
	}

	/** The payments of the buyer's hold, by method; {@code FORBIDDEN} for another user's hold (admins see any). */
	public Optional<PaymentDetails> payment(User user, String holdId, String method) {
		var hold = this.holds.details(holdId);
		if (!hold.accountId().equals(user.id()) && !user.isAdmin()) {
			throw new Forbidden("This hold belongs to another user");
		}
		return this.ledger.find(holdId, method).map(PaymentLedger.Payment::details);
	}

	/**
	 * Where the buyer's hold stands (an admin may ask of any): its seats, total and time left, its payments, the
	 * booking that confirmed it with its reference, and the methods offered here. What a checkout page polls.
	 */
	public HoldPayment status(User user, String holdId) {
		var hold = this.holds.details(holdId);
		if (!hold.accountId().equals(user.id()) && !user.isAdmin()) {
			throw new Forbidden("This hold belongs to another user");
		}
		if (askStripe(hold)) {
			hold = this.holds.details(holdId);
		}
		var reference = (hold.bookingId() != null) ? this.reservations.details(hold.bookingId()).reference() : null;
		return new HoldPayment(hold, reference,
				this.ledger.payments(holdId).stream().map(PaymentLedger.Payment::details).toList(), methods());
	}

	// a buyer back from Stripe's page may have paid before Stripe's webhook arrives (or where it cannot arrive, such as
	// a runner on localhost): for a live hold paid by card, ask Stripe, at most every few seconds per payment; whether
	// it confirmed the hold
	private boolean askStripe(HoldDetails hold) {
		var stripe = this.providers.stripe();
		if (stripe.isEmpty() || hold.status() != HoldStatus.ACTIVE) {
			return false;
		}
		var payment = this.ledger.find(hold.holdId(), StripePayments.NAME);
		if (payment.isEmpty() || payment.get().providerId() == null
				|| (payment.get().status() != PaymentStatus.STARTED && payment.get().status() != PaymentStatus.DECLINED)) {
			return false;
		}
		var now = this.clock.instant();
		var last = this.lookups.get(payment.get().paymentId());
		if (last != null && last.plus(LOOKUP_INTERVAL).isAfter(now)) {
			return false;
		}
		if (this.lookups.size() > MAX_LOOKUPS) {
			this.lookups.clear();
		}
		this.lookups.put(payment.get().paymentId(), now);
		PaymentNotice notice;
		try {
			notice = stripe.get().lookup(payment.get().providerId());
		}
		catch (RuntimeException ex) {
			// Stripe did not answer, or refused (a session it no longer knows): the webhook, or the next look, will
			// tell; the buyer still hears how the hold stands
			logger.warn("Could not ask Stripe about payment " + payment.get().paymentId() + ": " + ex.getMessage());
			return false;
		}
		return this.ledger.received(notice).booking() != null;
	}

	/** A hold with its payments: see {@link #status(User, String)}. */
	public record HoldPayment(HoldDetails hold, String bookingReference, List<PaymentDetails> payments,
			List<String> methods) {
	}

	/** The payment methods offered here, online first. */
	public List<String> methods() {
		return this.providers.names();
	}

	private void requireLive(HoldDetails hold) {
		if (hold.status() != HoldStatus.ACTIVE || !hold.expiresAt().isAfter(this.clock.instant())) {
			throw new Conflict((hold.status() == HoldStatus.ACTIVE || hold.status() == HoldStatus.EXPIRED)
					? "The hold expired; hold the seats again" : "The hold is " + hold.status().name().toLowerCase(Locale.ROOT)
							+ "; there is nothing to pay");
		}
	}

	private String returnUrl(String requested, String holdId) {
		var url = (requested == null || requested.isBlank()) ? this.defaultReturnUrl : requested.strip();
		try {
			var uri = URI.create(url);
			if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new IllegalArgumentException(url);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequest("returnUrl", "returnUrl must be an http or https address");
		}
		return url + (url.contains("?") ? "&" : "?") + "hold=" + holdId;
	}

	/** What a webhook delivery did: {@code CONFIRMED}, {@code DECLINED}, {@code REFUND_DUE}, {@code REPEATED}, {@code IGNORED}. */
	public record PaymentOutcome(String outcome, PaymentDetails payment) {
	}
}
