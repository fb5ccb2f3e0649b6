// Builds DOM nodes. Text always goes in as text nodes (never as markup), so names and reviews cannot inject HTML.

/**
 * el('a', {href: '/x', class: 'c'}, 'text', child): attributes by setAttribute, `text` as textContent, `on*` as
 * listeners; children are nodes or strings (added as text).
 */
export function el(tag, props = {}, ...children) {
	const node = document.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === null || value === false) {
			continue;
		}
		if (key === 'class') {
			node.className = value;
		}
		else if (key === 'text') {
			node.textContent = value;
		}
		else if (key.startsWith('on') && typeof value === 'function') {
			node.addEventListener(key.slice(2), value);
		}
		else {
			node.setAttribute(key, value === true ? '' : String(value));
		}
	}
	for (const child of children.flat()) {
		if (child !== undefined && child !== null && child !== false) {
			node.append(child);
		}
	}
	return node;
}

/** Replaces every child of a node. */
export function fill(node, ...children) {
	node.replaceChildren(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
	return node;
}

/** Shows a message in a message element: kind is ok, error or info; empty text hides it. */
export function say(node, kind, ...content) {
	node.className = 'message ' + kind;
	fill(node, ...content);
}

/** An instant in the reader's own time zone, short, for tables: "24 Dec 2026, 19:30". */
export function formatShort(iso) {
	if (!iso) {
		return '';
	}
	return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * An event's start as its venue's clocks show it, with the venue's zone: "Thursday 1 May 2031 at 20:00
 * (Europe/Berlin)", whatever the reader's own zone. `event` has the functions' `startsAt` and `timeZone`.
 */
export function formatStart(event) {
	return startIn(event, { dateStyle: 'full', timeStyle: 'short' });
}

/** A shorter form for tables: "1 May 2031, 20:00 (Europe/Berlin)". */
export function formatStartShort(event) {
	return startIn(event, { dateStyle: 'medium', timeStyle: 'short' });
}

function startIn(event, style) {
	if (!event || !event.startsAt) {
		return '';
	}
	const when = new Date(event.startsAt);
	if (event.timeZone) {
		try {
			return `${new Intl.DateTimeFormat(undefined, { ...style, timeZone: event.timeZone }).format(when)} (${event.timeZone})`;
		}
		catch {
			// a zone this browser does not know: the reader's own below, named as such
		}
	}
	return `${new Intl.DateTimeFormat(undefined, style).format(when)} (${readerZone()})`;
}

/** The reader's own time zone, such as "Europe/Berlin". */
export function readerZone() {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A wall time in a zone as the contract wants it, with that zone's offset then: "2031-05-01T20:00" in Europe/Berlin
 * is "2031-05-01T20:00:00+02:00". As java.time decides: a time the zone skips (clocks going forward) and a time it
 * shows twice (clocks going back) both take the offset from before the change.
 */
export function wallTimeWithOffset(local, zone) {
	if (!local) {
		return '';
	}
	const [date, time] = local.split('T');
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute, second = 0] = time.split(':').map(Number);
	const wall = Date.UTC(year, month - 1, day, hour, minute, second);
	// the offsets a day before and a day after: any change of offset near the wall time lies between them
	const before = offsetAt(zone, wall - 86400000);
	const after = offsetAt(zone, wall + 86400000);
	const fits = [before, after].filter((candidate) => offsetAt(zone, wall - candidate * 60000) === candidate);
	const offset = fits.includes(before) || fits.length === 0 ? before : after;
	const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
	const sign = offset >= 0 ? '+' : '-';
	return `${local}${local.length === 16 ? ':00' : ''}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

// minutes east of UTC that a zone's clocks show at an instant
function offsetAt(zone, millis) {
	const parts = {};
	for (const part of new Intl.DateTimeFormat('en-US', {
		timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
		hour: 'numeric', minute: 'numeric', second: 'numeric',
	}).formatToParts(new Date(millis))) {
		parts[part.type] = Number(part.value);
	}
	const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((shown - Math.floor(millis / 1000) * 1000) / 60000);
}

/** A page path to return to after signing in: only a path on this site, never another site. */
export function safeNext(value) {
	// parsed as the browser will parse it: '/\t/evil.example' is '//evil.example', another site
	try {
		const url = new URL(typeof value === 'string' && value !== '' ? value : '/', location.origin);
		return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
	}
	catch {
		return '/';
	}
}

/**
 * A function writing amounts of a currency (an ISO 4217 code) given in its minor units, as the reader's locale writes
 * them with the code: 9000 in EUR is "EUR 90.00". The currency's own decimals say how many minor units make one.
 */
export function moneyFormat(currency) {
	const format = new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'code' });
	const scale = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
	return (minor) => format.format(minor / scale);
}
