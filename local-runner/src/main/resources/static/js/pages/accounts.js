// Accounts (admins): find accounts by username, disable or enable one (after an inline confirmation), reset a
// password to one the admin types or has generated. The search lives in the address, so that a list can be shared.
import { call, callOnce, explain } from '../api.js';
import { el, fill, formatShort, say } from '../dom.js';
import { renderHeader, signInPrompt } from '../layout.js';

const $ = (id) => document.getElementById(id);

// the most accounts one listing shows; a narrower search finds the others
const LIMIT = 100;

// no 0/O, 1/l/I: a generated password is read out or typed by hand
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

let me = null;
let resetting = null;

async function start() {
	me = await renderHeader();
	if (!me) {
		fill($('accounts-message'), signInPrompt('as an administrator to manage accounts.'));
		$('accounts-message').className = '';
		return;
	}
	if (me.role !== 'ADMIN') {
		say($('accounts-message'), 'error', 'The accounts page is for administrators only.');
		return;
	}
	$('accounts').hidden = false;
	$('account-query').value = new URLSearchParams(location.search).get('q') || '';
	$('account-search').addEventListener('submit', (event) => {
		event.preventDefault();
		const query = $('account-query').value.trim();
		history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
		load();
	});
	$('reset-form').addEventListener('submit', resetPassword);
	$('reset-generate').addEventListener('click', () => {
		$('reset-password').value = generated();
		$('reset-password').focus();
		$('reset-password').select();
	});
	$('reset-close').addEventListener('click', closeReset);
	await load();
}

async function load() {
	const query = $('account-query').value.trim();
	let accounts;
	try {
		accounts = await call('listAccounts', query ? { query, limit: LIMIT } : { limit: LIMIT });
	}
	catch (error) {
		say($('accounts-message'), 'error', explain(error));
		return;
	}
	say($('accounts-message'), 'info');
	fill($('account-table').tBodies[0], accounts.length ? accounts.map(row)
		: el('tr', {}, el('td', { colspan: '7', class: 'muted' }, query ? `No username contains “${query}”.` : 'No accounts yet.')));
	$('account-count').textContent = accounts.length === LIMIT
		? `The first ${LIMIT} accounts by username; search to narrow them down.`
		: `${accounts.length} account${accounts.length === 1 ? '' : 's'}`;
}

function row(account) {
	const self = account.username.toLowerCase() === me.username.toLowerCase();
	const actions = el('td', { class: 'actions-cell' });
	const line = el('tr', { 'data-username': account.username, 'data-disabled': String(account.disabled) },
		el('th', { scope: 'row' }, account.username, self ? el('span', { class: 'muted' }, ' (you)') : null),
		el('td', {}, account.email),
		el('td', {}, account.role === 'ADMIN' ? 'Admin' : 'Buyer'),
		el('td', {}, el('time', { datetime: account.createdAt }, formatShort(account.createdAt))),
		el('td', {}, account.disabled
			? el('span', { class: 'status cancelled account-status' }, 'Disabled')
			: el('span', { class: 'status account-status' }, 'Active'),
		account.disabled && account.disabledAt ? el('span', { class: 'muted' }, ` since ${formatShort(account.disabledAt)}`) : null),
		el('td', { class: 'number' }, String(account.bookings)),
		actions);
	showActions(account, actions, self);
	return line;
}

function showActions(account, actions, self) {
	const who = account.username;
	const toggle = account.disabled
		? el('button', { type: 'button', class: 'secondary enable-account', 'aria-label': `Enable ${who}` }, 'Enable')
		: el('button', { type: 'button', class: 'secondary disable-account', 'aria-label': `Disable ${who}` }, 'Disable');
	toggle.addEventListener('click', () => confirmToggle(account, actions, self));
	const reset = el('button', { type: 'button', class: 'secondary reset-password', 'aria-label': `Reset the password of ${who}` },
		'Reset password');
	reset.addEventListener('click', () => openReset(who, reset));
	// an admin cannot lock themselves out: the engine refuses it, the page does not offer it
	fill(actions, el('div', { class: 'actions' }, self && !account.disabled ? null : toggle, reset));
}

function confirmToggle(account, actions, self) {
	const who = account.username;
	const disabling = !account.disabled;
	const yes = el('button', { type: 'button', class: disabling ? 'danger confirm-toggle' : 'primary confirm-toggle' },
		disabling ? `Yes, disable ${who}` : `Yes, enable ${who}`);
	const no = el('button', { type: 'button', class: 'secondary' }, 'No');
	fill(actions, el('div', { class: 'actions' },
		el('span', {}, disabling
			? `Disable ${who}? They are signed out everywhere at once and cannot sign in; their bookings stay.`
			: `Enable ${who}? They can sign in again with their password.`),
		yes, no));
	no.addEventListener('click', () => {
		showActions(account, actions, self);
		actions.querySelector('button').focus();
	});
	yes.addEventListener('click', async () => {
		yes.disabled = true;
		// the result of an earlier action would read as this one's
		say($('account-result'), 'info');
		try {
			const changed = await callOnce(disabling ? 'disableAccount' : 'enableAccount', { username: who });
			await load();
			say($('account-result'), 'ok', changed.disabled
				? `${changed.username} is disabled: ${sessions(changed.sessionsEnded)} ended, and signing in is refused.`
				: `${changed.username} is enabled: they can sign in again.`);
		}
		catch (error) {
			say($('account-result'), 'error', accountError(error, who));
			await load();
		}
	});
	yes.focus();
}

function openReset(username, opener) {
	resetting = { username, opener };
	$('reset-username').textContent = username;
	$('reset-heading').textContent = `Reset the password of ${username}`;
	$('reset-password').value = '';
	say($('reset-message'), 'info');
	say($('account-result'), 'info');
	$('reset-panel').hidden = false;
	$('reset-password').focus();
}

function closeReset() {
	$('reset-panel').hidden = true;
	if (resetting && resetting.opener.isConnected) {
		resetting.opener.focus();
	}
	resetting = null;
}

async function resetPassword(event) {
	event.preventDefault();
	if (!resetting) {
		return;
	}
	const username = resetting.username;
	const password = $('reset-password').value;
	if (password.length < 8 || password.length > 128) {
		say($('reset-message'), 'error', 'A password has 8 to 128 characters.');
		$('reset-password').focus();
		return;
	}
	$('reset-submit').disabled = true;
	try {
		const changed = await call('resetPassword', { username, newPassword: password });
		$('reset-panel').hidden = true;
		resetting = null;
		say($('account-result'), 'ok', `The password of ${changed.username} is now `,
			el('code', { class: 'secret', id: 'new-password' }, password),
			`. ${sessions(changed.sessionsEnded, true)} ended, so ${changed.username} is signed out everywhere. `
			+ 'Give them the new password in person or by phone: it is not emailed, and it is not shown again.');
		await load();
	}
	catch (error) {
		say($('reset-message'), 'error', error.field === 'newPassword' ? error.message : accountError(error, username));
	}
	finally {
		$('reset-submit').disabled = false;
	}
}

/** The contract's refusals in the words of this page. */
function accountError(error, username) {
	switch (error.code) {
		case 'NOT_FOUND':
			return `There is no account named ${username} any more.`;
		case 'CONFLICT':
			// "You cannot disable your own account", "The account is disabled already": written for people
			return `${error.message}. The list below is as it is now.`;
		default:
			return explain(error);
	}
}

function sessions(count, capital = false) {
	const text = count === 0 ? 'no session' : (count === 1 ? 'one session' : `${count} sessions`);
	return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function generated() {
	let password = '';
	while (password.length < 16) {
		for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
			// 224 is 4 x 56: the bytes above it are dropped, so that every letter is as likely
			if (byte < 224 && password.length < 16) {
				password += ALPHABET[byte % ALPHABET.length];
			}
		}
	}
	return password;
}

start();
