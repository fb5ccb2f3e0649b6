// Calls the Seatline functions exactly as any client does: POST /{function} with a JSON body. The session travels
// in an HttpOnly cookie that this code never sees.

/** A refusal in the contract's form: {error, message, field?, seats?}. */
export class ApiError extends Error {
	constructor(status, body) {
		super((body && body.message) || `The server answered ${status}`);
		this.status = status;
		this.code = (body && body.error) || 'INTERNAL';
		this.field = body && body.field;
		this.seats = (body && Array.isArray(body.seats)) ? body.seats : [];
	}
}

/** Calls one function; resolves to its JSON output, rejects with an ApiError. */
export async function call(name, input = {}, headers = {}) {
	let response;
	try {
		response = await fetch('/' + name, {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
			body: JSON.stringify(input),
		});
	}
	catch (e) {
		throw new ApiError(0, { error: 'NETWORK', message: 'The server cannot be reached.' });
	}
	const text = await response.text();
	let body = null;
	try {
		body = text ? JSON.parse(text) : null;
	}
	catch (e) {
		body = null;
	}
	if (!response.ok) {
		throw new ApiError(response.status, body);
	}
	return body;
}

/**
 * A new idempotency key, for one click of a button that changes something. crypto.randomUUID needs a secure context
 * (https, or localhost); over plain http elsewhere the same kind of key is made from crypto.getRandomValues.
 */
export function newIdempotencyKey() {
	if (typeof crypto.randomUUID === 'function') {
		return crypto.randomUUID();
	}
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// how long to wait before sending a click's request again, after a lost answer or a busy server
const RETRY_DELAYS_MS = [400, 1200];

/**
 * Calls a function that changes something, for one click: with one Idempotency-Key, and again with the same key
 * when the answer was lost (the network) or the server was busy. However often it is sent, the change is made once
 * and every answer is the first one (docs/idempotency.md).
 */
export async function callOnce(name, input = {}, key = newIdempotencyKey()) {
	for (let attempt = 0; ; attempt++) {
		try {
			return await call(name, input, { 'Idempotency-Key': key });
		}
		catch (error) {
			if (attempt >= RETRY_DELAYS_MS.length || !(error.code === 'NETWORK' || error.code === 'BUSY')) {
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
		}
	}
}

/** "A1", "A1 and A2", "A1, A2 and A3". */
export function listOf(items) {
	if (items.length <= 1) {
		return items.join('');
	}
	return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
}

/** The contract's error in plain words, for people. */
export function explain(error) {
	switch (error.code) {
		case 'SEATS_UNAVAILABLE': {
			const seats = error.seats;
			if (seats.length === 1) {
				return `Seat ${seats[0]} has just been taken by someone else. Nothing was booked: choose another seat and try again.`;
			}
			if (seats.length > 1) {
				return `Seats ${listOf(seats)} have just been taken by someone else. Nothing was booked: choose other seats and try again.`;
			}
			return 'Some of these seats have just been taken. Nothing was booked: choose other seats and try again.';
		}
		case 'UNAUTHENTICATED':
			return 'Please sign in first. If you were signed in, your session has ended.';
		case 'INVALID_CREDENTIALS':
			return 'That username and password do not match. Check them and try again.';
		case 'FORBIDDEN':
			return 'You are not allowed to do that.';
		case 'NOT_FOUND':
			return 'We could not find that. It may have been removed.';
		case 'TOO_MANY_ATTEMPTS':
			return 'Too many failed sign-ins for this username. Wait a few minutes, then try again.';
		case 'NETWORK':
			return 'The server cannot be reached. Check your connection and try again.';
		case 'BUSY':
			return 'The system is busy right now; nothing was changed. Try again in a moment.';
		case 'CONFLICT':
		case 'INVALID_REQUEST':
			// the engine writes these messages for people: "A venue named 'X' exists already"
			return error.message;
		default:
			return 'Something went wrong on our side; nothing was changed. Try again later.';
	}
}
