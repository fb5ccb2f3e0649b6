// Sign in: the runner keeps the session in an HttpOnly cookie; this page never sees a token.
import { explain } from '../api.js';
import { safeNext, say } from '../dom.js';
import { renderHeader } from '../layout.js';
import { login } from '../session.js';

const $ = (id) => document.getElementById(id);
const next = safeNext(new URLSearchParams(location.search).get('next') || '/');

renderHeader();
if (next !== '/') {
	$('register-link').href = '/register.html?next=' + encodeURIComponent(next);
}
$('login-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const button = $('login-submit');
	button.disabled = true;
	try {
		await login($('login-username').value.trim(), $('login-password').value);
		location.assign(next);
	}
	catch (error) {
		say($('login-message'), 'error', explain(error));
		button.disabled = false;
	}
});
