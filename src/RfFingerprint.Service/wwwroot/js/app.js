import { api, ApiError, whenUnauthorized } from './api.js';
import { session } from './session.js';
import * as store from './store.js';
import { renderDevices } from './views/devices.js';
import { renderDevice } from './views/device.js';
import { renderLive } from './views/live.js';
import { renderJobs } from './views/jobs.js';
import { renderRadio } from './views/radio.js';

const signIn = document.getElementById('sign-in');
const app = document.getElementById('app');
const view = document.getElementById('view');
const feedState = document.getElementById('feed-state');
let cleanup = null;

const routes = [
  [/^#\/devices\/(\d+)$/, m => renderDevice(view, Number(m[1])), 'devices'],
  [/^#\/devices$/, () => renderDevices(view), 'devices'],
  [/^#\/live$/, () => renderLive(view), 'live'],
  [/^#\/jobs$/, () => renderJobs(view), 'jobs'],
  [/^#\/radio$/, () => renderRadio(view), 'radio'],
];

function route() {
  if (!session.key) return;
  cleanup?.();
  cleanup = null;
  const hash = location.hash || '#/devices';
  for (const [pattern, render, nav] of routes) {
    const match = hash.match(pattern);
    if (match) {
      for (const link of document.querySelectorAll('[data-nav]')) link.classList.toggle('active', link.dataset.nav === nav);
      view.replaceChildren();
      cleanup = render(match) ?? null;
      return;
    }
  }
  location.hash = '#/devices';
}

function setFeedState(open) {
  feedState.textContent = open ? 'feed: live' : 'feed: reconnecting';
  feedState.classList.toggle('on', open);
  feedState.dataset.open = String(open);
}

async function enter() {
  signIn.hidden = true;
  app.hidden = false;
  document.body.dataset.role = session.role;
  await store.start(setFeedState);
  route();
  // Shown last: it tells the user (and the tests) that the first view is ready and will not be drawn again.
  document.getElementById('role').textContent = session.role;
}

function leave(message) {
  store.stop();
  cleanup?.();
  cleanup = null;
  session.clear();
  view.replaceChildren();
  document.getElementById('role').textContent = '';
  app.hidden = true;
  signIn.hidden = false;
  document.getElementById('sign-in-error').textContent = message ?? '';
  document.getElementById('api-key').value = '';
}

document.getElementById('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const key = document.getElementById('api-key').value.trim();
  const error = document.getElementById('sign-in-error');
  error.textContent = '';
  try {
    const me = await api('/me', { key });
    session.save(key, me.role);
    await enter();
  } catch (e) {
    error.textContent = e instanceof ApiError && e.status === 401 ? 'That key is unknown, revoked or malformed.' : `Sign-in failed: ${e.message}`;
  }
});
document.getElementById('sign-out').addEventListener('click', () => leave());
whenUnauthorized(() => leave('The key is no longer accepted; sign in again.'));
window.addEventListener('hashchange', route);

if (session.key) {
  enter().catch(e => leave(`Sign-in failed: ${e.message}`));
}
