// The schema editor: a draft of the table's fields (add, remove, retype, change options;
// rename through its own command), reviewed as a dry run and applied with If-Match.
import { request, tablePath } from './api.js';
import { commandQuery, previewAndApply } from './commands.js';
import { changed, draftOf, fieldsOf, localProblems, newDraft, renderFieldRows, replaceRows } from './fields.js';
import { h, labelled, openDialog, problemBlock, toast } from './ui.js';

export function schemaView(panel, table, ctx) {
	const drafts = Object.entries(table.fields).map(([name, definition]) => draftOf(name, definition, true));
	let errors = new Map();
	const rows = h('div', { class: 'fields-editor' });
	const status = h('div', { 'aria-live': 'polite' });
	const dirty = () => drafts.some((d) => d.removed || !d.original || changed(d));
	const review = h('button', { type: 'button', class: 'btn btn-primary', disabled: true }, 'Review changes');
	const discard = h('button', { type: 'button', class: 'btn', disabled: true, onclick: () => ctx.refresh() }, 'Discard');

	const render = () => {
		replaceRows(rows, renderFieldRows(drafts, {
			onChange: render,
			onRemove: (d) => {
				if (d.original) {
					d.removed = !d.removed;
				}
				else {
					drafts.splice(drafts.indexOf(d), 1);
				}
				render();
			},
			onRename: (d) => renameField(table, d.original, ctx),
		}, errors));
		review.disabled = !dirty();
		discard.disabled = !dirty();
		ctx.setDirty(dirty());
	};

	const add = h('button', { type: 'button', class: 'btn', onclick: () => {
		drafts.push(newDraft());
		render();
		rows.querySelector('.field-row:last-child input[type="text"]')?.focus();
	} }, 'Add field');

	review.addEventListener('click', async () => {
		const local = localProblems(drafts);
		errors = new Map([...local].map(([k, v]) => [k, [v]]));
		status.replaceChildren();
		render();
		if (local.size) {
			status.replaceChildren(h('p', { class: 'error-text', role: 'alert' }, 'Some fields need attention.'));
			return;
		}
		const fields = fieldsOf(drafts);
		const showRefusal = (error) => {
			errors = new Map();
			for (const [field, messages] of error.byPointer('/fields')) {
				const draft = drafts.find((d) => d.name.trim() === field);
				if (draft) {
					errors.set(draft.key, messages);
				}
			}
			status.replaceChildren(problemBlock(error));
			render();
		};
		const result = await previewAndApply({
			title: 'Change the schema of ' + table.name,
			confirmLabel: 'Apply change',
			tableId: table.id,
			lenient: true,
			call: (o) => request('PUT', tablePath(table.id) + commandQuery(o),
				{ body: o.convert ? { fields, convert: o.convert } : { fields }, ifMatch: table.version, reason: o.reason }),
			onRefused: showRefusal,
		});
		if (result && result.applied) {
			ctx.setDirty(false);
			toast(result.applied.status === 202 ? 'Change stored; it is being applied.' : 'Schema changed to version ' + result.applied.version + '.');
			ctx.refresh();
		}
		else if (result && result.conflict) {
			ctx.setDirty(false);
			ctx.refresh();
		}
	});

	panel.replaceChildren(
		h('div', { class: 'toolbar' }, h('p', { class: 'hint grow' }, 'Edit the fields, then review: the dry run shows the events, the DDL and its locks before anything changes. Renames keep the data.'),
			h('div', { class: 'actions' }, add, discard, review)),
		status, rows);
	render();
}

/** Renames a field through its dry run. */
export function renameField(table, field, ctx) {
	return openDialog('Rename field ' + field, (close) => {
		const name = h('input', { type: 'text', value: field, autocomplete: 'off', spellcheck: 'false', autofocus: true });
		name.addEventListener('keydown', (e) => {
			if (e.key === 'Enter') {
				close(name.value.trim());
			}
		});
		return {
			body: labelled('New name', name, 'The data is kept; the old name stays in the history.'),
			foot: [h('button', { type: 'button', class: 'btn', onclick: () => close(undefined) }, 'Cancel'),
				h('button', { type: 'button', class: 'btn btn-primary', onclick: () => close(name.value.trim()) }, 'Review')],
		};
	}).then(async (to) => {
		if (!to || to === field) {
			return;
		}
		const result = await previewAndApply({
			title: 'Rename ' + field + ' to ' + to,
			confirmLabel: 'Rename field',
			tableId: table.id,
			call: (o) => request('PATCH', tablePath(table.id, '/fields/' + encodeURIComponent(field)) + commandQuery(o),
				{ body: { name: to }, ifMatch: table.version, reason: o.reason }),
		});
		if (result && result.applied) {
			toast('Renamed ' + field + ' to ' + to + '.');
		}
		if (result) {
			ctx.setDirty(false);
			ctx.refresh();
		}
	});
}
