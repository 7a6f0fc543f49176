// The rows grid: keyset pages, sorting, filters, inline edit and insert with the API's
// refusals shown on the cell they point at, delete, and export and import with progress.
import { ApiError, get, request, tablePath } from './api.js';
import { valueFromText } from './fields.js';
import { confirmDialog, display, h, labelled, problemBlock, toast, typeLabel } from './ui.js';
import { exportDialog, importDialog } from './transfer.js';

const OPERATORS = [
	['eq', '='], ['neq', '≠'], ['gt', '>'], ['gte', '≥'], ['lt', '<'], ['lte', '≤'], ['like', 'like'], ['ilike', 'ilike (any case)'],
	['in', 'in (a,b,…)'], ['is.null', 'is null'], ['is.notnull', 'is not null'], ['is.true', 'is true'], ['is.false', 'is false'],
];
const NUMERIC = new Set(['integer', 'bigint', 'decimal', 'float']);

function operatorsFor(type) {
	if (type === 'json') {
		return OPERATORS.filter(([op]) => op === 'is.null' || op === 'is.notnull');
	}
	return OPERATORS.filter(([op]) => (op !== 'like' && op !== 'ilike') || type === 'string' || type === 'text')
		.filter(([op]) => (op !== 'is.true' && op !== 'is.false') || type === 'boolean');
}

export function rowsView(panel, table, ctx) {
	const fields = Object.entries(table.fields);
	const state = { order: [], filters: [], limit: 50, after: null, previous: [], next: null, rows: [], total: null, inserting: false };
	const status = h('div', { 'aria-live': 'polite' });
	const grid = h('div', { class: 'grid-wrap' });
	grid.addEventListener('keydown', (event) => moveFocus(event));
	const pager = h('div', { class: 'pager' });
	const chips = h('div', { class: 'chips', 'aria-label': 'Active filters' });

	// filters
	const filterField = h('select', {}, h('option', { value: 'id' }, 'id'), fields.map(([name]) => h('option', { value: name }, name)));
	const filterOp = h('select', {});
	const filterValue = h('input', { type: 'text', autocomplete: 'off', placeholder: 'value' });
	const syncValue = () => {
		filterValue.disabled = filterOp.value.startsWith('is.');
		filterValue.placeholder = filterOp.value === 'in' ? 'a,b,"c,d"' : filterOp.value.endsWith('like') ? 'pattern, * for any' : 'value';
	};
	// only the operators the field's type takes (docs: rows, filtering)
	const syncOperators = () => {
		const type = filterField.value === 'id' ? 'bigint' : table.fields[filterField.value].type;
		const current = filterOp.value;
		filterOp.replaceChildren(...operatorsFor(type).map(([op, text]) => h('option', { value: op, selected: op === current }, text)));
		syncValue();
	};
	filterField.addEventListener('change', syncOperators);
	filterOp.addEventListener('change', syncValue);
	const addFilter = (event) => {
		event.preventDefault();
		const op = filterOp.value;
		if (!op.startsWith('is.') && filterValue.value === '') {
			filterValue.setAttribute('aria-invalid', 'true');
			filterValue.focus();
			return;
		}
		filterValue.removeAttribute('aria-invalid');
		let value = op.startsWith('is.') ? '' : filterValue.value;
		if (op === 'in' && !/^\(.*\)$/.test(value.trim())) {
			value = '(' + value + ')';
		}
		state.filters.push({ field: filterField.value, op, value });
		filterValue.value = '';
		firstPage();
	};
	const filterForm = h('form', { class: 'filter-form', onsubmit: addFilter, 'aria-label': 'Add a filter' },
		labelled('Filter field', filterField), labelled('Operator', filterOp), labelled('Value', filterValue),
		h('button', { type: 'submit', class: 'btn' }, 'Add filter'));

	const insert = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => {
		state.inserting = true;
		renderGrid();
		grid.querySelector('tr.new-row input, tr.new-row select')?.focus();
	} }, 'Add row');
	const exportButton = h('button', { type: 'button', class: 'btn', onclick: () => exportDialog(table, query()) }, 'Export');
	const importButton = h('button', { type: 'button', class: 'btn', onclick: async () => {
		if (await importDialog(table)) {
			firstPage();
		}
	} }, 'Import');

	panel.replaceChildren(
		h('div', { class: 'toolbar' }, h('div', { class: 'grow' }, filterForm), h('div', { class: 'actions' }, insert, importButton, exportButton)),
		chips, status, h('div', { class: 'card' }, grid, pager));

	/** The listing's parameters without paging: filters and order. */
	function query() {
		const params = new URLSearchParams();
		for (const f of state.filters) {
			params.append(f.field, f.op.startsWith('is.') ? f.op : f.op + '.' + f.value);
		}
		if (state.order.length) {
			params.set('order', state.order.map((o) => o.field + '.' + o.dir).join(','));
		}
		return params;
	}

	async function load() {
		const params = query();
		params.set('limit', String(state.limit));
		params.set('count', 'exact');
		if (state.after) {
			params.set('after', state.after);
		}
		status.replaceChildren();
		grid.setAttribute('aria-busy', 'true');
		try {
			const answer = await get(tablePath(table.id, '/rows') + '?' + params);
			state.rows = answer.data;
			state.total = answer.headers.get('X-Total-Count');
			state.next = nextCursor(answer.headers.get('Link'));
		}
		catch (error) {
			state.rows = [];
			state.next = null;
			status.replaceChildren(problemBlock(error));
		}
		grid.removeAttribute('aria-busy');
		renderChips();
		renderGrid();
		renderPager();
	}

	function firstPage() {
		state.after = null;
		state.previous = [];
		load();
	}

	function renderChips() {
		chips.replaceChildren(...state.filters.map((f, i) => {
			const text = f.field + ' ' + OPERATORS.find(([op]) => op === f.op)[1] + (f.value !== '' ? ' ' + f.value : '');
			return h('span', { class: 'chip' }, text, h('button', { type: 'button', 'aria-label': 'Remove filter ' + text, onclick: () => {
				state.filters.splice(i, 1);
				firstPage();
				filterField.focus();
			} }, '×'));
		}));
	}

	function renderPager() {
		const shown = state.rows.length;
		const prev = h('button', { type: 'button', class: 'btn btn-small', disabled: state.previous.length === 0, onclick: () => {
			state.after = state.previous.pop();
			load();
		} }, '← Previous');
		const next = h('button', { type: 'button', class: 'btn btn-small', disabled: !state.next, onclick: () => {
			state.previous.push(state.after);
			state.after = state.next;
			load();
		} }, 'Next →');
		const size = h('select', { onchange: (e) => {
			state.limit = Number(e.target.value);
			firstPage();
		} }, [25, 50, 100, 250].map((n) => h('option', { value: n, selected: n === state.limit }, n + ' per page')));
		const page = state.previous.length + 1;
		pager.replaceChildren(
			h('span', { class: 'hint', 'data-testid': 'row-count' }, shown + (shown === 1 ? ' row' : ' rows') + ' on page ' + page + (state.total !== null ? ' of ' + state.total + ' matching' : '')),
			h('div', { class: 'actions' }, labelled('Page size', size), prev, next));
		pager.querySelector('.field')?.classList.add('inline');
	}

	function sortButton(name, type) {
		const current = state.order.find((o) => o.field === name);
		const arrow = current ? (current.dir === 'asc' ? '▲' : '▼') : '';
		const sortable = type !== 'json';
		const label = h('span', {}, name, ' ', h('span', { class: 'ftype' }, type), ' ', h('span', { class: 'arrow', 'aria-hidden': 'true' }, arrow));
		if (!sortable) {
			return h('span', { class: 'sort', style: 'cursor:default' }, label);
		}
		return h('button', { type: 'button', class: 'sort', 'aria-label': 'Sort by ' + name + (current ? ', now ' + (current.dir === 'asc' ? 'ascending' : 'descending') : ''), onclick: () => {
			if (!current) {
				state.order = [{ field: name, dir: 'asc' }];
			}
			else if (current.dir === 'asc') {
				state.order = [{ field: name, dir: 'desc' }];
			}
			else {
				state.order = [];
			}
			firstPage();
		} }, label);
	}

	function ariaSort(name) {
		const current = state.order.find((o) => o.field === name);
		return current ? (current.dir === 'asc' ? 'ascending' : 'descending') : null;
	}

	function renderGrid() {
		const head = h('tr', {},
			h('th', { scope: 'col', 'aria-sort': ariaSort('id'), 'data-sort-field': 'id' }, sortButton('id', '')),
			fields.map(([name, d]) => h('th', { scope: 'col', 'aria-sort': ariaSort(name), 'data-sort-field': name, title: typeLabel(d) + (d.required ? ', required' : '') }, sortButton(name, typeLabel(d)))),
			h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Row actions')));
		const body = [];
		if (state.inserting) {
			body.push(newRow());
		}
		for (const row of state.rows) {
			body.push(h('tr', { 'data-row-id': display(row.id) },
				h('td', { class: 'idcol' }, display(row.id)),
				fields.map(([name, d]) => cell(row, name, d)),
				h('td', { class: 'rowact' }, h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': 'Delete row ' + display(row.id), onclick: () => deleteRow(row) }, 'Delete'))));
		}
		if (!state.rows.length && !state.inserting) {
			body.push(h('tr', {}, h('td', { colspan: fields.length + 2 }, h('p', { class: 'empty' }, state.filters.length ? 'No row matches the filters.' : 'No rows yet. Add one, or import a file.'))));
		}
		grid.replaceChildren(h('table', { class: 'grid', 'aria-label': 'Rows of ' + table.name }, h('thead', {}, head), h('tbody', {}, body)));
	}

	/** Arrow keys move between the cells of the grid. */
	function moveFocus(event) {
		const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
		if (!event.target.classList.contains('cell') || !moves[event.key]) {
			return;
		}
		const td = event.target.closest('td');
		const tr = td.parentElement;
		const [down, right] = moves[event.key];
		const rows = [...tr.parentElement.children];
		const targetRow = rows[rows.indexOf(tr) + down];
		const targetCell = targetRow && targetRow.children[[...tr.children].indexOf(td) + right];
		const button = targetCell && targetCell.querySelector('.cell');
		if (button) {
			event.preventDefault();
			button.focus();
		}
	}

	function cell(row, name, definition) {
		const td = h('td', { class: NUMERIC.has(definition.type) ? 'num' : null, 'data-field': name });
		const show = () => {
			const value = row[name];
			const text = display(value);
			td.classList.remove('invalid');
			td.replaceChildren(h('button', { type: 'button', class: 'cell', 'aria-label': name + ' of row ' + display(row.id) + ': ' + (value === null ? 'empty' : text) + '. Press Enter to edit.',
				title: text, onclick: edit, onkeydown: (e) => {
					if (e.key === 'F2') {
						edit();
					}
				} }, value === null || value === undefined ? h('span', { class: 'null' }, 'null') : text));
		};
		const edit = () => {
			const control = editor(definition, row[name], name + ' of row ' + display(row.id));
			let done = false;
			const save = async () => {
				if (done) {
					return;
				}
				const text = control.value;
				if (text === editText(definition, row[name])) {
					done = true;
					show();
					td.querySelector('.cell').focus();
					return;
				}
				let value;
				try {
					value = inputValue(definition, text);
				}
				catch {
					markInvalid(td, control, ['not valid JSON']);
					return;
				}
				done = true;
				try {
					const answer = await request('PATCH', tablePath(table.id, '/rows/' + display(row.id)), { body: { [name]: value } });
					Object.assign(row, answer.data);
					show();
					td.querySelector('.cell').focus();
				}
				catch (error) {
					done = false;
					if (!(error instanceof ApiError)) {
						throw error;
					}
					const mine = error.byPointer('').get(name);
					markInvalid(td, control, mine || [error.message]);
				}
			};
			control.addEventListener('keydown', (e) => {
				if (e.key === 'Enter') {
					e.preventDefault();
					save();
				}
				else if (e.key === 'Escape') {
					e.preventDefault();
					e.stopPropagation();
					done = true;
					show();
					td.querySelector('.cell').focus();
				}
			});
			control.addEventListener('blur', () => {
				if (!done && control.value !== editText(definition, row[name])) {
					save();
				}
				else if (!done && !td.classList.contains('invalid')) {
					done = true;
					show();
				}
			});
			td.replaceChildren(control);
			control.focus();
			if (control.select) {
				control.select();
			}
		};
		show();
		return td;
	}

	function newRow() {
		const controls = new Map();
		const cells = fields.map(([name, d]) => {
			const control = editor(d, undefined, name + ' of the new row');
			control.placeholder = d.required ? (d.default !== undefined ? 'default' : 'required') : 'optional';
			controls.set(name, control);
			return h('td', { 'data-field': name, class: NUMERIC.has(d.type) ? 'num' : null }, control);
		});
		const save = async () => {
			const row = {};
			for (const [name, d] of fields) {
				const control = controls.get(name);
				control.closest('td').classList.remove('invalid');
				control.removeAttribute('aria-invalid');
				control.closest('td').querySelector('.cell-error')?.remove();
				if (control.value === '') {
					continue;
				}
				try {
					row[name] = inputValue(d, control.value);
				}
				catch {
					markInvalid(control.closest('td'), control, ['not valid JSON']);
					return;
				}
			}
			try {
				await request('POST', tablePath(table.id, '/row'), { body: row });
				state.inserting = false;
				toast('Row added.');
				await load();
				insert.focus();
			}
			catch (error) {
				if (!(error instanceof ApiError)) {
					throw error;
				}
				const byField = error.byPointer('');
				let shown = false;
				for (const [name, messages] of byField) {
					const control = controls.get(name);
					if (control) {
						markInvalid(control.closest('td'), control, messages);
						shown = true;
					}
				}
				if (!shown) {
					status.replaceChildren(problemBlock(error));
				}
				else {
					status.replaceChildren();
				}
				grid.querySelector('tr.new-row [aria-invalid="true"]')?.focus();
			}
		};
		const tr = h('tr', { class: 'new-row' }, h('td', { class: 'idcol' }, 'new'), cells,
			h('td', { class: 'rowact' }, h('button', { type: 'button', class: 'btn btn-small btn-primary', onclick: save }, 'Save'), ' ',
				h('button', { type: 'button', class: 'btn btn-small', onclick: () => {
					state.inserting = false;
					status.replaceChildren();
					renderGrid();
					insert.focus();
				} }, 'Cancel')));
		tr.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' && e.target.matches('input, select')) {
				e.preventDefault();
				save();
			}
		});
		return tr;
	}

	async function deleteRow(row) {
		if (!(await confirmDialog('Delete row ' + display(row.id), 'The row is deleted from ' + table.name + '. This cannot be undone.', 'Delete row', true))) {
			return;
		}
		try {
			await request('DELETE', tablePath(table.id, '/rows/' + display(row.id)));
			toast('Row ' + display(row.id) + ' deleted.');
			load();
		}
		catch (error) {
			status.replaceChildren(problemBlock(error));
		}
	}

	syncOperators();
	load();
}

function markInvalid(td, control, messages) {
	td.classList.add('invalid');
	td.querySelector('.cell-error')?.remove();
	const id = control.id || (control.id = 'e' + Math.random().toString(36).slice(2));
	const note = h('div', { class: 'cell-error', id: id + '-error', role: 'alert' }, messages.join(' '));
	control.setAttribute('aria-invalid', 'true');
	control.setAttribute('aria-describedby', id + '-error');
	td.append(note);
	control.focus();
}

/** The control that edits a value of the field. */
function editor(definition, value, label) {
	if (definition.type === 'boolean') {
		const current = value === undefined ? '' : value === null ? 'null' : String(value);
		return h('select', { 'aria-label': label },
			value === undefined ? h('option', { value: '' }, definition.required ? 'choose' : 'empty') : null,
			!definition.required || value === null ? h('option', { value: 'null', selected: current === 'null' }, 'null') : null,
			h('option', { value: 'true', selected: current === 'true' }, 'true'),
			h('option', { value: 'false', selected: current === 'false' }, 'false'));
	}
	return h('input', { type: 'text', 'aria-label': label, value: value === undefined ? '' : editText(definition, value), autocomplete: 'off', spellcheck: 'false',
		inputmode: NUMERIC.has(definition.type) ? 'decimal' : null });
}

function editText(definition, value) {
	if (definition.type === 'boolean') {
		return value === null ? 'null' : String(value);
	}
	return value === null || value === undefined ? '' : display(value);
}

/**
 * The JSON value of an edited text: empty is null for an optional field (and for every
 * field that is not text), otherwise the text read as the field's type.
 */
function inputValue(definition, text) {
	if (definition.type === 'boolean') {
		return text === 'null' ? null : text === 'true';
	}
	const isText = definition.type === 'string' || definition.type === 'text';
	if (text === '' && (!isText || !definition.required)) {
		return null;
	}
	return valueFromText(definition.type, text);
}

function nextCursor(link) {
	if (!link) {
		return null;
	}
	const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
	if (!match) {
		return null;
	}
	return new URL(match[1], location.origin).searchParams.get('after');
}

