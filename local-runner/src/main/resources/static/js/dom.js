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

/** "Saturday 24 December 2026, 19:30" in the reader's own time zone. */
export function formatInstant(iso) {
	if (!iso) {
		return '';
	}
	return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** A shorter form for tables. */
export function formatShort(iso) {
	if (!iso) {
		return '';
	}
	return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
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
