// The admin dashboard: totals, one line per event, the latest bookings, emails when the dashboard reports them,
// the CSV export, and forms to create venues and events.
import { call, callOnce, explain, listOf } from '../api.js';
import { el, fill, formatShort, formatStartShort, moneyFormat, readerZone, say, wallTimeWithOffset } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';
import { showLiveState, watchChanges } from '../live.js';

const $ = (id) => document.getElementById(id);

// the time zone of each venue in the event form, by id
const venueZones = new Map();

async function start() {
	const user = await renderHeader();
	if (!user) {
		fill($('admin-message'), signInPrompt('as an administrator to see the dashboard.'));
		$('admin-message').className = '';
		return;
	}
	if (user.role !== 'ADMIN') {
		say($('admin-message'), 'error', 'The dashboard is for administrators only.');
		return;
	}
	$('admin').hidden = false;
	for (const radio of document.querySelectorAll('input[name=layout]')) {
		radio.addEventListener('change', showLayoutFields);
	}
	showLayoutFields();
	offerTimeZones();
	$('event-venue').addEventListener('change', showEventZone);
	$('venue-form').addEventListener('submit', createVenue);
	$('event-form').addEventListener('submit', createEvent);
	await Promise.all([loadDashboard(), loadVenues()]);
	followChanges();
}

// the dashboard follows the sales: each change of any event's seats asks the dashboard function again, at most
// once per REFRESH_GAP, and never two at a time (a burst of bookings costs one reload, not one per booking)
const REFRESH_GAP = 500;
let refreshing = false;
let again = false;
let lastRefresh = 0;

function followChanges() {
	watchChanges({
		// a (re)connect may have missed changes: read the figures again
		open: (first) => (first ? null : refreshSoon()),
		changed: refreshSoon,
		state: showLiveState,
	});
}

async function refreshSoon() {
	if (refreshing) {
		again = true;
		return;
	}
	refreshing = true;
	try {
		const wait = lastRefresh + REFRESH_GAP - Date.now();
		if (wait > 0) {
			await new Promise((resolve) => setTimeout(resolve, wait));
		}
		again = false;
		lastRefresh = Date.now();
		await loadDashboard();
	}
	finally {
		refreshing = false;
	}
	if (again) {
		refreshSoon();
	}
}

async function loadDashboard() {
	let figures;
	try {
		figures = await call('dashboard');
	}
	catch (error) {
		say($('admin-message'), 'error', explain(error));
		return;
	}
	const total = (label, value, id) => el('div', {}, el('dt', {}, label), el('dd', { id }, String(value)));
	fill($('totals'),
		total('Seats', figures.totalSeats, 'total-seats'),
		total('Booked', figures.bookedSeats, 'booked-seats'),
		total('Available', figures.availableSeats, 'available-seats'),
		total('Bookings', figures.bookings, 'total-bookings'));
	// emails are reported once the engine sends them through an outbox; until then there is nothing to show
	if (figures.emails) {
		const emails = figures.emails;
		// review prompts wait weeks for their event: counted apart, so that the queue never looks stuck
		fill($('emails'), `Emails: ${emails.dueNow ?? emails.pending} due now, `,
			`${emails.scheduledLater ?? 0} scheduled later (review prompts wait for their event), `,
			el('span', { class: emails.failed ? 'seats-left none' : '' }, `${emails.failed} failed`),
			emails.failed ? el('span', {}, ' (', el('a', { href: '#failed-emails', id: 'show-failed-emails' }, 'see why'), ')') : null);
		if (emails.failed) {
			$('show-failed-emails').addEventListener('click', (event) => {
				event.preventDefault();
				showFailedEmails();
			});
		}
	}
	else {
		fill($('emails'));
	}
	const events = figures.events || [];
	fill($('event-table').tBodies[0], events.length ? events.map((line) => el('tr', { 'data-event-id': line.eventId },
		el('td', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(line.eventId) }, line.name),
			line.status === 'CANCELLED' ? [' ', el('span', { class: 'status cancelled called-off' }, 'Cancelled')] : null),
		el('td', {}, line.venueName || ''),
		el('td', {}, formatStartShort(line)),
		el('td', { class: 'number' }, String(line.bookedSeats)),
		el('td', { class: 'number' }, String(line.totalSeats)),
		el('td', { class: 'number' }, line.bookings === undefined ? '' : String(line.bookings)),
		el('td', { class: 'number revenue' }, line.currency ? moneyFormat(line.currency)(line.revenue || 0) : ''),
		el('td', {}, el('a', { href: '/admin/export.csv?eventId=' + encodeURIComponent(line.eventId), download: 'bookings.csv' }, 'CSV')),
		el('td', {}, el('a', { class: 'manage-event', href: '/manage-event.html?id=' + encodeURIComponent(line.eventId),
			'aria-label': `Manage ${line.name}` }, 'Manage'))))
		: el('tr', {}, el('td', { colspan: '9', class: 'muted' }, 'No events yet.')));
	const recent = figures.recentBookings || [];
	fill($('recent-table').tBodies[0], recent.length ? recent.map((booking) => el('tr', {},
		el('td', {}, formatShort(booking.createdAt)),
		el('td', {}, booking.username),
		el('td', {}, booking.eventName),
		el('td', {}, listOf(booking.seats)),
		el('td', {}, booking.status === 'CANCELLED' ? 'Cancelled' : 'Confirmed'),
		el('td', {}, el('code', {}, booking.reference || ''))))
		: el('tr', {}, el('td', { colspan: '6', class: 'muted' }, 'No bookings yet.')));
}

async function loadVenues(selected) {
	let venues;
	try {
		venues = await call('listVenues');
	}
	catch (error) {
		say($('event-message'), 'error', explain(error));
		return;
	}
	const select = $('event-venue');
	venueZones.clear();
	for (const venue of venues) {
		venueZones.set(venue.venueId, venue.timeZone);
	}
	fill(select, venues.length
		? venues.map((venue) => el('option', { value: venue.venueId }, `${venue.name} (${venue.capacity} seats, ${venue.timeZone || 'UTC'})`))
		: el('option', { value: '' }, 'Create a venue first'));
	if (selected) {
		select.value = selected;
	}
	showEventZone();
}

/** The event's start is typed as the venue's clocks will show it: the zone is named beside the field. */
function showEventZone() {
	const zone = venueZones.get($('event-venue').value);
	$('event-zone').textContent = zone ? `in ${zone}, the venue's time` : '';
}

/** Every zone the browser knows, to pick from; the reader's own is the default. */
function offerTimeZones() {
	const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	fill($('time-zones'), [...new Set(['UTC', ...zones])].map((zone) => el('option', { value: zone })));
	$('venue-time-zone').defaultValue = readerZone();
	$('venue-time-zone').value = readerZone();
}

function showLayoutFields() {
	const byRows = document.querySelector('input[name=layout]:checked').value === 'rows';
	$('rows-fields').hidden = !byRows;
	$('capacity-fields').hidden = byRows;
}

async function createVenue(event) {
	event.preventDefault();
	const byRows = document.querySelector('input[name=layout]:checked').value === 'rows';
	const input = { name: $('venue-name').value.trim(), timeZone: $('venue-time-zone').value.trim() };
	if (byRows) {
		input.rows = Number($('venue-rows').value);
		input.seatsPerRow = Number($('venue-seats-per-row').value);
	}
	else {
		input.capacity = Number($('venue-capacity').value);
	}
	try {
		const venue = await callOnce('createVenue', input);
		say($('venue-message'), 'ok', `Venue ${venue.name} is ready with ${venue.capacity} seats.`,
			venue.timeZone ? ` Its events are timed in ${venue.timeZone}.` : '');
		$('venue-form').reset();
		showLayoutFields();
		await loadVenues(venue.venueId);
	}
	catch (error) {
		say($('venue-message'), 'error', explain(error));
	}
}

async function createEvent(event) {
	event.preventDefault();
	const zone = venueZones.get($('event-venue').value) || readerZone();
	let startsAt;
	try {
		startsAt = wallTimeWithOffset($('event-starts-at').value, zone);
	}
	catch {
		say($('event-message'), 'error', `This browser does not know the venue's time zone, ${zone}: give the start with its offset through the API or the shell.`);
		return;
	}
	const input = { venueId: $('event-venue').value, name: $('event-name').value.trim(), startsAt };
	const description = $('event-description').value.trim();
	if (description) {
		input.description = description;
	}
	try {
		const created = await callOnce('createEvent', input);
		say($('event-message'), 'ok', `Event ${created.name} is on sale with ${created.totalSeats} seats. `,
			el('a', { href: '/event.html?id=' + encodeURIComponent(created.eventId) }, 'Open its page'), '.');
		$('event-form').reset();
		showEventZone();
		await loadDashboard();
	}
	catch (error) {
		say($('event-message'), 'error', explain(error));
	}
}

start();

/** The failed emails with their last error, under the counts. */
async function showFailedEmails() {
	let queue;
	try {
		queue = await call('emailQueue');
	}
	catch (error) {
		say($('admin-message'), 'error', explain(error));
		return;
	}
	const list = el('ul', { id: 'failed-emails', class: 'failed-emails' }, queue.failed.map((job) => el('li', {},
		el('strong', {}, job.kind), ` to ${job.recipient}, booking ${job.bookingId}, ${job.attempts} attempt${job.attempts === 1 ? '' : 's'}: `,
		el('span', { class: 'muted' }, job.lastError || 'no error recorded'))));
	const old = document.getElementById('failed-emails');
	if (old) {
		old.replaceWith(list);
	}
	else {
		$('emails').after(list);
	}
}
