// Where Stripe sends the buyer back to (?hold=ID): asks holdStatus every two seconds until the hold is booked (the
// confirmation with the booking reference), ended (expired or released, with what became of a payment), or its card
// payment was declined (a way to try again while the hold lasts); counts the hold down meanwhile.
import { callOnce, explain, listOf } from '../api.js';
import { el, fill, say } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';
import { confirmation, countdown, endedText, latestPayment, totalOf, watchHold } from '../checkout.js';

const holdId = new URLSearchParams(location.search).get('hold');
const $ = (id) => document.getElementById(id);

let stopCountdown = () => {};
let counting = null;
// what the message says now: a poll that finds nothing new leaves it alone, so screen readers hear it once
let said = null;

async function start() {
	const user = await renderHeader();
	if (!holdId) {
		say($('page-message'), 'error', 'No hold was named. ', el('a', { href: '/' }, 'See all events'), '.');
		return;
	}
	if (!user) {
		fill($('page-message'), signInPrompt('to see your checkout.'));
		$('page-message').className = '';
		return;
	}
	$('pay-again').addEventListener('click', payAgain);
	say($('checkout-message'), 'info', 'Checking your payment…');
	watchHold(holdId, show, (error) => say($('page-message'), 'error', explain(error)));
}

/** One answer of holdStatus; true once there is nothing more to wait for. */
function show(status) {
	$('checkout').hidden = false;
	$('event-link').href = '/event.html?id=' + encodeURIComponent(status.eventId);
	if (status.seats.length) {
		// a hold that ended unbooked holds no seats any more: what was shown before stays
		$('checkout-seats').textContent = `Seats ${listOf(status.seats)} · total ${totalOf(status)}`;
	}
	if (status.status === 'CONFIRMED') {
		finish('Booked');
		say($('checkout-message'), 'ok', confirmation(status));
		return true;
	}
	if (status.status !== 'ACTIVE') {
		finish('Hold ended');
		say($('checkout-message'), 'error', endedText(status));
		return true;
	}
	if (counting !== status.expiresAt) {
		counting = status.expiresAt;
		stopCountdown();
		stopCountdown = countdown(status.expiresAt, $('countdown'), $('countdown-announce'), () => {
			$('checkout-actions').hidden = true;
			say($('checkout-message'), 'info', 'The time to pay is up: checking what became of your hold…');
		});
	}
	const payment = latestPayment(status);
	const declined = payment && payment.method === 'stripe' && payment.status === 'DECLINED';
	$('checkout-actions').hidden = !declined;
	const now = declined ? 'declined' : (payment ? payment.method : 'waiting');
	if (now === said) {
		return false;
	}
	said = now;
	if (declined) {
		say($('checkout-message'), 'error', 'Your card was declined. '
			+ (payment.reason ? `Stripe says: “${payment.reason}” ` : '') + 'Nothing was charged. '
			+ 'You can try again while your seats are held.');
	}
	else if (payment && payment.method === 'box-office') {
		say($('checkout-message'), 'info', 'Pay at the box office, quoting hold ',
			el('strong', { class: 'reference' }, holdId), '. This page shows your booking once the desk confirms it.');
	}
	else {
		say($('checkout-message'), 'info', 'Waiting for the payment to be confirmed…');
	}
	return false;
}

function finish(heading) {
	stopCountdown();
	$('checkout-heading').textContent = heading;
	$('countdown-line').hidden = true;
	$('checkout-actions').hidden = true;
}

async function payAgain() {
	$('pay-again').disabled = true;
	try {
		const payment = await callOnce('payHold',
			{ holdId, method: 'stripe', returnUrl: location.origin + '/checkout.html' });
		location.assign(payment.payUrl);
	}
	catch (error) {
		say($('checkout-message'), 'error', explain(error));
		$('pay-again').disabled = false;
	}
}

start();
