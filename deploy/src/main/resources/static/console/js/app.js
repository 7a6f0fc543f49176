// The console's shell: the router (views by location hash), the table page with its tabs,
// the API key, the authentication banner and the live schema feed that updates open views.
import { authEvents, currentKey, get, keyRemembered, setKey, tablePath } from './api.js';
import { follow } from './feed.js';
import { historyView } from './history.js';
import { rowsView } from './rows.js';
import { schemaView } from './schema.js';
import { deleteTable, renameTable, tablesView } from './tables.js';
import { h, labelled, openDialog, problemBlock, toast } from './ui.js';

const main = document.getElementById('main');
const TABS = [['rows', 'Rows'], ['schema', 'Schema'], ['history', 'History']];

let feedHandlers = [];
let dirty = false;
let renderCount = 0;

function route() {
	const hash = location.hash || '#/';
	const [path, query] = hash.slice(1).split('?');
	return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '') };
}

function context(params) {
	return {
		params,
		navigate: (hash) => {
			location.hash = hash;
		},
		refresh: () => render(false),
		replaceParams: (values) => {
			const [path] = (location.hash || '#/').split('?');
			const query = new URLSearchParams(values).toString();
			history.replaceState(null, '', path + (query ? '?' + query : ''));
		},
		onFeed: (handler) => feedHandlers.push(handler),
		setDirty: (value) => {
			dirty = value;
		},
	};
}

async function render(moveFocus) {
	renderCount += 1;
	const mine = renderCount;
	feedHandlers = [];
	dirty = false;
	const { parts, params } = route();
	const ctx = context(params);
	if (parts[0] === 't' && /^\d+$/.test(parts[1] || '')) {
		await tablePage(parts[1], TABS.some(([t]) => t === parts[2]) ? parts[2] : 'rows', ctx, () => mine === renderCount);
	}
	else {
		document.title = 'Tables · dyntables console';
		await tablesView(main, ctx);
	}
	if (moveFocus && mine === renderCount) {
		(main.querySelector('h1') || main).setAttribute('tabindex', '-1');
		(main.querySelector('h1') || main).focus();
	}
}

async function tablePage(id, tab, ctx, current) {
	main.setAttribute('aria-busy', 'true');
	let answer;
	try {
		answer = await get(tablePath(id));
	}
	catch (error) {
		main.removeAttribute('aria-busy');
		main.replaceChildren(h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Tables')), h('h1', {}, 'Table ' + id), problemBlock(error));
		return;
	}
	if (!current()) {
		return;
	}
	main.removeAttribute('aria-busy');
	const table = answer.data;
	table.version = answer.version ?? table.version;
	document.title = table.name + ' · ' + TABS.find(([t]) => t === tab)[1] + ' · dyntables console';
	const panel = h('div', { id: 'panel', role: 'region', 'aria-label': TABS.find(([t]) => t === tab)[1] });
	const notice = h('div', { 'aria-live': 'polite' });
	main.replaceChildren(
		h('div', { class: 'page-head' },
			h('div', {}, h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Tables'), ' / '),
				h('h1', {}, table.name),
				h('div', { class: 'meta' }, h('span', {}, 'id ' + table.id), h('span', { class: 'mono' }, table.physicalName),
					h('span', { 'data-testid': 'table-version' }, 'version ' + table.version), h('span', {}, Object.keys(table.fields).length + ' fields'))),
			h('div', { class: 'actions' },
				h('button', { type: 'button', class: 'btn', onclick: () => renameTable(table, ctx) }, 'Rename table'),
				h('button', { type: 'button', class: 'btn', onclick: () => deleteTable(table, ctx) }, 'Delete table'))),
		h('nav', { class: 'tabs', 'aria-label': 'Table views' }, TABS.map(([t, text]) =>
			h('a', { href: '#/t/' + table.id + '/' + t, 'aria-current': t === tab ? 'page' : null }, text))),
		notice, panel);

	ctx.onFeed((change) => {
		if (String(change.tableId) !== String(table.id)) {
			return false;
		}
		if (change.version <= table.version) {
			return true;
		}
		if (change.type === 'TableDeleted') {
			notice.replaceChildren(h('div', { class: 'banner-warn', role: 'alert' }, 'This table was deleted' + by(change) + '. ', h('a', { href: '#/' }, 'Back to the tables')));
			return true;
		}
		const editing = dirty || panel.querySelector('table.grid input, table.grid select');
		if (editing) {
			notice.replaceChildren(h('div', { class: 'banner-warn', role: 'alert' },
				'The table changed to version ' + change.version + by(change) + ': ' + change.summary + '. Your edits are based on version ' + table.version + '. ',
				h('button', { type: 'button', class: 'btn btn-small', onclick: () => render(false) }, 'Reload')));
		}
		else {
			toast('Version ' + change.version + by(change) + ': ' + change.summary);
			render(false);
		}
		return true;
	});

	if (tab === 'schema') {
		schemaView(panel, table, ctx);
	}
	else if (tab === 'history') {
		await historyView(panel, table, ctx);
	}
	else {
		rowsView(panel, table, ctx);
	}
}

function by(change) {
	return change.actor && change.actor !== 'anonymous' ? ' by ' + change.actor : '';
}

// the API key
const keyButton = document.getElementById('key-button');
const banner = document.getElementById('auth-banner');

function showKeyState() {
	keyButton.textContent = currentKey() ? 'API key: set' : 'API key: none';
}

function keyDialog() {
	return openDialog('API key', (close) => {
		const input = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', value: currentKey(), autofocus: true });
		const remember = h('input', { type: 'checkbox', checked: keyRemembered() });
		const save = () => close({ key: input.value, remember: remember.checked });
		// no form around the key: a submitted password form invites the browser to store it
		input.addEventListener('keydown', (e) => {
			if (e.key === 'Enter') {
				save();
			}
		});
		return {
			body: [labelled('Key', input, 'Sent as “Authorization: Bearer <key>” on every request and on the live feed. On localhost without credentials configured, none is needed.'),
				h('label', { class: 'check' }, remember, 'Keep it for this browser tab session (sessionStorage; never stored beyond it)')],
			foot: [h('button', { type: 'button', class: 'btn', onclick: () => close({ key: '', remember: false }) }, 'Clear key'),
				h('button', { type: 'button', class: 'btn', onclick: () => close(undefined) }, 'Cancel'),
				h('button', { type: 'button', class: 'btn btn-primary', onclick: save }, 'Use key')],
		};
	}).then((answer) => {
		if (answer) {
			setKey(answer.key, answer.remember);
		}
	});
}

keyButton.addEventListener('click', keyDialog);
authEvents.addEventListener('key', () => {
	showKeyState();
	banner.hidden = true;
	restartFeed();
	render(false);
});
authEvents.addEventListener('refused', (event) => {
	const { status, problem } = event.detail;
	const detail = problem && problem.detail ? ' (' + problem.detail + ')' : '';
	banner.replaceChildren(
		status === 401 ? 'The API asks for credentials (401)' + detail + '. ' : 'Your key is not allowed to do this (403)' + detail + '. ',
		h('button', { type: 'button', class: 'btn btn-small', onclick: keyDialog }, status === 401 ? 'Set an API key' : 'Change the API key'));
	banner.dataset.status = String(status);
	banner.hidden = false;
});
authEvents.addEventListener('accepted', () => {
	if (banner.dataset.status === '401') {
		banner.hidden = true;
	}
});

// the live feed
const live = document.getElementById('live');
const LIVE_TEXT = { on: 'Live', retrying: 'Reconnecting…', refused: 'Live feed refused', off: 'Live feed off' };
let stopFeed = null;

function restartFeed() {
	if (stopFeed) {
		stopFeed();
	}
	stopFeed = follow('/api/table/events', {
		onChange: (change) => feedHandlers.forEach((handler) => handler(change)),
		onState: (state) => {
			live.dataset.state = state;
			live.textContent = LIVE_TEXT[state];
		},
		onResync: () => render(false),
	});
}

window.addEventListener('hashchange', () => render(true));
showKeyState();
restartFeed();
render(false);
