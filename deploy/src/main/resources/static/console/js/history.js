// The history view: the timeline of a table's changes (actor, time, reason, DDL), its
// schema as of any version, the diff between two versions, and revert through its dry run.
import { get, request, tablePath } from './api.js';
import { commandQuery, previewAndApply } from './commands.js';
import { h, labelled, problemBlock, time, toast, typeLabel } from './ui.js';

const MAX_PAGES = 20;

export async function historyView(panel, table, ctx) {
	const timeline = h('ol', { class: 'timeline', 'aria-label': 'Changes, newest first' });
	const side = h('div', { class: 'side-panel' });
	const schemaBox = h('section', { class: 'card card-pad', 'aria-live': 'polite', 'aria-labelledby': 'as-of-title' },
		h('h2', { id: 'as-of-title' }, 'Schema as of a version'), h('p', { class: 'hint' }, 'Choose “Schema” on a version to see its fields.'));
	const diffBox = h('section', { class: 'card card-pad', 'aria-labelledby': 'diff-title' });
	side.append(diffBox, schemaBox);
	panel.replaceChildren(h('div', { class: 'history-layout' }, h('div', { class: 'card' }, timeline), side));

	let entries = [];
	try {
		let after = null;
		for (let page = 0; page < MAX_PAGES; page += 1) {
			const answer = (await get(tablePath(table.id, '/history') + '?limit=500' + (after !== null ? '&after=' + after : ''))).data;
			entries = entries.concat(answer.entries);
			if (answer.nextAfter === undefined || answer.nextAfter === null) {
				break;
			}
			after = answer.nextAfter;
		}
	}
	catch (error) {
		panel.replaceChildren(problemBlock(error));
		return;
	}
	const versions = new Map();
	for (const entry of entries) {
		versions.set(entry.version, [...(versions.get(entry.version) || []), entry]);
	}
	const numbers = [...versions.keys()].sort((a, b) => b - a);
	const current = table.version;

	// diff form
	const from = h('select', { id: 'diff-from' }, numbers.map((v) => h('option', { value: v, selected: v === Math.max(1, current - 1) }, 'version ' + v)));
	const to = h('select', { id: 'diff-to' }, numbers.map((v) => h('option', { value: v, selected: v === current }, 'version ' + v)));
	const diffResult = h('div', { 'aria-live': 'polite', 'data-testid': 'diff' });
	const compare = async () => {
		ctx.replaceParams({ from: from.value, to: to.value });
		diffResult.replaceChildren(h('p', { class: 'hint' }, 'Comparing…'));
		try {
			const diff = (await get(tablePath(table.id, '/diff') + '?from=' + from.value + '&to=' + to.value)).data;
			diffResult.replaceChildren(diffBlock(diff));
		}
		catch (error) {
			diffResult.replaceChildren(problemBlock(error));
		}
	};
	diffBox.replaceChildren(h('h2', { id: 'diff-title' }, 'Compare versions'),
		h('div', { class: 'filter-form' }, labelled('From', from), labelled('To', to),
			h('button', { type: 'button', class: 'btn', onclick: compare }, 'Compare')), diffResult);

	const showSchema = async (version) => {
		schemaBox.replaceChildren(h('h2', { id: 'as-of-title' }, 'Schema as of version ' + version), h('p', { class: 'hint' }, 'Loading…'));
		try {
			const old = (await get(tablePath(table.id) + '?version=' + version)).data;
			schemaBox.replaceChildren(h('h2', { id: 'as-of-title' }, 'Schema as of version ' + version),
				h('p', { class: 'hint' }, 'Table name: ', h('strong', {}, old.name)),
				fieldsTable(old.fields));
		}
		catch (error) {
			schemaBox.replaceChildren(h('h2', { id: 'as-of-title' }, 'Schema as of version ' + version), problemBlock(error));
		}
		schemaBox.focus();
	};
	schemaBox.tabIndex = -1;

	const revert = async (version) => {
		const result = await previewAndApply({
			title: 'Revert ' + table.name + ' to version ' + version,
			confirmLabel: 'Revert',
			tableId: table.id,
			lenient: true,
			call: (o) => request('POST', tablePath(table.id, '/revert') + commandQuery(o, o.convert ? { to: version, convert: o.convert } : { to: version }),
				{ ifMatch: current, reason: o.reason }),
		});
		if (result && result.applied) {
			toast('Reverted to version ' + version + ': now version ' + result.applied.version + '.');
		}
		if (result) {
			ctx.refresh();
		}
	};

	timeline.replaceChildren(...numbers.map((version) => {
		const group = versions.get(version);
		const first = group[0];
		return h('li', { 'data-version': version },
			h('div', { class: 'toolbar', style: 'margin-bottom:0.2rem' },
				h('div', { class: 'grow' }, h('span', { class: 'version-tag' }, 'Version ' + version),
					version === current ? h('span', { class: 'badge badge-ok' }, 'current') : null),
				h('div', { class: 'actions' },
					h('button', { type: 'button', class: 'btn btn-small', 'aria-label': 'Schema as of version ' + version, onclick: () => showSchema(version) }, 'Schema'),
					version !== current ? h('button', { type: 'button', class: 'btn btn-small', 'aria-label': 'Compare version ' + version + ' with the current version', onclick: () => {
						from.value = String(version);
						to.value = String(current);
						compare();
					} }, 'Diff') : null,
					version !== current && !table.deleted ? h('button', { type: 'button', class: 'btn btn-small', 'aria-label': 'Revert to version ' + version, onclick: () => revert(version) }, 'Revert to this') : null)),
			h('div', { class: 'when' }, h('strong', {}, first.actor || 'anonymous'), ' · ', time(first.time),
				first.correlationId ? h('span', { class: 'mono', title: 'correlation id' }, ' · ' + first.correlationId) : null),
			first.reason ? h('p', {}, h('span', { class: 'hint' }, 'Reason: '), first.reason) : null,
			group.map((entry) => h('div', { class: 'entry' }, h('span', { class: 'badge' }, entry.type), ' ', entry.summary,
				(entry.ddl || []).length ? h('details', {}, h('summary', {}, 'DDL (' + entry.ddl.length + ')'),
					entry.ddl.map((d) => h('pre', {}, d.statement + (d.applied === false ? '\n-- not applied: the table was already there' : '')))) : null)));
	}));

	const params = ctx.params;
	if (params.get('from') && params.get('to')) {
		from.value = params.get('from');
		to.value = params.get('to');
	}
	if (numbers.length > 1) {
		compare();
	}
	else {
		diffResult.replaceChildren(h('p', { class: 'hint' }, 'The table has one version so far.'));
	}
}

function fieldsTable(fields) {
	return h('div', { class: 'table-scroll' }, h('table', { class: 'data' },
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Options'))),
		h('tbody', {}, Object.entries(fields).map(([name, d]) => h('tr', {}, h('td', { class: 'mono' }, name),
			h('td', {}, h('span', { class: 'badge badge-type' }, typeLabel(d))), h('td', {}, optionsText(d)))))));
}

function optionsText(d) {
	const parts = [d.required ? 'required' : 'optional'];
	if (d.unique) {
		parts.push('unique');
	}
	if (d.default !== undefined && d.default !== null) {
		parts.push('default ' + JSON.stringify(d.default));
	}
	return parts.join(', ');
}

function diffBlock(diff) {
	const items = [];
	if (diff.tableRenamed) {
		items.push(h('li', { class: 'diff-changed' }, 'Table renamed from ', h('strong', {}, diff.tableRenamed.from), ' to ', h('strong', {}, diff.tableRenamed.to)));
	}
	for (const f of diff.added || []) {
		items.push(h('li', { class: 'diff-added' }, '+ ', h('code', {}, f.name), ' ', typeLabel(f.definition), ' (', optionsText(f.definition), ')'));
	}
	for (const f of diff.removed || []) {
		items.push(h('li', { class: 'diff-removed' }, '− ', h('code', {}, f.name), ' ', typeLabel(f.definition)));
	}
	for (const r of diff.renamed || []) {
		items.push(h('li', { class: 'diff-changed' }, 'renamed ', h('code', {}, r.from), ' → ', h('code', {}, r.to)));
	}
	for (const c of diff.retyped || []) {
		items.push(h('li', { class: 'diff-changed' }, h('code', {}, c.name), ' type ', typeLabel(c.from), ' → ', typeLabel(c.to)));
	}
	for (const c of diff.optionsChanged || []) {
		items.push(h('li', { class: 'diff-changed' }, h('code', {}, c.name), ' options ', optionsText(c.from), ' → ', optionsText(c.to)));
	}
	return h('div', {}, h('p', { class: 'hint' }, 'From version ' + diff.from + ' to version ' + diff.to + ':'),
		items.length ? h('ul', { class: 'diff-list' }, items) : h('p', {}, 'The fields are the same.'));
}
