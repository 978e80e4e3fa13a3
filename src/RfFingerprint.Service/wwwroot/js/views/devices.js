import { api } from '../api.js';
import { applyRole } from '../session.js';
import { refreshDevices } from '../store.js';
import { esc, hz, int, time, verdictBadge } from '../format.js';

export function renderDevices(main) {
  main.innerHTML = `
    <section class="card">
      <div class="row" style="justify-content: space-between">
        <h2>Devices</h2>
        <a href="#/jobs" data-role="admin" data-testid="enrol-link">Enrol a device…</a>
      </div>
      <p class="error" role="alert" data-testid="devices-error"></p>
      <div class="scroll">
        <table data-testid="devices-table">
          <thead><tr><th>Name</th><th>Status</th><th>DevAddrs</th><th class="num">Enrolment</th><th>CFO range</th>
            <th>Last seen</th><th>Last verdict</th><th class="num">Events</th><th data-role="admin">Actions</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>`;
  applyRole(main);
  const body = main.querySelector('tbody');
  const error = main.querySelector('[data-testid=devices-error]');

  async function load() {
    try {
      const rows = await api('/dashboard/devices');
      body.innerHTML = rows.length === 0
        ? '<tr><td colspan="9" class="muted">No device is registered yet.</td></tr>'
        : rows.map(d => `
          <tr class="clickable" data-device-id="${d.id}" data-testid="device-row" data-name="${esc(d.name)}">
            <td><a href="#/devices/${d.id}">${esc(d.name)}</a></td>
            <td class="status-${esc(d.status)}" data-testid="device-status">${esc(d.status)}</td>
            <td>${esc(d.devAddrs.join(', ') || '–')}</td>
            <td class="num" data-testid="enrolment-size">${d.enrolmentSize ? `${int(d.enrolmentSize)} bursts` : 'not enrolled'}</td>
            <td>${d.cfoRangeLowerHz === null ? '–' : `${hz(d.cfoRangeLowerHz)} … ${hz(d.cfoRangeUpperHz)}`}</td>
            <td>${time(d.lastSeenUtc)}</td>
            <td>${d.lastVerdict ? verdictBadge(d.lastVerdict) : '–'}</td>
            <td class="num">${int(d.events)}</td>
            <td data-role="admin">${d.status === 'active'
              ? `<button class="danger" data-action="revoke" data-testid="revoke">Revoke</button>`
              : `<button class="secondary" data-action="reactivate" data-testid="reactivate">Reactivate</button>`}</td>
          </tr>`).join('');
      applyRole(body);
      error.textContent = '';
    } catch (e) {
      error.textContent = `Could not load devices: ${e.message}`;
    }
  }

  body.addEventListener('click', async event => {
    const row = event.target.closest('tr[data-device-id]');
    if (!row) return;
    const action = event.target.closest('button[data-action]')?.dataset.action;
    if (!action) {
      if (!event.target.closest('a')) location.hash = `#/devices/${row.dataset.deviceId}`;
      return;
    }
    if (action === 'revoke' && !confirm(`Revoke ${row.dataset.name}? Its bursts will no longer authenticate.`)) return;
    try {
      await api(`/devices/${row.dataset.deviceId}/${action}`, { method: 'POST' });
      await refreshDevices();
      await load();
    } catch (e) {
      error.textContent = `${action} failed: ${e.message}`;
    }
  });

  load();
  const timer = setInterval(load, 5000);
  return () => clearInterval(timer);
}
