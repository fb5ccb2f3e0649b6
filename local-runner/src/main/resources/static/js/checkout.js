// What the checkout pages share: the countdown of a hold, asking holdStatus again until the hold ends, and the
// confirmation of a booked hold. A hold is answered by holdStatus as {holdId, seats, expiresAt, status, amount,
// currency, reference, payments, methods} (docs/web-pages.md, "Checkout").
import { call, listOf } from './api.js';
import { el, moneyFormat } from './dom.js';

/** How long until an instant, as "mm:ss" (never below 00:00). */
export function timeLeft(ms) {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** An instant as the reader's clock shows it: "14:05". */
export function clockTime(iso) {
	return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
		.format(new Date(iso));
}

/** A hold's total: "EUR 90.00", or "free". */
export function totalOf(hold) {
	return hold.amount > 0 && hold.currency ? moneyFormat(hold.currency)(hold.amount) : 'free';
}

// what a screen reader is told, and when: each whole minute, then at 30 and 10 seconds left
const ANNOUNCED = new Set([30, 10]);

/**
 * Counts down to `expiresAt` in `shown` (mm:ss, every second) and tells screen readers through `announced` (an
 * aria-live region) only now and then; calls `expired` once at zero. Returns a function that stops it.
 */
export function countdown(expiresAt, shown, announced, expired) {
	const end = new Date(expiresAt).getTime();
	let last = null;
	const tick = () => {
		const left = end - Date.now();
		shown.textContent = timeLeft(left);
		const seconds = Math.max(0, Math.ceil(left / 1000));
		if (announced && seconds !== last && seconds > 0 && (last === null || seconds % 60 === 0 || ANNOUNCED.has(seconds))) {
			announced.textContent = seconds >= 60
				? `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) > 1 ? 's' : ''} left to pay.`
				: `${seconds} seconds left to pay.`;
		}
		last = seconds;
		if (left <= 0) {
			clearInterval(timer);
			expired();
		}
	};
	const timer = setInterval(tick, 1000);
	tick();
	return () => clearInterval(timer);
}

/**
 * Asks holdStatus every `everyMs` and hands each answer to `seen`, until `seen` returns true (the hold ended, or the
 * page has what it waited for) or the returned function is called. A refusal goes to `failed`; asking goes on
 * after a lost answer or a busy server, and stops otherwise.
 */
export function watchHold(holdId, seen, failed, everyMs = 2000) {
	let stopped = false;
	let timer = null;
	const ask = async () => {
		if (stopped) {
			return;
		}
		try {
			const status = await call('holdStatus', { holdId });
			if (stopped || seen(status)) {
				stopped = true;
				return;
			}
		}
		catch (error) {
			failed(error);
			if (!(error.code === 'NETWORK' || error.code === 'BUSY')) {
				stopped = true;
				return;
			}
		}
		timer = setTimeout(ask, everyMs);
	};
	ask();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}

/** The confirmation of a booked hold: its seats, total, and the booking reference, big and copyable. */
export function confirmation(status) {
	const reference = status.reference || status.bookingId;
	const copied = el('span', { class: 'muted copy-result', role: 'status' });
	const copy = el('button', { type: 'button', class: 'link-button copy-reference' }, 'Copy reference');
	copy.addEventListener('click', async () => {
		try {
			await navigator.clipboard.writeText(reference);
			copied.textContent = 'Copied.';
		}
		catch (error) {
			// no clipboard here (plain http, say): the reference is selected for the reader to copy
			getSelection().selectAllChildren(code);
			copied.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
		}
	});
	const code = el('strong', { class: 'reference big-reference', id: 'booking-reference' }, reference);
	return el('div', { class: 'confirmation' },
		el('p', {}, `Booked: ${listOf(status.seats)}, ${totalOf(status)}.`),
		el('p', {}, 'Booking reference ', code, ' ', copy, ' ', copied),
		el('p', {}, 'A confirmation is on its way by email. ', el('a', { href: '/bookings.html' }, 'See my bookings'), '.'));
}

/** What became of the money of a hold that ended unbooked: a sentence, or null when nothing was paid. */
export function refundNote(status) {
	const payments = Array.isArray(status.payments) ? status.payments : [];
	if (payments.some((payment) => payment.status === 'REFUNDED')) {
		return 'Your payment was refunded.';
	}
	if (payments.some((payment) => payment.status === 'REFUND_DUE')) {
		return 'Your payment is being refunded; it reaches your card within a few days.';
	}
	return null;
}

/** A hold that ended without a booking, in words. */
export function endedText(status) {
	const why = status.status === 'RELEASED' ? 'This hold was released, so its seats are back on sale.'
		: 'This hold expired before it was paid, so its seats are back on sale.';
	const refund = refundNote(status);
	return refund ? `${why} ${refund}` : why;
}

/** The latest payment of a hold, or null. */
export function latestPayment(status) {
	const payments = Array.isArray(status.payments) ? status.payments : [];
	return payments.length ? payments[payments.length - 1] : null;
}

