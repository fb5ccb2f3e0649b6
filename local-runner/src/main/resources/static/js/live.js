// Listens to an event's live seat stream (Server-Sent Events): a snapshot on every (re)connect, then changes.

/**
 * handlers: snapshot({seats, availableSeats}), change({seats, availableSeats}), state('live' | 'reconnecting' |
 * 'offline'), gone({message}). Returns {close()}.
 */
export function watchSeats(eventId, handlers) {
	let source = null;
	let closed = false;
	let retry = null;

	function open() {
		source = new EventSource('/live/events/' + encodeURIComponent(eventId) + '/seats');
		source.addEventListener('snapshot', (event) => {
			handlers.state('live');
			handlers.snapshot(JSON.parse(event.data));
		});
		source.addEventListener('seats', (event) => handlers.change(JSON.parse(event.data)));
		source.addEventListener('gone', (event) => {
			closed = true;
			source.close();
			handlers.gone(JSON.parse(event.data));
		});
		source.addEventListener('error', () => {
			if (closed) {
				return;
			}
			if (source.readyState === EventSource.CLOSED) {
				// the browser gave up (the runner was down or refused): try again ourselves
				handlers.state('offline');
				retry = setTimeout(open, 3000);
			}
			else {
				handlers.state('reconnecting');
			}
		});
	}

	open();
	return {
		close() {
			closed = true;
			clearTimeout(retry);
			source.close();
		},
	};
}

/** Shows the stream's state in the page's `#live-status` line. */
export function showLiveState(state) {
	const status = document.getElementById('live-status');
	status.dataset.state = state;
	status.textContent = { live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline, retrying…' }[state] || state;
}

/**
 * Listens to the stream of changes over all events (the dashboard's): handlers open(first), told on each
 * (re)connect, changed({eventIds}),
 * state('live' | 'reconnecting' | 'offline'). The browser reconnects by itself; a page that was away reloads what
 * it shows on open(false). Returns {close()}.
 */
export function watchChanges(handlers) {
	let source = null;
	let closed = false;
	let retry = null;
	let first = true;

	function open() {
		source = new EventSource('/live/changes');
		source.addEventListener('listening', () => {
			handlers.state('live');
			handlers.open(first);
			first = false;
		});
		source.addEventListener('changed', (event) => handlers.changed(JSON.parse(event.data)));
		source.addEventListener('error', () => {
			if (closed) {
				return;
			}
			if (source.readyState === EventSource.CLOSED) {
				handlers.state('offline');
				retry = setTimeout(open, 3000);
			}
			else {
				handlers.state('reconnecting');
			}
		});
	}

	open();
	return {
		close() {
			closed = true;
			clearTimeout(retry);
			source.close();
		},
	};
}
