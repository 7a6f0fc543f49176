// The one way the console talks to the API: every request carries the key (as a Bearer
// header) when one is set, answers are parsed keeping numbers exact, and refusals become
// ApiError with the Problem Details body, so views can show codes and JSON pointers.
import { parse, stringify } from './json.js';

const KEY_ITEM = 'dyntables.console.key';
let key = sessionStorage.getItem(KEY_ITEM) || '';

/** Listeners of authentication refusals (401, 403) and of key changes. */
export const authEvents = new EventTarget();

export function currentKey() {
	return key;
}

/** Sets the key; kept in memory, and for this browser session only when asked to. */
export function setKey(value, rememberForSession) {
	key = value.trim();
	if (key && rememberForSession) {
		sessionStorage.setItem(KEY_ITEM, key);
	}
	else {
		sessionStorage.removeItem(KEY_ITEM);
	}
	authEvents.dispatchEvent(new CustomEvent('key', { detail: { set: key !== '' } }));
}

export function keyRemembered() {
	return sessionStorage.getItem(KEY_ITEM) !== null;
}

/** The headers every request carries. */
export function baseHeaders(extra = {}) {
	const headers = { ...extra };
	if (key) {
		headers.Authorization = 'Bearer ' + key;
	}
	return headers;
}

/** A refusal of the API, with its Problem Details. */
export class ApiError extends Error {
	constructor(status, problem) {
		super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
		this.status = status;
		this.problem = problem || {};
		this.code = this.problem.code || 'http-' + status;
		this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
	}

	/** The errors whose pointer starts with the prefix, by the rest of the pointer. */
	byPointer(prefix = '') {
		const found = new Map();
		for (const error of this.errors) {
			const pointer = error.pointer || '';
			if (pointer.startsWith(prefix)) {
				const rest = decodePointer(pointer.slice(prefix.length));
				found.set(rest, [...(found.get(rest) || []), error.detail || error.code]);
			}
		}
		return found;
	}
}

function decodePointer(pointer) {
	return pointer.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Reads a failed answer as Problem Details, whatever it carries. */
export async function problemOf(response) {
	const text = await response.text().catch(() => '');
	try {
		return parse(text);
	}
	catch {
		return { detail: text || response.statusText, status: response.status };
	}
}

function reportAuth(status, problem) {
	if (status === 401 || status === 403) {
		authEvents.dispatchEvent(new CustomEvent('refused', { detail: { status, problem } }));
	}
}

/**
 * Sends a request. Options: body (serialised as JSON), ifMatch (a version), reason
 * (X-Change-Reason), accept, signal. Answers { status, data, version, headers }.
 */
export async function request(method, path, options = {}) {
	const headers = baseHeaders({ Accept: options.accept || 'application/json' });
	let body;
	if (options.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = stringify(options.body);
	}
	if (options.ifMatch !== undefined && options.ifMatch !== null) {
		headers['If-Match'] = '"' + options.ifMatch + '"';
	}
	if (options.reason) {
		headers['X-Change-Reason'] = options.reason;
	}
	const response = await fetch(path, { method, headers, body, signal: options.signal });
	if (!response.ok) {
		const problem = await problemOf(response);
		reportAuth(response.status, problem);
		throw new ApiError(response.status, problem);
	}
	authEvents.dispatchEvent(new CustomEvent('accepted'));
	const text = response.status === 204 ? '' : await response.text();
	const etag = response.headers.get('ETag');
	return {
		status: response.status,
		data: text ? parse(text) : null,
		version: etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : null,
		headers: response.headers,
	};
}

export const get = (path, options) => request('GET', path, options);

/** The path of a table, or of something under it. */
export function tablePath(id, rest = '') {
	return '/api/table/' + encodeURIComponent(id) + rest;
}

/**
 * Uploads a body with progress (fetch cannot report upload progress): answers the parsed
 * answer, or throws ApiError.
 */
export function upload(path, body, contentType, onProgress) {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', path);
		for (const [name, value] of Object.entries(baseHeaders({ Accept: 'application/json', 'Content-Type': contentType }))) {
			xhr.setRequestHeader(name, value);
		}
		xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
		xhr.onload = () => {
			let data = null;
			try {
				data = xhr.responseText ? parse(xhr.responseText) : null;
			}
			catch {
				data = { detail: xhr.responseText };
			}
			if (xhr.status >= 200 && xhr.status < 300) {
				resolve(data);
			}
			else {
				reportAuth(xhr.status, data);
				reject(new ApiError(xhr.status, data));
			}
		};
		xhr.onerror = () => reject(new ApiError(0, { detail: 'the upload failed: the service could not be reached' }));
		xhr.send(body);
	});
}
