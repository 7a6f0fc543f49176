// The tables view: every table with a search, and creating, renaming and deleting tables,
// each through its dry run.
import { get, request, tablePath } from './api.js';
import { commandQuery, previewAndApply } from './commands.js';
import { fieldsOf, localProblems, newDraft, renderFieldRows, replaceRows } from './fields.js';
import { h, labelled, openDialog, problemBlock, toast } from './ui.js';

export async function tablesView(main, ctx) {
	const search = h('input', { type: 'search', id: 'table-search', placeholder: 'Name, id or database table', autocomplete: 'off', value: ctx.params.get('q') || '' });
	const list = h('div', { class: 'card', 'aria-live': 'polite' }, h('p', { class: 'empty' }, 'Loading tables…'));
	const create = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => createTable(ctx) }, 'New table');
	main.replaceChildren(
		h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Tables'), h('p', { class: 'hint' }, 'PostgreSQL tables whose schemas are changed over the API, with every change kept.')),
			h('div', { class: 'actions' }, create)),
		h('div', { class: 'toolbar' }, h('div', { class: 'grow' }, labelled('Search tables', search))),
		list);

	let tables = [];
	const render = () => {
		const q = search.value.trim().toLowerCase();
		const shown = tables.filter((t) => !q || t.name.toLowerCase().includes(q) || String(t.id) === q || t.physicalName.toLowerCase().includes(q));
		if (tables.length === 0) {
			list.replaceChildren(h('div', { class: 'empty' }, h('p', {}, 'No tables yet.'), h('button', { type: 'button', class: 'btn btn-primary', onclick: () => createTable(ctx) }, 'Create the first table')));
			return;
		}
		if (shown.length === 0) {
			list.replaceChildren(h('p', { class: 'empty' }, 'No table matches “' + search.value + '”.'));
			return;
		}
		list.replaceChildren(h('div', { class: 'table-scroll' }, h('table', { class: 'data', 'aria-label': 'Tables' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col', class: 'num' }, 'Id'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Database table'),
				h('th', { scope: 'col', class: 'num' }, 'Fields'), h('th', { scope: 'col', class: 'num' }, 'Version'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
			h('tbody', {}, shown.map((t) => h('tr', { 'data-table-id': t.id },
				h('td', {}, h('a', { class: 'name-link', href: '#/t/' + t.id + '/rows' }, t.name)),
				h('td', { class: 'num' }, t.id),
				h('td', { class: 'mono hide-narrow' }, t.physicalName),
				h('td', { class: 'num' }, Object.keys(t.fields).length),
				h('td', { class: 'num' }, t.version),
				h('td', {}, h('div', { class: 'actions' },
					h('a', { class: 'btn btn-small', href: '#/t/' + t.id + '/schema', 'aria-label': 'Schema of ' + t.name }, 'Schema'),
					h('button', { type: 'button', class: 'btn btn-small', 'aria-label': 'Rename ' + t.name, onclick: () => renameTable(t, ctx) }, 'Rename'),
					h('button', { type: 'button', class: 'btn btn-small', 'aria-label': 'Delete ' + t.name, onclick: () => deleteTable(t, ctx) }, 'Delete')))))))));
	};
	search.addEventListener('input', () => {
		ctx.replaceParams(search.value ? { q: search.value } : {});
		render();
	});

	const load = async () => {
		try {
			tables = (await get('/api/table')).data.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
			render();
		}
		catch (error) {
			list.replaceChildren(h('div', { class: 'card-pad' }, problemBlock(error)));
		}
	};
	let timer = null;
	ctx.onFeed(() => {
		// a burst of changes reloads the list once
		clearTimeout(timer);
		timer = setTimeout(load, 300);
	});
	await load();
}

/** The create dialog: a label and a field editor, then the dry run of the creation. */
export function createTable(ctx) {
	const drafts = [newDraft()];
	drafts[0].required = true;
	return openDialog('New table', (close) => {
		const name = h('input', { type: 'text', maxlength: '200', autocomplete: 'off', autofocus: true, 'data-role': 'table-name' });
		const rows = h('div', { class: 'fields-editor' });
		const problems = h('div', { 'aria-live': 'polite' });
		let errors = new Map();
		const render = () => replaceRows(rows, renderFieldRows(drafts, {
			onChange: render,
			onRemove: (d) => {
				drafts.splice(drafts.indexOf(d), 1);
				render();
			},
		}, errors));
		render();
		const add = h('button', { type: 'button', class: 'btn', onclick: () => {
			drafts.push(newDraft());
			render();
			rows.querySelector('.field-row:last-child input')?.focus();
		} }, 'Add field');
		const submit = h('button', { type: 'button', class: 'btn btn-primary' }, 'Review and create');
		submit.addEventListener('click', async () => {
			const local = localProblems(drafts);
			errors = new Map([...local].map(([k, v]) => [k, [v]]));
			name.setAttribute('aria-invalid', name.value.trim() ? 'false' : 'true');
			problems.replaceChildren();
			render();
			if (local.size || !name.value.trim()) {
				problems.replaceChildren(h('p', { class: 'error-text', role: 'alert' }, !name.value.trim() ? 'Give the table a name.' : 'Some fields need attention.'));
				return;
			}
			const body = { name: name.value, fields: fieldsOf(drafts) };
			const showRefusal = (error) => {
				errors = new Map();
				for (const [field, messages] of error.byPointer('/fields')) {
					const draft = drafts.find((d) => d.name.trim() === field);
					if (draft) {
						errors.set(draft.key, messages);
					}
				}
				name.setAttribute('aria-invalid', error.byPointer('/name').size ? 'true' : 'false');
				problems.replaceChildren(problemBlock(error));
				render();
			};
			const result = await previewAndApply({
				title: 'Create ' + name.value,
				confirmLabel: 'Create table',
				note: 'The table gets its id when it is created; the dry run names the database table with id 0.',
				call: (o) => request('POST', '/api/table' + commandQuery(o), { body, reason: o.reason }),
				onRefused: showRefusal,
			});
			if (result && result.applied) {
				close(result.applied);
			}
		});
		return {
			body: [labelled('Table name', name, 'Any label up to 200 characters; the database table is named from it and the id.'),
				h('h3', {}, 'Fields'), rows, h('div', {}, add), problems],
			foot: [h('button', { type: 'button', class: 'btn', onclick: () => close(undefined) }, 'Cancel'), submit],
		};
	}).then((answer) => {
		if (answer && answer.data) {
			toast('Created table ' + answer.data.name + '.');
			ctx.navigate('#/t/' + answer.data.id + '/rows');
		}
	});
}

/** Renames a table through its dry run. */
export function renameTable(table, ctx, version = table.version) {
	return openDialog('Rename ' + table.name, (close) => {
		const name = h('input', { type: 'text', maxlength: '200', value: table.name, autocomplete: 'off', autofocus: true });
		const go = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => close(name.value) }, 'Review');
		name.addEventListener('keydown', (e) => {
			if (e.key === 'Enter') {
				close(name.value);
			}
		});
		return { body: labelled('New name', name), foot: [h('button', { type: 'button', class: 'btn', onclick: () => close(undefined) }, 'Cancel'), go] };
	}).then(async (newName) => {
		if (newName === undefined || newName === table.name) {
			return;
		}
		const result = await previewAndApply({
			title: 'Rename ' + table.name + ' to ' + newName,
			confirmLabel: 'Rename',
			call: (o) => request('PATCH', tablePath(table.id) + commandQuery(o), { body: { name: newName }, ifMatch: version, reason: o.reason }),
		});
		if (result && result.applied) {
			toast('Renamed to ' + newName + '.');
		}
		if (result) {
			ctx.refresh();
		}
	});
}

/** Deletes a table through its dry run, which says that the rows are dropped. */
export async function deleteTable(table, ctx, version = table.version) {
	const result = await previewAndApply({
		title: 'Delete ' + table.name,
		confirmLabel: 'Delete table and rows',
		danger: true,
		tableId: table.id,
		call: (o) => request('DELETE', tablePath(table.id) + commandQuery(o), { ifMatch: version, reason: o.reason }),
	});
	if (result && result.applied) {
		toast('Deleted ' + table.name + '.');
		ctx.navigate('#/');
	}
	else if (result) {
		ctx.refresh();
	}
}
