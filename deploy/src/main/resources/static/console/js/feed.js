// The schema feed (Server-Sent Events) read with fetch, because EventSource cannot send an
// Authorization header. It reconnects with Last-Event-ID, so no change is missed, and backs
// off while the service is away.
import { ApiError, authEvents, baseHeaders, problemOf } from './api.js';

/**
 * Follows the feed at path. onChange(change) hears each change, onState(state) hears
 * 'on', 'retrying', 'refused' or 'off', onResync() when missed changes could not be sent.
 * Answers a function that stops it.
 */
export function follow(path, { onChange, onState, onResync }) {
	let lastId = null;
	let stopped = false;
	let controller = null;
	let delay = 1000;
	let timer = null;

	const connect = async () => {
		if (stopped) {
			return;
		}
		controller = new AbortController();
		const headers = baseHeaders({ Accept: 'text/event-stream' });
		if (lastId) {
			headers['Last-Event-ID'] = lastId;
		}
		try {
			const response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
			if (!response.ok) {
				const error = new ApiError(response.status, await problemOf(response));
				if (response.status === 401 || response.status === 403) {
					authEvents.dispatchEvent(new CustomEvent('refused', { detail: { status: response.status, problem: error.problem } }));
					onState('refused');
					return;
				}
				if (response.status === 400 && lastId) {
					lastId = null;
					onResync();
				}
				throw error;
			}
			onState('on');
			delay = 1000;
			await read(response.body, (event) => {
				if (event.id) {
					lastId = event.id;
				}
				if (event.type !== 'connected' && event.data) {
					try {
						onChange({ type: event.type, id: event.id, ...JSON.parse(event.data) });
					}
					catch {
						// a data line that is not JSON is not a change
					}
				}
			});
		}
		catch (error) {
			if (stopped || (error && error.name === 'AbortError')) {
				return;
			}
		}
		if (!stopped) {
			onState('retrying');
			timer = setTimeout(connect, delay);
			delay = Math.min(delay * 2, 30000);
		}
	};

	connect();
	return () => {
		stopped = true;
		clearTimeout(timer);
		if (controller) {
			controller.abort();
		}
		onState('off');
	};
}

/** Reads an event stream, calling dispatch for each event (text/event-stream syntax). */
async function read(body, dispatch) {
	const reader = body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	let event = { type: 'message', data: '', id: null };
	let hasData = false;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) {
			return;
		}
		buffer += value;
		let end;
		while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
			const line = buffer.slice(0, end);
			buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
			if (line === '') {
				if (hasData || event.type !== 'message') {
					dispatch(event);
				}
				event = { type: 'message', data: '', id: null };
				hasData = false;
				continue;
			}
			if (line.startsWith(':')) {
				continue;
			}
			const colon = line.indexOf(':');
			const field = colon < 0 ? line : line.slice(0, colon);
			let text = colon < 0 ? '' : line.slice(colon + 1);
			if (text.startsWith(' ')) {
				text = text.slice(1);
			}
			if (field === 'event') {
				event.type = text;
			}
			else if (field === 'data') {
				event.data = hasData ? event.data + '\n' + text : text;
				hasData = true;
			}
			else if (field === 'id') {
				event.id = text;
			}
		}
	}
}
