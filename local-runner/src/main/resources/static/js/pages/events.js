// The event list, filtered by venue and dates; the filters live in the address so that a list can be shared.
import { call, explain } from '../api.js';
import { el, fill, formatStart, say } from '../dom.js';
import { renderHeader } from '../layout.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['venue', 'from', 'to'];

async function start() {
	renderHeader();
	const params = new URLSearchParams(location.search);
	for (const field of FIELDS) {
		$('filter-' + field).value = params.get(field) || '';
	}
	$('filters').addEventListener('submit', (event) => {
		event.preventDefault();
		const query = new URLSearchParams();
		for (const field of FIELDS) {
			const value = $('filter-' + field).value.trim();
			if (value) {
				query.set(field, value);
			}
		}
		history.replaceState(null, '', query.size ? '?' + query : location.pathname);
		load();
	});
	$('clear-filters').addEventListener('click', () => {
		for (const field of FIELDS) {
			$('filter-' + field).value = '';
		}
		history.replaceState(null, '', location.pathname);
		load();
	});
	call('listVenues').then((venues) => fill($('venue-names'),
		venues.map((venue) => el('option', { value: venue.name })))).catch(() => {});
	await load();
}

async function load() {
	const input = {};
	for (const field of FIELDS) {
		const value = $('filter-' + field).value.trim();
		if (value) {
			input[field] = value;
		}
	}
	let events;
	try {
		events = await call('browseEvents', input);
	}
	catch (error) {
		say($('events-message'), 'error', explain(error));
		fill($('events'));
		return;
	}
	const filtered = Object.keys(input).length > 0;
	if (!events.length) {
		say($('events-message'), 'info', filtered ? 'No events match these filters.' : 'No upcoming events yet.');
	}
	else {
		say($('events-message'), 'info', `${events.length} event${events.length > 1 ? 's' : ''}`);
	}
	fill($('events'), events.map(card));
}

function card(event) {
	const left = event.availableSeats;
	const level = left === 0 ? 'none' : (left <= Math.max(5, event.totalSeats / 10) ? 'few' : '');
	// a cancelled event stays listed, so that its buyers find it, but nothing of it is on sale
	const cancelled = event.status === 'CANCELLED';
	return el('li', { class: 'event-card' + (cancelled ? ' cancelled' : ''), 'data-event-id': event.eventId },
		el('h2', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(event.eventId) }, event.name),
			cancelled ? ' ' : null, cancelled ? el('span', { class: 'status cancelled called-off' }, 'Cancelled') : null),
		el('p', { class: 'muted' }, event.venue.name),
		el('p', {}, el('time', { datetime: event.localStartsAt || event.startsAt }, formatStart(event))),
		cancelled ? el('p', { class: 'seats-left none' }, 'Called off: no seats on sale')
			: el('p', { class: 'seats-left ' + level }, left === 0 ? 'Sold out' : `${left} of ${event.totalSeats} seats left`));
}

start();
