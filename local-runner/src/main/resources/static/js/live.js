// Listens to the runner's Server-Sent Events streams: an event's live seats, and the changes over all events.

/**
 * Opens an EventSource on url with the given listeners ({name: (event, stream) => ...}) and keeps it open: the
 * browser reconnects by itself, and when it gives up (the runner was down or refused) this tries again after 3 s.
 * state('reconnecting' | 'offline') says which; a listener that calls stream.close() ends it for good.
 * Returns {close()}.
 */
function reconnecting(url, listeners, state) {
	let source = null;
	let closed = false;
	let retry = null;
	const stream = {
		close() {
			closed = true;
			clearTimeout(retry);
			source.close();
		},
	};

	function open() {
		source = new EventSource(url);
		for (const [name, listener] of Object.entries(listeners)) {
			source.addEventListener(name, (event) => listener(event, stream));
		}
		source.addEventListener('error', () => {
			if (closed) {
				return;
			}
			if (source.readyState === EventSource.CLOSED) {
				// the browser gave up (the runner was down or refused): try again ourselves
				state('offline');
				retry = setTimeout(open, 3000);
			}
			else {
				state('reconnecting');
			}
		});
	}

	open();
	return stream;
}

/**
 * handlers: snapshot({seats, availableSeats}), change({seats, availableSeats}), state('live' | 'reconnecting' |
 * 'offline'), gone({message}). Returns {close()}.
 */
export function watchSeats(eventId, handlers) {
	return reconnecting('/live/events/' + encodeURIComponent(eventId) + '/seats', {
		snapshot(event) {
			handlers.state('live');
			handlers.snapshot(JSON.parse(event.data));
		},
		seats: (event) => handlers.change(JSON.parse(event.data)),
		gone(event, stream) {
			stream.close();
			handlers.gone(JSON.parse(event.data));
		},
	}, (state) => handlers.state(state));
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
	let first = true;
	return reconnecting('/live/changes', {
		listening() {
			handlers.state('live');
			handlers.open(first);
			first = false;
		},
		changed: (event) => handlers.changed(JSON.parse(event.data)),
	}, (state) => handlers.state(state));
}
