package io.seatline.engine.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.seatline.engine.booking.BookingCancelled;
import io.seatline.engine.booking.BookingDetails;
import io.seatline.engine.booking.EventCancelled;
import io.seatline.engine.booking.HoldDetails;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.catalog.Money;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.jobs.Jobs;
import io.seatline.engine.persistence.Ids;
import io.seatline.engine.persistence.WritePath;

/**
 * The payments table and what a provider's notice does to a hold, each in one transaction: a payment received
 * confirms its hold into a booking, or, when the hold has ended (expired, released, confirmed by another payment),
 * is marked for a refund that a durable job carries out. A notice is acted on once, whatever the repeats.
 */
@Component
class PaymentLedger {

	private static final Log logger = LogFactory.getLog(PaymentLedger.class);

	/** The one-time task that refunds a payment; its instance id is the payment's id. */
	static final TaskDescriptor<Void> REFUND = TaskDescriptor.of("payment-refund");

	private static final String COLUMNS = "id, hold_id, provider, status, amount, currency, pay_url, booking_id, "
			+ "reason, provider_id, refund_id";

	private final JdbcTemplate jdbc;

	private final SeatHolds holds;

	private final WritePath writes;

	private final Jobs jobs;

	private final Clock clock;

	PaymentLedger(JdbcTemplate jdbc, SeatHolds holds, WritePath writes, Jobs jobs, Clock clock) {
		this.jdbc = jdbc;
		this.holds = holds;
		this.writes = writes;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Payment> find(String holdId, String provider) {
		return this.jdbc.query("select " + COLUMNS + " from payments where hold_id = ? and provider = ?",
				PaymentLedger::payment, holdId, provider).stream().findFirst();
	}

	/** Every payment of the hold, by method. */
	@Transactional(readOnly = true)
	public List<Payment> payments(String holdId) {
		return this.jdbc.query("select " + COLUMNS + " from payments where hold_id = ? order by provider",
				PaymentLedger::payment, holdId);
	}

	/** Records a payment started for the hold; should one have been recorded meanwhile, that one stands. */
	@Transactional
	public Payment started(HoldDetails hold, PaymentStarted started) {
		var now = this.clock.instant().toEpochMilli();
		this.jdbc.update("insert into payments (id, hold_id, account_id, provider, provider_id, pay_url, amount, "
				+ "currency, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'STARTED', ?, ?) "
				+ "on conflict (hold_id, provider) do nothing", Ids.next(), hold.holdId(), hold.accountId(),
				started.provider(), started.paymentId(), started.payUrl(), hold.amount(), hold.currency(), now, now);
		return require(hold.holdId(), started.provider());
	}

	/**
	 * Acts on a provider's notice once: the first delivery of a notice id does its work, a repeat changes nothing
	 * and answers how the payment stands.
	 */
	@Transactional
	public Received received(PaymentNotice notice) {
		if (!(notice instanceof PaymentNotice.OfHold ofHold)) {
			return new Received(Received.Outcome.IGNORED, null, null);
		}
		var holdId = ofHold.holdId();
		var provider = ofHold.provider();
		if (this.jdbc.update("insert into payment_notices (notice_id, provider, hold_id, received_at) values (?, ?, ?, ?) "
				+ "on conflict (notice_id) do nothing", notice.noticeId(), provider, holdId,
				this.clock.instant().toEpochMilli()) == 0) {
			return new Received(Received.Outcome.REPEATED, find(holdId, provider).orElse(null), null);
		}
		HoldDetails hold;
		try {
			hold = this.holds.details(holdId);
		}
		catch (NotFound ex) {
			// a payment of no hold of this engine (an account shared with another shop): not ours to keep or refund
			logger.warn("A " + provider + " notice " + notice.noticeId() + " names no hold here: " + holdId);
			return new Received(Received.Outcome.IGNORED, null, null);
		}
		var payment = find(holdId, provider).orElseGet(() -> started(hold, new PaymentStarted(provider,
				(notice instanceof PaymentNotice.Paid paid) ? paid.paymentId() : null, null)));
		return (notice instanceof PaymentNotice.Paid paid) ? paid(hold, payment, paid)
				: declined(payment, (PaymentNotice.Failed) notice);
	}

	private Received paid(HoldDetails hold, Payment payment, PaymentNotice.Paid paid) {
		if (payment.status() != PaymentStatus.STARTED && payment.status() != PaymentStatus.DECLINED) {
			// this payment was acted on already, by another notice of it (Stripe sends completed, then succeeded)
			return new Received(Received.Outcome.REPEATED, payment, null);
		}
		this.jdbc.update("update payments set provider_id = ?, refund_id = ? where id = ?", paid.paymentId(),
				paid.refundId(), payment.paymentId());
		if (paid.amountMinor() != payment.amount() || !paid.currency().equalsIgnoreCase(payment.currency())) {
			return refundDue(payment.paymentId(), "paid " + Money.format(paid.amountMinor(), paid.currency())
					+ " for a hold of " + Money.format(payment.amount(), payment.currency()));
		}
		BookingDetails booking;
		try {
			// in a savepoint: a hold that ended refuses (CONFLICT), and the payment is then refunded, in this
			// same transaction
			booking = this.writes.attempt(() -> this.holds.confirm(hold.holdId()));
		}
		catch (Conflict ex) {
			return refundDue(payment.paymentId(), ex.getMessage());
		}
		this.jdbc.update("update payments set status = 'PAID', booking_id = ?, reason = null, updated_at = ? "
				+ "where id = ?", booking.bookingId(), this.clock.instant().toEpochMilli(), payment.paymentId());
		return new Received(Received.Outcome.CONFIRMED, require(hold.holdId(), payment.method()), booking);
	}

	private Received declined(Payment payment, PaymentNotice.Failed failed) {
		this.jdbc.update("update payments set status = 'DECLINED', reason = ?, updated_at = ? "
				+ "where id = ? and status in ('STARTED', 'DECLINED')", failed.reason(),
				this.clock.instant().toEpochMilli(), payment.paymentId());
		return new Received(Received.Outcome.DECLINED, require(payment.holdId(), payment.method()), null);
	}

	private Received refundDue(String paymentId, String reason) {
		markRefundDue(paymentId, reason);
		var payment = this.jdbc.query("select " + COLUMNS + " from payments where id = ?", PaymentLedger::payment,
				paymentId).get(0);
		return new Received(Received.Outcome.REFUND_DUE, payment, null);
	}

	private void markRefundDue(String paymentId, String reason) {
		this.jdbc.update("update payments set status = 'REFUND_DUE', reason = ?, updated_at = ? where id = ?", reason,
				this.clock.instant().toEpochMilli(), paymentId);
		// the refund job is scheduled with the change that made it due: a rollback takes both back
		this.jobs.client().scheduleIfNotExists(REFUND.instance(paymentId).build(), this.clock.instant());
		this.jobs.nudgeAfterCommit();
	}

	/** A booking paid for and cancelled since (by its buyer, the box office or the event's cancellation) is refunded. */
	@EventListener
	void refundCancelled(BookingCancelled cancelled) {
		refundPaidBookings(List.of(cancelled.booking().bookingId()));
	}

	@EventListener
	void refundCancelled(EventCancelled cancelled) {
		refundPaidBookings(cancelled.bookingIds());
	}

	private void refundPaidBookings(List<String> bookingIds) {
		for (var bookingId : bookingIds) {
			for (var paymentId : this.jdbc.queryForList(
					"select id from payments where booking_id = ? and status = 'PAID'", String.class, bookingId)) {
				markRefundDue(paymentId, "the booking was cancelled");
			}
		}
	}

	/** The payment the refund job is to give back, while it is due; empty once refunded (a job run again). */
	@Transactional(readOnly = true)
	public Optional<Payment> refundDue(String paymentId) {
		return this.jdbc.query("select " + COLUMNS + " from payments where id = ? and status = 'REFUND_DUE'",
				PaymentLedger::payment, paymentId).stream().findFirst();
	}

	@Transactional
	public void refunded(String paymentId) {
		this.jdbc.update("update payments set status = 'REFUNDED', updated_at = ? where id = ? and status = 'REFUND_DUE'",
				this.clock.instant().toEpochMilli(), paymentId);
	}

	private Payment require(String holdId, String provider) {
		return find(holdId, provider).orElseThrow(() -> new IllegalStateException("No payment of " + holdId));
	}

	private static Payment payment(ResultSet row, int index) throws SQLException {
		return new Payment(row.getString(1), row.getString(2), row.getString(3),
				PaymentStatus.valueOf(row.getString(4)), row.getLong(5), row.getString(6), row.getString(7),
				row.getString(8), row.getString(9), row.getString(10), row.getString(11));
	}

	/** A row of the payments table. */
	record Payment(String paymentId, String holdId, String method, PaymentStatus status, long amount, String currency,
			String payUrl, String bookingId, String reason, String providerId, String refundId) {

		PaymentDetails details() {
			return new PaymentDetails(this.paymentId, this.holdId, this.method, this.status, this.amount,
					this.currency, this.payUrl, this.bookingId, this.reason);
		}

		/** What a refund of this payment names. */
		PaymentNotice.Paid asPaid() {
			return new PaymentNotice.Paid("refund:" + this.paymentId, this.method, this.holdId, this.providerId,
					this.refundId, this.amount, this.currency);
		}
	}

	/** What a notice did. */
	record Received(Outcome outcome, Payment payment, BookingDetails booking) {

		enum Outcome {
			CONFIRMED, DECLINED, REFUND_DUE, REPEATED, IGNORED
		}
	}
}
