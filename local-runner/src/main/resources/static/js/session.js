// The signed-in user. The session itself is an HttpOnly cookie set by the runner; scripts only ask who it is.
import { call } from './api.js';

let current;

/** Resolves to {userId, username, role}, or null when nobody is signed in. */
export function currentUser() {
	if (!current) {
		current = call('currentUser').catch((error) => {
			if (error.code === 'UNAUTHENTICATED') {
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
