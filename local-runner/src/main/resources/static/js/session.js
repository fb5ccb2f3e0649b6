// The signed-in user. The session itself is an HttpOnly cookie set by the runner; scripts only ask who it is.
import { call } from './api.js';

let current;

// set and cleared by the runner with the session cookie; it holds no secret
const MARKER = 'seatline_signed_in';

function mayBeSignedIn() {
	return document.cookie.split(';').some((cookie) => cookie.trim().startsWith(MARKER + '='));
}

/**
 * Resolves to {userId, username, role}, or null when nobody is signed in. A visitor who never signed in is not
 * asked about (the answer would be a 401, which the browser reports as an error).
 */
export function currentUser() {
	if (!current) {
		current = !mayBeSignedIn() ? Promise.resolve(null) : call('currentUser').catch((error) => {
			if (error.code === 'UNAUTHENTICATED') {
				// the session ended on the server (expired, signed out elsewhere): forget the marker too
				document.cookie = MARKER + '=; Max-Age=0; path=/; SameSite=Strict';
				return null;
			}
			throw error;
		});
	}
	return current;
}

/** Signs in: the runner answers with a session cookie instead of a token. */
export async function login(username, password) {
	const signedIn = await call('login', { username, password }, { 'Seatline-Session': 'cookie' });
	current = undefined;
	return signedIn;
}

/** Ends the session on the server; the runner clears the cookie. */
export async function logout() {
	try {
		await call('logout');
	}
	catch (error) {
		if (error.code !== 'UNAUTHENTICATED') {
			throw error;
		}
	}
	current = Promise.resolve(null);
}
