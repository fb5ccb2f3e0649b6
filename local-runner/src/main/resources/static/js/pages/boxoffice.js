// The box office: find a booking by its reference or the buyer's name and cancel it for the customer; an event's
// seat map with each sold seat's booking, where seats are selected (one by one, by shift-click or by dragging) and
// blocked or unblocked; the audit log of a found booking and of the event (who did what, when, before and after),
// each with its CSV; a hold its buyer pays at the desk, found by its id and marked paid (confirmHold with
// paidAtBoxOffice), which books it. Admins only; every change goes through the same functions as any client.
import { call, callOnce, explain, listOf } from '../api.js';
import { countdown, totalOf } from '../checkout.js';
import { el, fill, formatShort, formatStartShort, say } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';
import { showLiveState, watchSeats } from '../live.js';
import { SeatMap } from '../seatmap.js';

const $ = (id) => document.getElementById(id);
const REFERENCE = /^[0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{4}$/;

let seatMap = null;
let watching = null;
let eventId = null;
// each sold seat's booking, by label, from the last adminSeatMap
let holders = new Map();
let refreshing = null;
// the hold shown under "Holds paid at the desk", and its countdown
let deskHold = null;
let stopDeskCountdown = () => {};

async function start() {
	const user = await renderHeader();
	if (!user) {
		fill($('boxoffice-message'), signInPrompt('as an administrator to use the box office.'));
		$('boxoffice-message').className = '';
		return;
	}
	if (user.role !== 'ADMIN') {
		say($('boxoffice-message'), 'error', 'The box office is for administrators only.');
		return;
	}
	$('boxoffice').hidden = false;
	$('find-form').addEventListener('submit', findBookings);
	$('desk-form').addEventListener('submit', showDeskHold);
	$('desk-mark-paid').addEventListener('click', markPaid);
	$('block').addEventListener('click', () => changeSeats('blockSeats'));
	$('unblock').addEventListener('click', () => changeSeats('unblockSeats'));
	$('event-history-refresh').addEventListener('click', () => showEventHistory());
	seatMap = new SeatMap($('seat-map'), showSelection, {
		selectable: ['AVAILABLE', 'BLOCKED'],
		ranges: true,
		onInspect: showSeatBooking,
	});
	await loadEvents();
}

async function loadEvents() {
	let events;
	try {
		events = await call('browseEvents');
	}
	catch (error) {
		say($('boxoffice-message'), 'error', explain(error));
		return;
	}
	const select = $('event-select');
	fill(select, events.map((event) => el('option', { value: event.eventId },
		`${event.name} · ${formatStartShort(event)}`)));
	const wanted = new URLSearchParams(location.search).get('event');
	if (wanted && events.some((event) => event.eventId === wanted)) {
		select.value = wanted;
	}
	select.addEventListener('change', () => openEvent(select.value));
	if (select.value) {
		await openEvent(select.value);
	}
}

async function openEvent(id) {
	eventId = id;
	history.replaceState(null, '', '/boxoffice.html?event=' + encodeURIComponent(id));
	$('seat-booking').hidden = true;
	$('event-history-csv').href = '/admin/audit.csv?eventId=' + encodeURIComponent(id);
	showEventHistory();
	if (watching) {
		watching.close();
	}
	await loadSeats(true);
	watching = watchSeats(id, {
		snapshot: (snapshot) => {
			seatMap.update(snapshot.seats);
			refreshSoon();
		},
		change: (change) => {
			seatMap.update(change.seats);
			showCounts();
			// a seat sold or freed elsewhere: its booking is read again shortly
			refreshSoon();
		},
		state: showLiveState,
		gone: (reason) => say($('seats-message'), 'error', reason.message || 'This event no longer exists.'),
	});
}

async function loadSeats(draw) {
	let map;
	try {
		map = await call('adminSeatMap', { eventId });
	}
	catch (error) {
		say($('seats-message'), 'error', explain(error));
		return;
	}
	holders = new Map(map.seats.filter((seat) => seat.bookingId).map((seat) => [seat.seat, seat]));
	if (draw) {
		seatMap.render(map.seats);
	}
	else {
		seatMap.update(map.seats);
	}
	for (const seat of map.seats) {
		const button = seatMap.buttons.get(seat.seat);
		if (button) {
			button.title = seat.reference ? `${seat.seat}: ${seat.reference}, ${seat.username}` : seat.seat;
		}
	}
	showCounts();
}

function refreshSoon() {
	clearTimeout(refreshing);
	refreshing = setTimeout(() => loadSeats(false), 300);
}

function showCounts() {
	const count = (status) => [...seatMap.buttons.values()].filter((button) => button.dataset.status === status).length;
	$('seat-counts').textContent = `${count('AVAILABLE')} available, ${count('BLOCKED')} blocked, ${count('BOOKED')} sold`;
}

function showSelection(labels) {
	const statuses = labels.map((label) => seatMap.status(label));
	$('block').disabled = !labels.length || statuses.some((status) => status !== 'AVAILABLE');
	$('unblock').disabled = !labels.length || statuses.some((status) => status !== 'BLOCKED');
	$('block').textContent = labels.length > 1 ? `Block ${labels.length} seats` : 'Block';
	$('unblock').textContent = labels.length > 1 ? `Unblock ${labels.length} seats` : 'Unblock';
	$('selection').textContent = labels.length ? `Selected: ${listOf(labels)}` : 'No seats selected.';
}

async function changeSeats(name) {
	const seats = seatMap.selected();
	if (!seats.length) {
		return;
	}
	try {
		const result = await callOnce(name, { eventId, seats });
		seatMap.update(result.seats.map((seat) => ({ seat, status: result.status })));
		seatMap.deselect(result.seats);
		showCounts();
		say($('seats-message'), 'ok', `${listOf(result.seats)} ${result.status === 'BLOCKED' ? 'blocked' : 'back on sale'}.`);
		showEventHistory();
	}
	catch (error) {
		say($('seats-message'), 'error', explain(error));
		await loadSeats(false);
	}
}

/** A sold seat was chosen: its booking, with a way to cancel it for the customer. */
function showSeatBooking(label) {
	const holder = holders.get(label);
	const panel = $('seat-booking');
	if (!holder) {
		panel.hidden = true;
		return;
	}
	panel.hidden = false;
	fill(panel, el('h3', {}, `Seat ${label}`),
		el('p', {}, 'Booking ', el('strong', { class: 'reference' }, holder.reference), ` by ${holder.username}`),
		el('button', { type: 'button', class: 'link-button', id: 'find-holder' }, 'Show this booking'));
	$('find-holder').addEventListener('click', () => {
		$('find-query').value = holder.reference;
		findBookings();
	});
}

/** A hold the buyer pays at the desk: its seats, total and time left, and whether it can be marked paid. */
async function showDeskHold(submitted) {
	submitted.preventDefault();
	const holdId = $('desk-hold').value.trim();
	stopDeskCountdown();
	deskHold = null;
	$('desk-hold-panel').hidden = true;
	if (!holdId) {
		return;
	}
	let status;
	try {
		status = await call('holdStatus', { holdId });
	}
	catch (error) {
		say($('desk-message'), 'error', error.code === 'NOT_FOUND' ? `No hold has the id ${holdId}.` : explain(error));
		return;
	}
	deskHold = status;
	$('desk-hold-panel').hidden = false;
	$('desk-hold-seats').textContent = `Seats ${listOf(status.seats)} · total ${totalOf(status)}`;
	const live = status.status === 'ACTIVE';
	$('desk-hold-left').hidden = !live;
	$('desk-mark-paid').hidden = !live;
	if (live) {
		$('desk-mark-paid').textContent = `Mark paid (${totalOf(status)})`;
		say($('desk-message'), 'info', 'Take the payment, then mark the hold paid to book its seats.');
		stopDeskCountdown = countdown(status.expiresAt, $('desk-countdown'), null, () => {
			$('desk-mark-paid').hidden = true;
			say($('desk-message'), 'error', 'This hold has expired: its seats are back on sale. Do not take payment.');
		});
	}
	else if (status.status === 'CONFIRMED') {
		say($('desk-message'), 'ok', 'This hold is booked already: booking ',
			el('strong', { class: 'reference' }, status.reference || status.bookingId), '.');
	}
	else {
		say($('desk-message'), 'error', `This hold has ${status.status === 'RELEASED' ? 'been released' : 'expired'}: `
			+ 'its seats are back on sale. Do not take payment.');
	}
}

async function markPaid() {
	if (!deskHold) {
		return;
	}
	$('desk-mark-paid').disabled = true;
	try {
		const booking = await callOnce('confirmHold', { holdId: deskHold.holdId, paidAtBoxOffice: true });
		stopDeskCountdown();
		$('desk-hold-left').hidden = true;
		$('desk-mark-paid').hidden = true;
		say($('desk-message'), 'ok', `Paid and booked: seats ${listOf(booking.seats)}. Booking reference `,
			el('strong', { class: 'reference big-reference', id: 'desk-reference' }, booking.reference), '.');
		if (booking.eventId === eventId) {
			showEventHistory();
		}
	}
	catch (error) {
		say($('desk-message'), 'error', explain(error));
	}
	finally {
		$('desk-mark-paid').disabled = false;
	}
}

async function findBookings(submitted) {
	if (submitted) {
		submitted.preventDefault();
	}
	const query = $('find-query').value.trim();
	if (!query) {
		return;
	}
	const criteria = REFERENCE.test(query) ? { reference: query } : { username: query };
	let found;
	try {
		found = await call('findBookings', criteria);
	}
	catch (error) {
		say($('find-message'), 'error', explain(error));
		fill($('found-bookings'));
		return;
	}
	say($('find-message'), found.length ? 'info' : 'error', found.length
		? `${found.length} booking${found.length > 1 ? 's' : ''} found.` : `No booking matches ${query}.`);
	fill($('found-bookings'), found.map(bookingLine));
}

function bookingLine(booking) {
	const line = el('li', { class: 'found-booking', 'data-booking-id': booking.bookingId },
		el('p', {}, el('strong', { class: 'reference' }, booking.reference), ` · ${booking.username} · `,
			el('a', { href: '/boxoffice.html?event=' + encodeURIComponent(booking.eventId) }, booking.eventName),
			` · ${formatStartShort(booking)} · seats ${listOf(booking.seats)} · `,
			el('span', { class: 'status' }, booking.status === 'CONFIRMED' ? 'Confirmed' : 'Cancelled')),
		booking.cancelReason ? el('p', { class: 'muted' }, `Reason: ${booking.cancelReason}`) : null);
	const history = el('div', { class: 'audit-history booking-history' });
	const toggle = el('button', { type: 'button', class: 'link-button show-history', 'aria-expanded': 'false' },
		'History');
	toggle.addEventListener('click', async () => {
		toggle.setAttribute('aria-expanded', 'true');
		await showHistory(history, { bookingId: booking.bookingId }, `booking ${booking.reference}`);
	});
	line.append(el('p', {}, toggle, ' · ',
		el('a', { href: '/admin/audit.csv?bookingId=' + encodeURIComponent(booking.bookingId), download: 'audit.csv' },
			'History (CSV)')), history);
	if (booking.status === 'CONFIRMED') {
		const reason = el('input', { name: 'reason', class: 'cancel-reason', required: true, maxlength: '500',
			'aria-label': `Why booking ${booking.reference} is cancelled (the customer reads this)` });
		const message = el('span', { class: 'message', role: 'status' });
		const form = el('form', { class: 'inline-form cancel-for' },
			el('label', {}, 'Reason ', reason),
			el('button', { type: 'submit', class: 'danger' }, 'Cancel for the customer'), message);
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			try {
				const cancelled = await callOnce('cancelBookingFor',
					{ bookingId: booking.bookingId, reason: reason.value.trim() });
				const replaced = bookingLine(cancelled);
				line.replaceWith(replaced);
				replaced.querySelector('.show-history').click();
				if (cancelled.eventId === eventId) {
					showEventHistory();
				}
				say($('find-message'), 'ok', `Booking ${cancelled.reference} is cancelled; ${cancelled.username} is emailed the reason.`);
			}
			catch (error) {
				say(message, 'error', explain(error));
			}
		});
		line.append(form);
	}
	return line;
}

/** The selected event's history, newest first. */
async function showEventHistory() {
	if (eventId) {
		await showHistory($('event-history'), { eventId }, 'this event');
	}
}

/** Reads auditLog and shows it as a compact table: when, who, what, and the state before and after. */
async function showHistory(node, query, what) {
	let entries;
	try {
		entries = await call('auditLog', query);
	}
	catch (error) {
		fill(node, el('p', { class: 'message error' }, explain(error)));
		return;
	}
	if (!entries.length) {
		fill(node, el('p', { class: 'muted' }, `Nothing recorded for ${what} yet.`));
		return;
	}
	fill(node, el('div', { class: 'table-scroller' }, el('table', { class: 'audit-table' },
		el('caption', { class: 'visually-hidden' }, `History of ${what}, newest first`),
		el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'When'), el('th', { scope: 'col' }, 'Who'),
			el('th', { scope: 'col' }, 'What'), el('th', { scope: 'col' }, 'Before → after'))),
		el('tbody', {}, entries.map((entry) => el('tr', { 'data-action': entry.action },
			el('td', {}, formatShort(entry.at)),
			el('td', {}, entry.actor),
			el('td', {}, el('span', { class: 'audit-action' }, entry.action), el('br'),
			el('span', { class: 'muted' }, entry.summary)),
			el('td', {}, `${stateText(entry.before)} → ${stateText(entry.after)}`)))))));
}

/** A state of the audit log ({status: 'CANCELLED', seats: ['A1']}) as text: "status CANCELLED, seats A1". */
function stateText(state) {
	if (!state) {
		return '—';
	}
	const fields = Object.entries(state).map(([key, value]) =>
		`${key} ${Array.isArray(value) ? value.join(' ') : value === null ? '—' : String(value)}`);
	return fields.length ? fields.join(', ') : '—';
}

start();
