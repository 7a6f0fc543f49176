// JSON that keeps numbers exactly as written: a bigint or a decimal such as 1.50 survives a
// round trip through the console, which plain JSON.parse and JSON.stringify would round.

/** A JSON number kept as its text. */
export class Num {
	constructor(text) {
		this.text = text;
	}

	toString() {
		return this.text;
	}
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** Whether the text is a JSON number. */
export function isNumberText(text) {
	return NUMBER.test(text);
}

/** Parses JSON; numbers that a double would not keep exactly (1.50, 2^63-1) stay Num. */
export function parse(text) {
	return JSON.parse(text, (key, value, context) => {
		if (typeof value === 'number' && context && context.source !== undefined && String(value) !== context.source) {
			return new Num(context.source);
		}
		return value;
	});
}

/** Writes JSON; a Num is written as its text. */
export function stringify(value) {
	if (value instanceof Num) {
		return value.text;
	}
	if (value === null || value === undefined) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return '[' + value.map(stringify).join(',') + ']';
	}
	if (typeof value === 'object') {
		return '{' + Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.map(([k, v]) => JSON.stringify(k) + ':' + stringify(v))
			.join(',') + '}';
	}
	return JSON.stringify(value);
}
