import { api, subscribe } from './api.js';

// What the views share while signed in: the device names and the live events (newest first), fed by the SSE feed.
const MAX_EVENTS = 500;
const listeners = new Set();
let abort = null;

export const store = {
  devices: new Map(), // id -> name
  events: [],
  keys: new Set(),
  feedOpen: false,
  dropped: 0,
};

export function onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); }
function notify(kind, payload) { for (const listener of listeners) listener(kind, payload); }

export async function refreshDevices() {
  const devices = await api('/devices');
  store.devices = new Map(devices.map(d => [d.id, d.name]));
  notify('devices');
  return devices;
}

function add(event, atTop) {
  const key = `${event.captureId}:${event.sampleIndex}:${event.verdict}`;
  if (event.captureId && store.keys.has(key)) return false;
  store.keys.add(key);
  if (atTop) store.events.unshift(event); else store.events.push(event);
  if (store.events.length > MAX_EVENTS) {
    const gone = store.events.pop();
    store.keys.delete(`${gone.captureId}:${gone.sampleIndex}:${gone.verdict}`);
  }
  return true;
}

/** Loads the newest stored events, then follows the live feed until stop(). */
export async function start(onFeedState) {
  stop();
  abort = new AbortController();
  store.events = []; store.keys = new Set(); store.dropped = 0;
  await refreshDevices();
  const page = await api('/events?limit=100');
  for (const e of page.items ?? []) {
    add({ ...e, device: e.deviceId ? store.devices.get(e.deviceId) ?? `#${e.deviceId}` : null, source: `capture ${e.captureId}`, live: false }, false);
  }
  notify('events');
  subscribe('/events/stream', (name, data) => {
    if (name === 'decision') {
      if (add({ ...data, live: true }, true)) notify('event', data);
    } else if (name === 'dropped') {
      store.dropped = data.dropped; notify('dropped');
    }
  }, open => { store.feedOpen = open; onFeedState(open); }, abort.signal);
}

export function stop() {
  abort?.abort();
  abort = null;
}
