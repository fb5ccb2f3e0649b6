// My bookings, newest first, with cancel (after an inline confirmation).
import { call, callOnce, explain, listOf } from '../api.js';
import { el, fill, formatShort, formatStart, say } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';

const $ = (id) => document.getElementById(id);

async function start() {
	const user = await renderHeader();
	if (!user) {
		fill($('bookings-message'), signInPrompt('to see your bookings.'));
		$('bookings-message').className = '';
		return;
	}
	await load();
}

async function load() {
	let bookings;
	try {
		bookings = await call('myBookings');
	}
	catch (error) {
		say($('bookings-message'), 'error', explain(error));
		return;
	}
	if (!bookings.length) {
		say($('bookings-message'), 'info', 'You have no bookings yet. ', el('a', { href: '/' }, 'Find an event'), '.');
	}
	fill($('bookings'), bookings.map(item));
}

function item(booking) {
	const cancelled = booking.status === 'CANCELLED';
	const started = new Date(booking.startsAt) <= new Date();
	const actions = el('div', { class: 'actions' });
	const message = el('div', { class: 'message', role: 'status' });
	const entry = el('li', { class: 'booking', 'data-booking-id': booking.bookingId },
		el('h2', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(booking.eventId) }, booking.eventName)),
		el('p', { class: 'muted' }, `${booking.venue ? booking.venue.name + ' · ' : ''}${formatStart(booking)}`),
		el('p', {}, `Seat${booking.seats.length > 1 ? 's' : ''} ${listOf(booking.seats)} `,
			el('span', { class: 'status' + (cancelled ? ' cancelled' : '') }, cancelled ? 'Cancelled' : 'Confirmed')),
		el('p', { class: 'muted' }, `Booked ${formatShort(booking.createdAt)} · reference ${booking.reference || booking.bookingId}`),
		actions, message);
	if (!cancelled && !started) {
		const cancel = el('button', { type: 'button', class: 'secondary cancel-booking' }, 'Cancel booking');
		cancel.addEventListener('click', () => confirmCancel(booking, actions, message));
		actions.append(cancel);
	}
	return entry;
}

function confirmCancel(booking, actions, message) {
	const yes = el('button', { type: 'button', class: 'danger confirm-cancel' }, 'Yes, cancel it');
	const no = el('button', { type: 'button', class: 'secondary' }, 'No, keep it');
	fill(actions, el('span', {}, `Cancel seat${booking.seats.length > 1 ? 's' : ''} ${listOf(booking.seats)}?`), yes, no);
	no.addEventListener('click', () => load());
	yes.addEventListener('click', async () => {
		yes.disabled = true;
		try {
			await callOnce('cancelBooking', { bookingId: booking.bookingId });
			await load();
			say($('bookings-message'), 'ok', `Booking ${booking.bookingId} is cancelled; its seats are free again.`);
		}
		catch (error) {
			say(message, 'error', explain(error));
			yes.disabled = false;
		}
	});
	yes.focus();
}

start();
