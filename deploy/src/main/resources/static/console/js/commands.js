// Every schema command goes the same way: a dry run first, shown in a dialog (events, DDL,
// locks, data lost), then the real command on confirmation, with the version the view was
// based on as If-Match, so a change made meanwhile answers 412 instead of being overwritten.
import { ApiError, get, tablePath } from './api.js';
import { h, labelled, openDialog, previewBlock, problemBlock } from './ui.js';

/**
 * Runs a command through its preview. call({ dryRun, convert, reason }) sends it.
 * note is a sentence shown under the preview.
 * tableId, when given, adds how many rows the change touches.
 * onRefused(error) hears each refusal, for the view to mark the fields it names.
 * Answers { applied: result } once applied, { conflict: error } on 412, or undefined when
 * cancelled.
 */
export function previewAndApply({ title, confirmLabel = 'Apply', danger = false, call, lenient = false, onRefused = () => {}, tableId = null, note = null }) {
	const rows = tableId === null ? Promise.resolve(null) : rowCount(tableId);
	return openDialog(title, (close) => {
		const body = h('div', { class: 'preview-slot', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Asking for a dry run…'));
		const reason = h('input', { type: 'text', maxlength: '200', autocomplete: 'off', placeholder: 'optional, kept in the history' });
		const lenientBox = h('input', { type: 'checkbox' });
		const apply = h('button', { type: 'button', class: 'btn ' + (danger ? 'btn-danger' : 'btn-primary'), disabled: true }, confirmLabel);
		const cancel = h('button', { type: 'button', class: 'btn', onclick: () => close(undefined) }, 'Cancel');
		const lenientRow = h('div', { hidden: true }, h('label', { class: 'check' }, lenientBox,
			'Convert leniently: values that do not convert become null, the originals are kept in a column'));
		const convert = () => (lenientBox.checked ? 'lenient' : undefined);
		const cleanReason = () => reason.value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() || undefined;

		const preview = async () => {
			apply.disabled = true;
			body.replaceChildren(h('p', { class: 'hint' }, 'Asking for a dry run…'));
			try {
				const answer = await call({ dryRun: true, convert: convert() });
				body.replaceChildren(...present(previewBlock(answer.data), impact(answer.data, await rows), note ? h('p', { class: 'hint' }, note) : null));
				apply.disabled = (answer.data.changes || []).length === 0;
			}
			catch (error) {
				if (!(error instanceof ApiError)) {
					throw error;
				}
				onRefused(error);
				if (lenient && error.code === 'type-change-refused') {
					lenientRow.hidden = false;
				}
				body.replaceChildren(...present(problemBlock(error), conflictHelp(error, close)));
			}
		};
		lenientBox.addEventListener('change', preview);

		apply.addEventListener('click', async () => {
			apply.disabled = true;
			cancel.disabled = true;
			try {
				const answer = await call({ dryRun: false, convert: convert(), reason: cleanReason() });
				close({ applied: answer });
			}
			catch (error) {
				if (!(error instanceof ApiError)) {
					throw error;
				}
				cancel.disabled = false;
				onRefused(error);
				body.replaceChildren(...present(problemBlock(error), conflictHelp(error, close)));
			}
		});
		preview();
		return {
			body: [body, lenient ? lenientRow : null, labelled('Reason for the change', reason)],
			foot: [cancel, apply],
		};
	}).then((value) => value);
}

function conflictHelp(error, close) {
	if (error.status !== 412 && error.code !== 'version-conflict') {
		return null;
	}
	return h('div', { class: 'banner-info' },
		h('p', {}, 'Someone changed this table after you opened it. Nothing was changed. Reload to see the current schema, then make your change again.'),
		h('button', { type: 'button', class: 'btn btn-primary', onclick: () => close({ conflict: error }) }, 'Reload the table'));
}

/** Query string of a command's options. */
export function commandQuery({ dryRun }, extra = {}) {
	const params = new URLSearchParams(extra);
	if (dryRun) {
		params.set('dryRun', 'true');
	}
	const text = params.toString();
	return text ? '?' + text : '';
}

/** The rows of the table: exact up to 100,000, the planner's estimate beyond. */
async function rowCount(tableId) {
	try {
		const estimated = await get(tablePath(tableId, '/rows') + '?limit=1&select=id&count=estimated');
		const about = Number(estimated.headers.get('X-Total-Count'));
		if (Number.isFinite(about) && about >= 100000) {
			return { count: about, estimated: true };
		}
		const exact = await get(tablePath(tableId, '/rows') + '?limit=1&select=id&count=exact');
		return { count: Number(exact.headers.get('X-Total-Count')), estimated: false };
	}
	catch {
		return null;
	}
}

function impact(dryRun, rows) {
	if (!rows || !Number.isFinite(rows.count) || (dryRun.changes || []).length === 0) {
		return null;
	}
	const n = (rows.estimated ? 'about ' : '') + rows.count.toLocaleString() + (rows.count === 1 ? ' row' : ' rows');
	let text = 'The table holds ' + n + '.';
	if (dryRun.rewritesTable) {
		text += ' All of them are rewritten while the lock is held.';
	}
	if (dryRun.destroysData) {
		text += (dryRun.drops || []).some((d) => d.includes('table and all its rows')) ? ' All of them are dropped.' : ' The data named above is lost for each of them.';
	}
	return h('p', { class: 'hint', 'data-testid': 'row-impact' }, text);
}

function present(...nodes) {
	return nodes.filter((node) => node !== null && node !== undefined);
}
