// The event page: details, the live seat map with booking, and the reviews with a form for those who booked. Free
// seats are booked in one step; priced seats are held, then paid by card (Stripe's page) or at the box office, with
// a countdown of the hold.
import { call, callOnce, explain, listOf } from '../api.js';
import { clockTime, confirmation, countdown, endedText, totalOf, watchHold } from '../checkout.js';
import { el, fill, formatShort, formatStart, moneyFormat, say } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';
import { showLiveState, watchSeats } from '../live.js';
import { SeatMap } from '../seatmap.js';

const eventId = new URLSearchParams(location.search).get('id');
const $ = (id) => document.getElementById(id);

let user = null;
let seatMap = null;
// the seats of a booking on its way: the stream may report them taken before the reply arrives
let booking = new Set();
// the event was called off: nothing can be booked, whatever the seats say
let cancelled = false;
// seats picked before signing in, kept for this tab until the buyer is back on this event's page
const PICKED_KEY = 'seatline.picked.' + eventId;
// what each seat costs, by label, in minor units of the event's currency (a seat's category never changes)
const prices = new Map();
let money = null;
// the buyer's live hold on this event ({holdId, seats, expiresAt, amount, currency}), and what runs for it
let hold = null;
let stopCountdown = () => {};
let stopWatching = () => {};

async function start() {
	user = await renderHeader();
	if (!eventId) {
		say($('page-message'), 'error', 'No event was chosen. ', el('a', { href: '/' }, 'See all events'), '.');
		return;
	}
	let event;
	try {
		event = await call('eventSeats', { eventId });
	}
	catch (error) {
		say($('page-message'), 'error', explain(error), ' ', el('a', { href: '/' }, 'See all events'), '.');
		return;
	}
	document.title = `${event.name} · Seatline`;
	$('event-name').textContent = event.name;
	$('event-when').textContent = `${event.venue ? event.venue.name + ' · ' : ''}${formatStart(event)}`;
	$('event-description').textContent = event.description || '';
	$('event').hidden = false;

	showPrices(event);
	seatMap = new SeatMap($('seat-map'), showSelection, { categories: categoriesOf(event) });
	seatMap.render(event.seats);
	showSeatsLeft(seatMap.available());
	showScrollHint();
	window.addEventListener('resize', showScrollHint);
	if (event.status === 'CANCELLED') {
		showCancelled();
	}
	$('book').addEventListener('click', () => (user && priced(seatMap.selected()) ? holdAndPay() : book()));
	$('pay-card').addEventListener('click', payByCard);
	$('pay-box-office').addEventListener('click', payAtBoxOffice);
	$('release').addEventListener('click', release);
	$('legend-mine').hidden = !user;
	keepPickedSeats();
	watchSeats(eventId, {
		snapshot: (snapshot) => {
			const before = seatMap.selected();
			seatMap.render(snapshot.seats);
			if (snapshot.status === 'CANCELLED') {
				showCancelled();
			}
			else {
				tellLost(before.filter((label) => !seatMap.selected().includes(label)));
			}
			showSeatsLeft(snapshot.availableSeats);
		},
		change: (change) => {
			if (change.status === 'CANCELLED') {
				seatMap.update(change.seats);
				showCancelled();
			}
			else {
				tellLost(seatMap.update(change.seats));
			}
			showSeatsLeft(change.availableSeats);
		},
		state: showLiveState,
		gone: (reason) => say($('page-message'), 'error', reason.message || 'This event no longer exists.'),
	});
	await resumeHold();
	await showReviews();
}

/** Whether any of these seats costs money: then they are held and paid for, not booked at once. */
function priced(labels) {
	return labels.some((label) => (prices.get(label) || 0) > 0);
}

function showSelection(labels) {
	const button = $('book');
	if (cancelled) {
		button.textContent = 'Booking closed';
		button.disabled = true;
	}
	else if (!user) {
		button.textContent = 'Sign in to book';
		button.disabled = false;
	}
	else {
		button.textContent = labels.length === 0 ? 'Book seats' : (priced(labels) ? 'Hold and pay'
			: (labels.length === 1 ? 'Book 1 seat' : `Book ${labels.length} seats`));
		button.disabled = labels.length === 0 || booking.size > 0 || hold !== null;
	}
	if (!labels.length) {
		$('selection').textContent = 'No seats selected.';
	}
	else if (money) {
		const total = labels.reduce((sum, label) => sum + (prices.get(label) || 0), 0);
		$('selection').textContent = `Selected: ${labels.join(', ')} — ${money(total)}`;
	}
	else {
		$('selection').textContent = `Selected: ${listOf(labels)}`;
	}
}

/**
 * The price legend, the price of every seat, and how to write an amount: an event with a price shows its categories
 * with their colours and prices, and the running total of a selection. A free event looks as it always did.
 */
function showPrices(event) {
	const categories = Array.isArray(event.categories) ? event.categories : [];
	for (const seat of event.seats) {
		prices.set(seat.seat, seat.price || 0);
	}
	if (!event.currency || !categories.some((category) => category.price > 0)) {
		return;
	}
	money = moneyFormat(event.currency);
	fill($('price-legend'), categories.map((category) => el('li', {},
		el('span', { class: 'swatch category', 'aria-hidden': 'true', 'data-colour': category.colour }),
		` ${category.name} `, el('span', { class: 'price' }, category.price > 0 ? money(category.price) : 'free'))));
	$('price-legend').querySelectorAll('[data-colour]').forEach((swatch) => {
		swatch.style.setProperty('--category', swatch.dataset.colour);
	});
	$('price-legend').hidden = false;
}

/** The colour of each seat's category, by label, when the event has more than one category; else none. */
function categoriesOf(event) {
	const categories = Array.isArray(event.categories) ? event.categories : [];
	if (categories.length < 2) {
		return null;
	}
	const colours = new Map(categories.map((category) => [category.name, category.colour]));
	return new Map(event.seats.map((seat) => [seat.seat, { name: seat.category, colour: colours.get(seat.category) }]));
}

function showScrollHint() {
	const scroller = $('seat-map-scroller');
	$('scroll-hint').hidden = scroller.scrollWidth <= scroller.clientWidth + 1;
}

function showSeatsLeft(available) {
	if (cancelled) {
		$('seats-left').textContent = 'No seats on sale';
		return;
	}
	$('seats-left').textContent = available === 1 ? '1 seat left' : `${available} seats left`;
}

/** The event was called off (at load, or while this page was open): its seat map can no longer be booked. */
function showCancelled() {
	if (cancelled) {
		return;
	}
	cancelled = true;
	$('event-status').hidden = false;
	seatMap.closeSales();
	showSeatsLeft(0);
	say($('booking-message'), 'error', 'This event was called off, so its seats can no longer be booked. '
		+ 'Every booking of it is cancelled and its buyer told by email.');
}

/** Selects again the seats picked before signing in, those still available, and says what became of the rest. */
function keepPickedSeats() {
	const stored = sessionStorage.getItem(PICKED_KEY);
	if (!user || !stored || cancelled) {
		return;
	}
	sessionStorage.removeItem(PICKED_KEY);
	let picked;
	try {
		picked = JSON.parse(stored);
	}
	catch (error) {
		return;
	}
	if (!Array.isArray(picked) || !picked.length) {
		return;
	}
	const kept = seatMap.select(picked.filter((label) => typeof label === 'string'));
	const lost = picked.filter((label) => !kept.includes(label));
	if (lost.length) {
		say($('booking-message'), 'info', `${lost.length === 1 ? 'Seat' : 'Seats'} ${listOf(lost)} ${lost.length === 1 ? 'was' : 'were'} taken while you signed in; `
			+ (kept.length ? `${listOf(kept)} ${kept.length === 1 ? 'is' : 'are'} still selected.` : 'choose other seats.'));
	}
	else {
		say($('booking-message'), 'info', `Your seat${kept.length > 1 ? 's' : ''} ${listOf(kept)} ${kept.length > 1 ? 'are' : 'is'} still selected: book when ready.`);
	}
}

/** Seats that were selected and have just been taken by someone else. */
function tellLost(labels) {
	const lost = labels.filter((label) => !booking.has(label));
	if (lost.length === 1) {
		say($('booking-message'), 'info', `Seat ${lost[0]} has just been taken by someone else, so it is no longer selected.`);
	}
	else if (lost.length > 1) {
		say($('booking-message'), 'info', `Seats ${listOf(lost)} have just been taken by someone else, so they are no longer selected.`);
	}
}

async function book() {
	if (!user) {
		sessionStorage.setItem(PICKED_KEY, JSON.stringify(seatMap.selected()));
		location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
		return;
	}
	await claim('Booking…', 'reserveSeats', async (result) => {
		seatMap.markTaken(result.seats, true);
		showSeatsLeft(seatMap.available());
		say($('booking-message'), 'ok', `Booked! Seat${result.seats.length > 1 ? 's' : ''} ${listOf(result.seats)}. `,
			'Your booking reference is ', el('strong', {}, result.reference || result.bookingId), '. ',
			el('a', { href: '/bookings.html' }, 'See my bookings'), '.');
		await showReviews();
	});
}

/**
 * Books (reserveSeats) or holds (holdSeats) the selected seats with one click's key, saying `doing` meanwhile, and
 * hands the answer to `done`; a refusal is explained.
 */
async function claim(doing, name, done) {
	const seats = seatMap.selected();
	if (!seats.length || hold) {
		return;
	}
	booking = new Set(seats);
	showSelection(seats);
	say($('booking-message'), 'info', doing);
	try {
		await done(await callOnce(name, { eventId, seats }));
	}
	catch (error) {
		await refused(error);
	}
	finally {
		booking = new Set();
		showSelection(seatMap.selected());
	}
}

/** Booking or holding was refused: says why, and draws what the refusal tells of the seats. */
async function refused(error) {
	if (error.code === 'CONFLICT') {
		// called off while the live stream was down, say: ask once more what the event is now
		const now = await call('eventSeats', { eventId }).catch(() => null);
		if (now && now.status === 'CANCELLED') {
			showCancelled();
			return;
		}
	}
	if (error.code === 'SEATS_UNAVAILABLE' && Array.isArray(error.seats)) {
		// the refusal names the seats that are taken: draw them so, even while the live stream is down
		seatMap.markTaken(error.seats);
		showSeatsLeft(seatMap.available());
	}
	say($('booking-message'), 'error', explain(error));
}

/** Priced seats: held for the buyer (others see them held at once), then the checkout panel. */
async function holdAndPay() {
	await claim('Holding your seats…', 'holdSeats', async (held) => {
		seatMap.update(held.seats.map((seat) => ({ seat, status: 'HELD' })));
		seatMap.deselect(held.seats);
		showSeatsLeft(seatMap.available());
		say($('booking-message'), 'info');
		await openCheckout(held);
		$('checkout-heading').focus();
	});
}

/** A hold of this buyer on this event made earlier (before a reload, or in another tab): its checkout again. */
async function resumeHold() {
	if (!user || cancelled) {
		return;
	}
	const mine = await call('myHolds').catch(() => []);
	const live = mine.find((entry) => entry.eventId === eventId && entry.status === 'ACTIVE');
	if (live) {
		await openCheckout(live);
	}
}

/** The checkout panel of a hold: its seats and total, the countdown, and the ways to pay offered. */
async function openCheckout(held) {
	hold = held;
	showSelection(seatMap.selected());
	$('checkout').hidden = false;
	$('checkout-heading').textContent = 'Your seats are held';
	$('checkout-heading').setAttribute('tabindex', '-1');
	$('checkout-seats').textContent = `Seats ${listOf(held.seats)} · total ${totalOf(held)}`;
	$('checkout-actions').hidden = false;
	$('countdown').parentElement.hidden = false;
	say($('checkout-message'), 'info');
	stopCountdown();
	stopCountdown = countdown(held.expiresAt, $('countdown'), $('countdown-announce'), holdExpired);
	let status = null;
	try {
		status = await call('holdStatus', { holdId: held.holdId });
	}
	catch (error) {
		say($('checkout-message'), 'error', explain(error));
	}
	const methods = status && Array.isArray(status.methods) ? status.methods : ['box-office'];
	$('pay-card').hidden = !methods.includes('stripe');
	$('pay-box-office').hidden = !methods.includes('box-office');
	if (status && status.payments.some((payment) => payment.method === 'box-office')) {
		awaitBoxOffice();
	}
}

async function payByCard() {
	if (!hold) {
		return;
	}
	$('pay-card').disabled = true;
	say($('checkout-message'), 'info', 'Opening the card payment page…');
	try {
		const payment = await callOnce('payHold',
			{ holdId: hold.holdId, method: 'stripe', returnUrl: location.origin + '/checkout.html' });
		location.assign(payment.payUrl);
	}
	catch (error) {
		say($('checkout-message'), 'error', explain(error));
		$('pay-card').disabled = false;
	}
}

async function payAtBoxOffice() {
	if (!hold) {
		return;
	}
	try {
		await callOnce('payHold', { holdId: hold.holdId, method: 'box-office' });
		awaitBoxOffice();
	}
	catch (error) {
		say($('checkout-message'), 'error', explain(error));
	}
}

/** Paying at the desk: says how, keeps counting down, and waits for the desk to confirm the hold. */
function awaitBoxOffice() {
	$('pay-card').hidden = true;
	$('pay-box-office').hidden = true;
	say($('checkout-message'), 'info', `Your seats are held until ${clockTime(hold.expiresAt)}. `
		+ 'Pay at the box office, quoting hold ', el('strong', { class: 'reference', id: 'hold-id' }, hold.holdId), '.');
	stopWatching();
	stopWatching = watchHold(hold.holdId, (status) => {
		if (status.status === 'CONFIRMED') {
			booked(status);
			return true;
		}
		if (status.status !== 'ACTIVE') {
			ended(endedText(status));
			return true;
		}
		return false;
	}, (error) => say($('checkout-message'), 'error', explain(error)));
}

/** The hold became a booking: the confirmation with the booking reference. */
function booked(status) {
	closeHold();
	$('checkout-heading').textContent = 'Booked';
	say($('checkout-message'), 'ok', confirmation(status));
	seatMap.markTaken(status.seats, true);
	showSeatsLeft(seatMap.available());
	showReviews();
}

async function release() {
	if (!hold) {
		return;
	}
	try {
		const released = await callOnce('releaseHold', { holdId: hold.holdId });
		closeHold();
		$('checkout').hidden = true;
		seatMap.update(released.seats.map((seat) => ({ seat, status: 'AVAILABLE' })));
		showSeatsLeft(seatMap.available());
		say($('booking-message'), 'ok', `Released: ${listOf(released.seats)} ${released.seats.length > 1 ? 'are' : 'is'} back on sale.`);
	}
	catch (error) {
		say($('checkout-message'), 'error', explain(error));
	}
}

/** The countdown reached zero: the hold is over; the seat map is read again. */
async function holdExpired() {
	ended('Your hold expired before it was paid, so its seats are back on sale. Choose seats again to book.');
	try {
		const event = await call('eventSeats', { eventId });
		seatMap.render(event.seats);
		showSeatsLeft(seatMap.available());
	}
	catch (error) {
		// the live stream redraws the seats as they are freed
	}
}

/** The hold ended without a booking (expired, released elsewhere): says so; the buyer may choose seats again. */
function ended(text) {
	closeHold();
	$('checkout-heading').textContent = 'Hold ended';
	say($('checkout-message'), 'error', text);
}

/** Stops what runs for the hold and puts its buttons away. */
function closeHold() {
	stopCountdown();
	stopWatching();
	stopCountdown = () => {};
	stopWatching = () => {};
	hold = null;
	$('checkout-actions').hidden = true;
	$('countdown').parentElement.hidden = true;
	showSelection(seatMap.selected());
}

async function showReviews() {
	let reviews;
	try {
		reviews = await call('eventReviews', { eventId });
	}
	catch (error) {
		$('rating-summary').textContent = explain(error);
		return;
	}
	if (reviews.count === 0) {
		$('rating-summary').textContent = 'No reviews yet.';
	}
	else {
		const average = reviews.averageRating.toFixed(1);
		fill($('rating-summary'), el('span', { class: 'stars', 'aria-hidden': 'true' }, stars(Math.round(reviews.averageRating))), ' ',
			`Average ${average} out of 5 from ${reviews.count} review${reviews.count > 1 ? 's' : ''}`);
	}
	fill($('reviews'), reviews.reviews.map((review) => el('li', { class: 'review' },
		el('p', { class: 'review-head' },
			el('strong', { class: 'review-author' }, review.username),
			el('span', { class: 'stars', role: 'img', 'aria-label': `${review.rating} out of 5 stars` }, stars(review.rating)),
			el('time', { class: 'muted', datetime: review.createdAt }, formatShort(review.createdAt))),
		review.text ? el('p', { class: 'review-text' }, review.text) : null)));
	await showReviewForm(reviews);
}

async function showReviewForm(reviews) {
	const area = $('review-area');
	if (!user) {
		fill(area, signInPrompt('to review this event after booking it.'));
		return;
	}
	let mine = [];
	try {
		mine = await call('myBookings');
	}
	catch (error) {
		fill(area);
		return;
	}
	const mineHere = mine.filter((entry) => entry.eventId === eventId && entry.status === 'CONFIRMED');
	seatMap.markMine(mineHere.flatMap((entry) => entry.seats || []));
	if (cancelled) {
		fill(area, el('p', { class: 'muted' }, 'This event was called off, so it cannot be reviewed.'));
		return;
	}
	if (!mineHere.length) {
		fill(area, el('p', { class: 'muted' }, 'Book seats for this event to review it.'));
		return;
	}
	const already = reviews.reviews.some((review) => review.username === user.username);
	const message = el('div', { class: 'message', role: 'status', id: 'review-message' });
	const text = el('textarea', { name: 'text', id: 'review-text', rows: '4', maxlength: '4000' });
	const form = el('form', { class: 'stacked panel', id: 'review-form' },
		el('fieldset', {},
			el('legend', {}, 'Your rating'),
			el('div', { class: 'radio-row' }, [1, 2, 3, 4, 5].map((rating) => el('label', { class: 'inline' },
				el('input', { type: 'radio', name: 'rating', value: String(rating), required: true }),
				`${rating} star${rating > 1 ? 's' : ''}`)))),
		el('label', { for: 'review-text' }, 'Your review (optional)'), text,
		already ? el('p', { class: 'muted' }, 'Posting again replaces your earlier review.') : null,
		el('div', {}, el('button', { type: 'submit', class: 'primary' }, 'Post review')),
		message);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const rating = form.querySelector('input[name=rating]:checked');
		if (!rating) {
			say(message, 'error', 'Choose a rating from 1 to 5 stars.');
			return;
		}
		try {
			await call('submitReview', { eventId, rating: Number(rating.value), text: text.value });
			await showReviews();
			say($('review-message'), 'ok', 'Thank you, your review is posted.');
		}
		catch (error) {
			say(message, 'error', explain(error));
		}
	});
	fill(area, el('h3', {}, already ? 'Update your review' : 'Write a review'), form);
}

function stars(rating) {
	return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

start();
