// Manage one event (admins): edit its name, description and start time; call it off with a reason, after a
// confirmation that says how many bookings that cancels. A cancelled event shows as such, its forms disabled.
import { call, callOnce, explain } from '../api.js';
import { el, fill, formatStart, say, wallTimeWithOffset } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';

const eventId = new URLSearchParams(location.search).get('id');
const $ = (id) => document.getElementById(id);

// the event as last read: what the edit form compares against
let current = null;
// its confirmed bookings, as the dashboard counts them
let bookings = 0;

async function start() {
	const user = await renderHeader();
	if (!user) {
		fill($('manage-message'), signInPrompt('as an administrator to manage events.'));
		$('manage-message').className = '';
		return;
	}
	if (user.role !== 'ADMIN') {
		say($('manage-message'), 'error', 'Managing events is for administrators only.');
		return;
	}
	if (!eventId) {
		say($('manage-message'), 'error', 'No event was chosen. ', el('a', { href: '/admin.html' }, 'Pick one on the dashboard'), '.');
		return;
	}
	$('edit-form').addEventListener('submit', save);
	$('cancel-form').addEventListener('submit', confirmCancel);
	await load();
}

async function load() {
	let event;
	let figures;
	try {
		[event, figures] = await Promise.all([call('eventSeats', { eventId }), call('dashboard', { eventId })]);
	}
	catch (error) {
		say($('manage-message'), 'error', explain(error), ' ', el('a', { href: '/admin.html' }, 'Back to the dashboard'), '.');
		return;
	}
	const line = (figures.events || []).find((entry) => entry.eventId === eventId);
	bookings = line && line.bookings !== undefined ? Number(line.bookings) : Number(figures.bookings || 0);
	show(event, line || figures);
	$('edit-name').value = event.name;
	$('edit-description').value = event.description || '';
	$('edit-starts-at').value = localInput(event);
	$('edit-zone').textContent = event.timeZone ? `in ${event.timeZone}, the venue's time` : '';
}

function show(event, line) {
	current = event;
	document.title = `Manage ${event.name} · Seatline`;
	$('manage-name').textContent = event.name;
	$('manage-when').textContent = `${event.venue ? event.venue.name + ' · ' : ''}${formatStart(event)}`;
	$('manage-figures').textContent = `${line.bookedSeats} of ${line.totalSeats} seats booked, `
		+ `${bookings} booking${bookings === 1 ? '' : 's'}.`;
	$('manage-event-page').href = '/event.html?id=' + encodeURIComponent(eventId);
	$('manage-box-office').href = '/boxoffice.html?event=' + encodeURIComponent(eventId);
	$('manage').hidden = false;
	const cancelled = event.status === 'CANCELLED';
	$('manage-status').hidden = !cancelled;
	$('manage-cancelled').hidden = !cancelled;
	// a disabled fieldset disables every control in it, and says so to assistive technology
	$('edit-fields').disabled = cancelled;
	$('cancel-fields').disabled = cancelled;
	$('cancel-consequence').textContent = cancelled ? 'This event is called off already.'
		: `Calling the event off cancels its ${bookingWords(bookings)} and frees the seats; `
			+ `${bookings === 1 ? 'the booker is' : 'each booker is'} emailed once, with your reason. It cannot be undone.`;
}

async function save(submitted) {
	submitted.preventDefault();
	const input = { eventId };
	const name = $('edit-name').value.trim();
	if (name !== current.name) {
		input.name = name;
	}
	const description = $('edit-description').value.trim();
	if (description !== (current.description || '')) {
		// the contract: an empty description removes it
		input.description = description;
	}
	const startsAt = $('edit-starts-at').value;
	const moved = startsAt !== localInput(current);
	if (moved) {
		input.startsAt = wallTimeWithOffset(startsAt, current.timeZone);
	}
	if (Object.keys(input).length === 1) {
		say($('edit-message'), 'info', 'Nothing has changed, so nothing was saved.');
		return;
	}
	$('edit-submit').disabled = true;
	try {
		const updated = await callOnce('updateEvent', input);
		await load();
		say($('edit-message'), 'ok', moved
			? `Saved. ${updated.name} now starts ${formatStart(updated)}; `
				+ (bookings === 0 ? 'nobody had booked yet, so nobody is emailed.'
					: `${bookings === 1 ? 'its booker is' : `the bookers of its ${bookings} bookings are`} being emailed the new time.`)
			: `Saved. The event page shows the change at once.`);
	}
	catch (error) {
		say($('edit-message'), 'error', explain(error));
		if (error.field) {
			const field = { name: 'edit-name', description: 'edit-description', startsAt: 'edit-starts-at' }[error.field];
			if (field) {
				$(field).focus();
			}
		}
	}
	finally {
		$('edit-submit').disabled = false;
	}
}

function confirmCancel(submitted) {
	submitted.preventDefault();
	const actions = $('cancel-actions');
	const yes = el('button', { type: 'button', class: 'danger', id: 'confirm-cancel-event' }, 'Yes, cancel the event');
	const no = el('button', { type: 'button', class: 'secondary', id: 'keep-event' }, 'No, keep it');
	fill(actions, el('p', { id: 'cancel-question' }, `Cancel ${current.name}? `
		+ (bookings ? `Its ${bookingWords(bookings)} will be cancelled and ${bookings === 1 ? 'the booker' : 'every booker'} emailed.`
			: 'Nobody has booked it yet.')), yes, no);
	no.addEventListener('click', () => {
		restoreCancelButton();
		$('cancel-event').focus();
	});
	yes.addEventListener('click', async () => {
		yes.disabled = true;
		no.disabled = true;
		const reason = $('cancel-reason').value.trim();
		try {
			const result = await callOnce('cancelEvent', reason ? { eventId, reason } : { eventId });
			restoreCancelButton();
			await load();
			say($('cancel-message'), 'ok', `${current.name} is cancelled. ${result.bookingsCancelled === 0
				? 'It had no bookings.'
				: `${capital(bookingWords(result.bookingsCancelled))} cancelled; `
					+ `${result.bookingsCancelled === 1 ? 'its buyer is' : 'their buyers are'} being emailed.`}`);
		}
		catch (error) {
			restoreCancelButton();
			say($('cancel-message'), 'error', explain(error));
			await load();
		}
	});
	yes.focus();
}

function restoreCancelButton() {
	fill($('cancel-actions'), el('button', { type: 'submit', class: 'danger', id: 'cancel-event' }, 'Cancel this event…'));
}

function bookingWords(count) {
	return count === 1 ? 'one booking' : `${count} bookings`;
}

function capital(text) {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2026-12-24T19:30": the event's start as its venue's clocks show it (`localStartsAt`), for a datetime-local field. */
function localInput(event) {
	return event.localStartsAt.slice(0, 16);
}

start();
