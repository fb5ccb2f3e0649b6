// Register, then sign in at once.
import { call, explain } from '../api.js';
import { safeNext, say } from '../dom.js';
import { renderHeader } from '../layout.js';
import { login } from '../session.js';

const $ = (id) => document.getElementById(id);
const next = safeNext(new URLSearchParams(location.search).get('next') || '/');

renderHeader();
if (next !== '/') {
	$('login-link').href = '/login.html?next=' + encodeURIComponent(next);
}
$('register-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const button = $('register-submit');
	const username = $('register-username').value.trim();
	const password = $('register-password').value;
	button.disabled = true;
	try {
		await call('register', { username, email: $('register-email').value.trim(), password });
	}
	catch (error) {
		say($('register-message'), 'error', explain(error));
		button.disabled = false;
		return;
	}
	try {
		await login(username, password);
		location.assign(next);
	}
	catch (error) {
		say($('register-message'), 'error', 'Your account is ready, but signing in failed: ' + explain(error));
		button.disabled = false;
	}
});
