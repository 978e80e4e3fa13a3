import { session } from './session.js';

/** An API error with the problem-details text the service sent. */
export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

async function problemText(response) {
  try {
    const body = await response.json();
    const fields = body.errors ? Object.entries(body.errors).map(([k, v]) => `${k}: ${v.join(', ')}`).join('; ') : '';
    return [body.detail ?? body.title, fields].filter(Boolean).join(' ') || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** Calls /api/v1`path` with the session's key; returns parsed JSON (or null for 204). */
export async function api(path, { method = 'GET', body, headers = {}, key = session.key, signal } = {}) {
  const init = { method, headers: { 'X-Api-Key': key ?? '', ...headers }, signal };
  if (body instanceof Blob || body instanceof ArrayBuffer) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`/api/v1${path}`, init);
  if (response.status === 401 && key === session.key) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, await problemText(response));
  return response.status === 204 ? null : response.json();
}

/**
 * Reads the server-sent event stream at `path` with fetch (EventSource cannot send the X-Api-Key header) and calls
 * `onEvent(name, data)` per event. Reconnects after a pause until `signal` aborts; `onState(open)` reports the link.
 */
export async function subscribe(path, onEvent, onState, signal) {
  while (!signal.aborted) {
    try {
      const response = await fetch(`/api/v1${path}`, { headers: { 'X-Api-Key': session.key ?? '', Accept: 'text/event-stream' }, signal });
      if (response.status === 401) { onUnauthorized(); return; }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      console.warn('live feed interrupted', error);
    }
    onState(false);
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
