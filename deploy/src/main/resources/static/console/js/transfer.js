// Export and import of rows. Export streams the listing as CSV or NDJSON through fetch (so
// the key is sent), counting what arrives; import reads NDJSON or CSV, turns CSV values into
// the fields' types, and uploads NDJSON with progress.
import { ApiError, baseHeaders, problemOf, tablePath, upload } from './api.js';
import { isNumberText, Num, parse, stringify } from './json.js';
import { h, labelled, openDialog, problemBlock } from './ui.js';

/** Exports the rows matching the current filters and order. */
export function exportDialog(table, params) {
	return openDialog('Export rows of ' + table.name, (close) => {
		const format = h('select', {}, h('option', { value: 'csv' }, 'CSV (RFC 4180)'), h('option', { value: 'ndjson' }, 'NDJSON (one JSON object a line)'));
		const progress = h('div', { 'aria-live': 'polite', 'data-testid': 'export-status' });
		const start = h('button', { type: 'button', class: 'btn btn-primary' }, 'Export');
		const filtered = [...params.keys()].some((k) => k !== 'order');
		start.addEventListener('click', async () => {
			start.disabled = true;
			const query = new URLSearchParams(params);
			query.set('format', format.value);
			progress.replaceChildren(h('p', { class: 'hint' }, 'Exporting…'));
			try {
				const response = await fetch(tablePath(table.id, '/rows') + '?' + query, { headers: baseHeaders({ Accept: format.value === 'csv' ? 'text/csv' : 'application/x-ndjson' }) });
				if (!response.ok) {
					throw new ApiError(response.status, await problemOf(response));
				}
				const reader = response.body.getReader();
				const chunks = [];
				let bytes = 0;
				let lines = 0;
				for (;;) {
					const { done, value } = await reader.read();
					if (done) {
						break;
					}
					chunks.push(value);
					bytes += value.length;
					for (const byte of value) {
						if (byte === 10) {
							lines += 1;
						}
					}
					progress.replaceChildren(h('p', { class: 'hint' }, 'Received ' + formatBytes(bytes) + '…'));
				}
				const rows = format.value === 'csv' ? Math.max(0, lines - 1) : lines;
				const type = format.value === 'csv' ? 'text/csv' : 'application/x-ndjson';
				const url = URL.createObjectURL(new Blob(chunks, { type }));
				const name = table.physicalName + '.' + format.value;
				const link = h('a', { href: url, download: name, class: 'btn' }, 'Save ' + name + ' again');
				progress.replaceChildren(h('p', { 'data-rows': rows, 'data-bytes': bytes }, 'Exported ' + rows + (rows === 1 ? ' row' : ' rows') + ' (' + formatBytes(bytes) + ').'), link);
				link.click();
			}
			catch (error) {
				progress.replaceChildren(error instanceof ApiError ? problemBlock(error) : h('p', { class: 'error-text' }, String(error)));
			}
			start.disabled = false;
		});
		return {
			body: [labelled('Format', format), h('p', { class: 'hint' }, filtered ? 'Exports the rows that match the current filters, in the current order.' : 'Exports every row, in the current order.'), progress],
			foot: [h('button', { type: 'button', class: 'btn', onclick: () => close(undefined) }, 'Close'), start],
		};
	});
}

/** Imports a file; answers true when rows were inserted. */
export function importDialog(table) {
	let inserted = false;
	return openDialog('Import rows into ' + table.name, (close) => {
		const file = h('input', { type: 'file', accept: '.csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson' });
		const bar = h('progress', { max: '100', value: '0', 'aria-label': 'Upload progress', hidden: true });
		const out = h('div', { 'aria-live': 'polite', 'data-testid': 'import-status' });
		const start = h('button', { type: 'button', class: 'btn btn-primary' }, 'Import');
		start.addEventListener('click', async () => {
			const chosen = file.files[0];
			if (!chosen) {
				file.setAttribute('aria-invalid', 'true');
				out.replaceChildren(h('p', { class: 'error-text', role: 'alert' }, 'Choose a file first.'));
				file.focus();
				return;
			}
			file.removeAttribute('aria-invalid');
			start.disabled = true;
			try {
				const text = await chosen.text();
				const csv = /\.csv$/i.test(chosen.name) || chosen.type === 'text/csv';
				const rows = csv ? fromCsv(text, table.fields) : fromNdjson(text);
				const body = new Blob([rows.map(stringify).join('\n') + '\n'], { type: 'application/x-ndjson' });
				bar.hidden = false;
				out.replaceChildren(h('p', { class: 'hint' }, 'Uploading ' + rows.length + ' rows…'));
				const answer = await upload(tablePath(table.id, '/rows'), body, 'application/x-ndjson', (loaded, total) => {
					bar.value = total ? Math.round((loaded / total) * 100) : 0;
				});
				bar.value = 100;
				inserted = true;
				out.replaceChildren(h('p', {}, 'Inserted ' + answer.inserted + ' rows.'));
			}
			catch (error) {
				bar.hidden = true;
				out.replaceChildren(error instanceof ApiError ? importProblem(error) : h('p', { class: 'error-text', role: 'alert' }, String(error.message || error)));
			}
			start.disabled = false;
		});
		return {
			body: [labelled('File', file, 'NDJSON (one object a line) or CSV with a header row of field names. An id column is left out; all rows are inserted, or none.'), bar, out],
			foot: [h('button', { type: 'button', class: 'btn', onclick: () => close(inserted) }, 'Close'), start],
		};
	}).then(() => inserted);
}

function importProblem(error) {
	const block = problemBlock(error);
	const lines = (error.errors || []).map((e) => /^\/(\d+)(\/.*)?$/.exec(e.pointer || '')).filter(Boolean);
	if (lines.length) {
		block.append(h('p', { class: 'hint' }, 'Row numbers count the file’s records from 1: ' +
			lines.map((m) => 'record ' + (Number(m[1]) + 1) + (m[2] ? ' field ' + m[2].slice(1) : '')).join(', ') + '. Nothing was inserted.'));
	}
	return block;
}

function fromNdjson(text) {
	const rows = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '') {
			return;
		}
		let row;
		try {
			row = parse(line);
		}
		catch {
			throw new Error('Line ' + (index + 1) + ' is not valid JSON.');
		}
		if (row && typeof row === 'object' && !Array.isArray(row)) {
			delete row.id;
		}
		rows.push(row);
	});
	return rows;
}

/** CSV records as objects of typed values; an unquoted empty field is left out (null). */
export function fromCsv(text, fields) {
	const records = parseCsv(text);
	if (records.length === 0) {
		return [];
	}
	const header = records[0].map((cell) => cell.text);
	return records.slice(1).filter((r) => !(r.length === 1 && r[0].text === '' && !r[0].quoted)).map((record) => {
		const row = {};
		header.forEach((name, i) => {
			const cell = record[i];
			if (name === 'id' || !cell || (cell.text === '' && !cell.quoted)) {
				return;
			}
			row[name] = csvValue(fields[name], cell.text);
		});
		return row;
	});
}

function csvValue(definition, text) {
	const type = definition ? definition.type : 'text';
	if (['integer', 'bigint', 'decimal', 'float'].includes(type)) {
		return isNumberText(text) ? new Num(text) : text;
	}
	if (type === 'boolean') {
		return text === 'true' || text === 't' ? true : text === 'false' || text === 'f' ? false : text;
	}
	if (type === 'json') {
		try {
			return parse(text);
		}
		catch {
			return text;
		}
	}
	return text;
}

/** RFC 4180 records; each cell says whether it was quoted (a quoted empty text is not null). */
export function parseCsv(text) {
	const records = [];
	let record = [];
	let cell = '';
	let quoted = false;
	let inQuotes = false;
	for (let i = 0; i < text.length; i += 1) {
		const c = text[i];
		if (inQuotes) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i += 1;
			}
			else if (c === '"') {
				inQuotes = false;
			}
			else {
				cell += c;
			}
		}
		else if (c === '"') {
			inQuotes = true;
			quoted = true;
		}
		else if (c === ',') {
			record.push({ text: cell, quoted });
			cell = '';
			quoted = false;
		}
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') {
				i += 1;
			}
			record.push({ text: cell, quoted });
			records.push(record);
			record = [];
			cell = '';
			quoted = false;
		}
		else {
			cell += c;
		}
	}
	if (cell !== '' || quoted || record.length) {
		record.push({ text: cell, quoted });
		records.push(record);
	}
	return records;
}

function formatBytes(n) {
	return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
}
