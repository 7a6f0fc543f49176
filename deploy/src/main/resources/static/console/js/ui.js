// Small DOM helpers shared by the views: building elements, dialogs with focus handling,
// notices, and the rendering of a dry run, a field type and a refusal.
import { Num } from './json.js';

/** Builds an element: h('button', { class: 'btn', onclick }, 'Text', child). */
export function h(tag, attrs = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs || {})) {
		if (value === undefined || value === null || value === false) {
			continue;
		}
		if (name.startsWith('on') && typeof value === 'function') {
			element.addEventListener(name.slice(2), value);
		}
		else if (name === 'class') {
			element.className = value;
		}
		else if (name === 'value') {
			element.value = value;
		}
		else if (name === 'checked') {
			element.checked = Boolean(value);
		}
		else {
			element.setAttribute(name, value === true ? '' : value);
		}
	}
	append(element, children);
	return element;
}

function append(element, children) {
	for (const child of children.flat(Infinity)) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		element.append(child instanceof Node ? child : String(child));
	}
}

let unique = 0;

/** A fresh id for label and description links. */
export function uid(prefix = 'c') {
	unique += 1;
	return prefix + '-' + unique;
}

/** A labelled control: the label is linked to the control. */
export function labelled(text, control, hint) {
	const id = control.id || uid('f');
	control.id = id;
	const hintElement = hint ? h('span', { class: 'hint', id: id + '-hint' }, hint) : null;
	if (hintElement) {
		control.setAttribute('aria-describedby', id + '-hint');
	}
	return h('div', { class: 'field' }, h('label', { for: id }, text), control, hintElement);
}

/** Shows a short notice in the live region. */
export function toast(message, kind = 'info') {
	const box = document.getElementById('toasts');
	const item = h('div', { class: 'toast' + (kind === 'error' ? ' toast-error' : '') }, message);
	box.append(item);
	setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/**
 * Opens a modal dialog. build(close) answers { body, foot } (elements); focus moves into the
 * dialog and back to the control that opened it when it closes. Answers a promise of the
 * value given to close().
 */
export function openDialog(title, build, options = {}) {
	const opener = document.activeElement;
	const titleId = uid('dlg');
	const dialog = h('dialog', { 'aria-labelledby': titleId, class: options.wide ? 'wide' : null });
	let settle;
	const done = new Promise((resolve) => {
		settle = resolve;
	});
	let result;
	const close = (value) => {
		result = value;
		dialog.close();
	};
	dialog.addEventListener('close', () => {
		dialog.remove();
		if (opener && opener.isConnected && typeof opener.focus === 'function') {
			opener.focus();
		}
		settle(result);
	});
	const parts = build(close);
	dialog.append(
		h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, title),
			h('button', { type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': 'Close', onclick: () => close(undefined) }, '✕')),
		h('div', { class: 'dialog-body' }, parts.body),
		parts.foot ? h('div', { class: 'dialog-foot' }, parts.foot) : null);
	document.body.append(dialog);
	dialog.showModal();
	const first = dialog.querySelector('[autofocus]') || dialog.querySelector('.dialog-body input, .dialog-body select, .dialog-body button, .dialog-foot .btn-primary, .dialog-foot .btn-danger');
	if (first) {
		first.focus();
	}
	return done;
}

/** Asks a yes/no question; answers true when confirmed. */
export function confirmDialog(title, message, confirmLabel, danger = false) {
	return openDialog(title, (close) => ({
		body: h('p', {}, message),
		foot: [h('button', { type: 'button', class: 'btn', onclick: () => close(false) }, 'Cancel'),
			h('button', { type: 'button', class: 'btn ' + (danger ? 'btn-danger' : 'btn-primary'), onclick: () => close(true) }, confirmLabel)],
	})).then((value) => value === true);
}

/** How a field's type reads: string(200), decimal(18,2), integer. */
export function typeLabel(definition) {
	if (definition.type === 'string') {
		return 'string(' + (definition.maxLength ?? 200) + ')';
	}
	if (definition.type === 'decimal') {
		return 'decimal(' + (definition.precision ?? 18) + ',' + (definition.scale ?? 2) + ')';
	}
	return definition.type;
}

/** A value as text for a cell or a list. */
export function display(value) {
	if (value === null || value === undefined) {
		return '';
	}
	if (value instanceof Num) {
		return value.text;
	}
	if (typeof value === 'object') {
		return JSON.stringify(value, (k, v) => (v instanceof Num ? Number(v.text) : v));
	}
	return String(value);
}

/** A refusal as a readable block: its detail and each error with what it points at. */
export function problemBlock(error) {
	const items = (error.errors || [])
		.filter((item) => item.detail && item.detail !== error.message)
		.map((item) => h('li', {}, item.pointer ? h('code', {}, item.pointer) : null, item.pointer ? ': ' : '', item.detail));
	return h('div', { class: 'banner-warn', role: 'alert' },
		h('strong', {}, statusText(error.status) + ' '), error.message,
		h('span', { class: 'hint' }, ' (' + error.code + ')'),
		items.length ? h('ul', { class: 'problems' }, items) : null);
}

function statusText(status) {
	switch (status) {
		case 0: return 'Not reachable.';
		case 401: return 'Not signed in.';
		case 403: return 'Not allowed.';
		case 404: return 'Not found.';
		case 409: return 'Conflict.';
		case 410: return 'Deleted.';
		case 412: return 'Changed meanwhile.';
		case 422: return 'Refused.';
		case 503: return 'Unavailable.';
		default: return status >= 500 ? 'Server error.' : 'Refused.';
	}
}

/** The body of a dry run: flags, the events, the DDL with its locks, notes and drops. */
export function previewBlock(dryRun) {
	const flags = [];
	flags.push(dryRun.destroysData ? h('span', { class: 'badge badge-danger' }, 'Destroys data')
		: h('span', { class: 'badge badge-ok' }, 'Keeps all data'));
	flags.push(dryRun.rewritesTable ? h('span', { class: 'badge badge-warn' }, 'Rewrites the table')
		: h('span', { class: 'badge' }, 'No table rewrite'));
	for (const lock of dryRun.locks || []) {
		flags.push(h('span', { class: 'badge' }, 'Lock: ' + lock));
	}
	const changes = dryRun.changes || [];
	return h('div', { class: 'preview', 'data-testid': 'dry-run' },
		h('div', { class: 'preview-flags' }, flags),
		changes.length === 0 ? h('p', {}, 'Nothing would change: the schema already is as requested.') : null,
		section('Events (version ' + dryRun.version + ')', changes.length ? h('ul', {}, changes.map((c) =>
			h('li', {}, h('code', {}, c.type), ' ', c.summary))) : null),
		section('DDL', (dryRun.ddl || []).length ? h('ul', { class: 'ddl' }, dryRun.ddl.map((d) => h('li', {},
			h('pre', {}, d.sql),
			h('div', { class: 'ddl-tags' },
				h('span', { class: 'badge' }, 'Lock: ' + d.lock),
				d.rewritesTable ? h('span', { class: 'badge badge-warn' }, 'rewrites table') : null,
				d.destroysData ? h('span', { class: 'badge badge-danger' }, 'destroys data') : null)))) : null),
		section('Data lost', (dryRun.drops || []).length ? h('ul', {}, dryRun.drops.map((d) => h('li', {}, d))) : null),
		section('Existing rows', (dryRun.notes || []).length ? h('ul', {}, dryRun.notes.map((n) => h('li', {}, n))) : null));
}

function section(title, content) {
	return content ? h('section', { class: 'preview-section' }, h('h3', {}, title), content) : null;
}

/** Formats an ISO time in the browser's zone, keeping the ISO text as a tooltip. */
export function time(iso) {
	if (!iso) {
		return h('span', {}, '');
	}
	const date = new Date(iso);
	return h('time', { datetime: iso, title: iso }, Number.isNaN(date.getTime()) ? iso : date.toLocaleString());
}
