// The field editor of the create dialog and the schema editor: one row per field with its
// type and the options that type takes (docs: schemas, types and options).
import { isNumberText, Num, parse } from './json.js';
import { h, labelled, uid } from './ui.js';

export const TYPES = ['string', 'text', 'integer', 'bigint', 'decimal', 'float', 'boolean', 'date', 'timestamp', 'uuid', 'json'];

const NUMERIC = new Set(['integer', 'bigint', 'decimal', 'float']);

/** A draft field from a definition the API answered (or a new one). */
export function draftOf(name, definition, existing) {
	return {
		key: uid('fld'),
		name,
		original: existing ? name : null,
		originalDefinition: existing ? definition : null,
		type: definition.type,
		required: definition.required !== false,
		unique: Boolean(definition.unique),
		maxLength: definition.maxLength ?? '',
		precision: definition.precision ?? '',
		scale: definition.scale ?? '',
		defaultText: definition.default === undefined || definition.default === null ? '' : defaultToText(definition.default),
		removed: false,
	};
}

export function newDraft() {
	return draftOf('', { type: 'string', required: false }, false);
}

function defaultToText(value) {
	if (value instanceof Num) {
		return value.text;
	}
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A typed value from the text of an input, as the field's type reads it in JSON. */
export function valueFromText(type, text) {
	if (NUMERIC.has(type)) {
		const trimmed = text.trim();
		return isNumberText(trimmed) ? new Num(trimmed) : text;
	}
	if (type === 'boolean') {
		return text === 'true' ? true : text === 'false' ? false : text;
	}
	if (type === 'json') {
		return parse(text);
	}
	return text;
}

/** The definition the API takes for a draft field. */
export function definitionOf(draft) {
	const definition = { type: draft.type, required: draft.required, unique: draft.unique };
	if (draft.type === 'string' && String(draft.maxLength).trim() !== '') {
		definition.maxLength = new Num(String(draft.maxLength).trim());
	}
	if (draft.type === 'decimal') {
		if (String(draft.precision).trim() !== '') {
			definition.precision = new Num(String(draft.precision).trim());
		}
		if (String(draft.scale).trim() !== '') {
			definition.scale = new Num(String(draft.scale).trim());
		}
	}
	if (draft.defaultText !== '') {
		definition.default = valueFromText(draft.type, draft.defaultText);
	}
	return definition;
}

/** Whether a kept field's draft differs from what the table has. */
export function changed(draft) {
	if (!draft.original) {
		return false;
	}
	const was = draftOf(draft.original, draft.originalDefinition, true);
	return ['type', 'required', 'unique', 'maxLength', 'precision', 'scale', 'defaultText']
		.some((k) => String(was[k]) !== String(draft[k]));
}

/**
 * Checks what the API cannot see: empty and repeated names (a JSON object would silently
 * keep one), and a default that is not valid JSON for a json field. Answers name → message.
 */
export function localProblems(drafts) {
	const problems = new Map();
	const seen = new Map();
	for (const draft of drafts.filter((d) => !d.removed)) {
		const name = draft.name.trim();
		if (!name) {
			problems.set(draft.key, 'Give the field a name.');
			continue;
		}
		const lower = name.toLowerCase();
		if (seen.has(lower)) {
			problems.set(draft.key, 'Another field is named ' + seen.get(lower) + '.');
		}
		seen.set(lower, name);
		if (draft.type === 'json' && draft.defaultText !== '') {
			try {
				parse(draft.defaultText);
			}
			catch {
				problems.set(draft.key, 'The default is not valid JSON.');
			}
		}
	}
	return problems;
}

/** The fields object of a create or change request. */
export function fieldsOf(drafts) {
	const fields = {};
	for (const draft of drafts.filter((d) => !d.removed)) {
		fields[draft.name.trim()] = definitionOf(draft);
	}
	return fields;
}

/**
 * Renders the rows of the editor. hooks: onChange(), onRemove(draft), onRename(draft)
 * (only for kept fields); errors: key → [messages].
 */
export function renderFieldRows(drafts, hooks, errors = new Map()) {
	return drafts.map((draft) => fieldRow(draft, hooks, errors.get(draft.key) || []));
}

/**
 * Replaces the editor's rows, keeping the keyboard focus on the same control of the same
 * field (the rows are rebuilt on every change).
 */
export function replaceRows(container, rows) {
	const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.dataset.focus : null;
	container.replaceChildren(...rows);
	if (focused) {
		const again = container.querySelector('[data-focus="' + focused + '"]');
		if (again) {
			again.focus();
		}
	}
}

function stateBadge(state) {
	const badges = { changed: ['badge badge-warn', 'changed'], removed: ['badge badge-danger', 'to remove'] };
	return badges[state] ? h('span', { class: 'state-badge ' + badges[state][0] }, badges[state][1]) : null;
}

function fieldRow(draft, hooks, messages) {
	const state = draft.removed ? 'removed' : !draft.original ? 'new' : changed(draft) ? 'changed' : 'kept';
	const invalid = messages.length > 0 ? 'true' : null;
	const errorId = uid('err');
	const described = messages.length ? errorId : null;
	// the change is kept at once; the rows are rebuilt once focus has moved on (a change
	// event comes before the focus leaves), so the rebuild keeps focus where it went
	const update = (apply) => (event) => {
		apply(event.target);
		setTimeout(hooks.onChange);
	};
	const label = draft.name || 'new field';

	const nameControl = draft.original
		? h('div', { class: 'field' }, h('span', { class: 'hint' }, 'Name'), h('div', {}, h('strong', { class: 'mono' }, draft.name), stateBadge(state)))
		: labelled('Name', h('input', { type: 'text', value: draft.name, 'aria-invalid': invalid, 'aria-describedby': described,
			autocomplete: 'off', spellcheck: 'false', 'data-role': 'field-name', 'data-focus': draft.key + ':name', oninput: (e) => { draft.name = e.target.value; }, onchange: update(() => {}) }));
	const typeSelect = h('select', { 'data-role': 'field-type', 'data-focus': draft.key + ':type', onchange: update((t) => { draft.type = t.value; }), disabled: draft.removed, 'aria-invalid': invalid },
		TYPES.map((t) => h('option', { value: t, selected: t === draft.type }, t)));

	const opts = [
		h('label', { class: 'check' }, h('input', { type: 'checkbox', 'data-focus': draft.key + ':required', checked: draft.required, disabled: draft.removed, onchange: update((t) => { draft.required = t.checked; }) }), 'Required'),
		h('label', { class: 'check', title: draft.original && !draft.originalDefinition.unique ? 'An existing field cannot be made unique: add a new unique field instead' : null },
			h('input', { type: 'checkbox', 'data-focus': draft.key + ':unique', checked: draft.unique, disabled: draft.removed || (draft.original && !draft.originalDefinition.unique),
				onchange: update((t) => { draft.unique = t.checked; }) }), 'Unique'),
	];
	if (draft.type === 'string') {
		opts.push(labelled('Max length', h('input', { type: 'number', 'data-focus': draft.key + ':maxLength', min: '1', step: '1', value: draft.maxLength, placeholder: '200', disabled: draft.removed,
			onchange: update((t) => { draft.maxLength = t.value; }) })));
	}
	if (draft.type === 'decimal') {
		opts.push(labelled('Precision', h('input', { type: 'number', 'data-focus': draft.key + ':precision', min: '1', step: '1', value: draft.precision, placeholder: '18', disabled: draft.removed,
			onchange: update((t) => { draft.precision = t.value; }) })));
		opts.push(labelled('Scale', h('input', { type: 'number', 'data-focus': draft.key + ':scale', min: '0', step: '1', value: draft.scale, placeholder: '2', disabled: draft.removed,
			onchange: update((t) => { draft.scale = t.value; }) })));
	}
	opts.push(labelled('Default', h('input', { type: 'text', 'data-focus': draft.key + ':default', value: draft.defaultText, placeholder: 'none', disabled: draft.removed, autocomplete: 'off',
		onchange: update((t) => { draft.defaultText = t.value; }) })));

	const actions = [];
	if (draft.original && hooks.onRename && !draft.removed) {
		actions.push(h('button', { type: 'button', class: 'btn btn-small', 'data-focus': draft.key + ':rename', 'aria-label': 'Rename field ' + label, onclick: () => hooks.onRename(draft) }, 'Rename'));
	}
	actions.push(draft.removed
		? h('button', { type: 'button', class: 'btn btn-small', 'data-focus': draft.key + ':remove', 'aria-label': 'Keep field ' + label, onclick: () => hooks.onRemove(draft) }, 'Keep')
		: h('button', { type: 'button', class: 'btn btn-small', 'data-focus': draft.key + ':remove', 'aria-label': 'Remove field ' + label, onclick: () => hooks.onRemove(draft) }, 'Remove'));

	const typeField = labelled('Type', typeSelect);
	return h('div', { class: 'field-row', 'data-state': state, 'data-field': draft.name, role: 'group', 'aria-label': 'Field ' + label + (state === 'kept' ? '' : ', ' + state) },
		nameControl, typeField, h('div', { class: 'opts' }, opts), h('div', { class: 'row-actions' }, actions),
		messages.length ? h('div', { class: 'error-text', id: errorId, style: 'grid-column: 1 / -1' }, messages.join(' ')) : null);
}
