// The header every page shares: where to go, who is signed in.
import { el, fill } from './dom.js';
import { currentUser, logout } from './session.js';

/** Draws the header and resolves to the signed-in user (or null). */
export async function renderHeader() {
	const header = document.getElementById('site-header');
	let user = null;
	try {
		user = await currentUser();
	}
	catch (error) {
		user = null;
	}
	const here = location.pathname;
	const link = (href, text) => el('a', { href, 'aria-current': (here === href) ? 'page' : null }, text);
	const nav = el('nav', { class: 'site-nav', 'aria-label': 'Main' }, link('/', 'Events'));
	if (user) {
		nav.append(link('/bookings.html', 'My bookings'));
		if (user.role === 'ADMIN') {
			nav.append(link('/admin.html', 'Dashboard'), link('/boxoffice.html', 'Box office'),
				link('/accounts.html', 'Accounts'));
		}
		const signOut = el('button', { type: 'button', class: 'link-button', id: 'sign-out' }, 'Sign out');
		signOut.addEventListener('click', async () => {
			await logout();
			location.assign('/');
		});
		nav.append(el('span', { class: 'who' }, 'Signed in as ', el('strong', { id: 'signed-in-user' }, user.username)),
			signOut);
	}
	else {
		const next = encodeURIComponent(here + location.search);
		nav.append(el('span', { class: 'who' }), link('/login.html', 'Sign in'), link('/register.html', 'Register'));
		nav.querySelector('a[href="/login.html"]').href = '/login.html?next=' + next;
	}
	fill(header, el('a', { class: 'brand', href: '/' }, 'Seatline'), nav);
	return user;
}

/** A line that asks the reader to sign in, and comes back here afterwards. */
export function signInPrompt(what) {
	const next = encodeURIComponent(location.pathname + location.search);
	return el('p', { class: 'message info' }, el('a', { href: '/login.html?next=' + next }, 'Sign in'),
		' or ', el('a', { href: '/register.html?next=' + next }, 'register'), ' ' + what);
}
