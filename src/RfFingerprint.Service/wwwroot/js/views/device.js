import { api } from '../api.js';
import { applyRole } from '../session.js';
import { drawCfoChart } from '../cfochart.js';
import { drawMessage, drawSpectrogram } from '../spectrogram.js';
import { db, esc, hz, int, num, time, verdictBadge } from '../format.js';

/** Recent events tried, newest first, for a burst whose spectrogram can be recomputed. */
const MAX_TRIES = 5;

export function renderDevice(main, id) {
  main.innerHTML = `
    <section class="card">
      <p><a href="#/devices">← Devices</a></p>
      <div class="row" style="justify-content: space-between">
        <h2 data-testid="device-name">Device</h2>
        <button data-role="admin" data-testid="device-lifecycle" hidden></button>
      </div>
      <p class="error" role="alert" data-testid="device-error"></p>
      <dl class="facts" data-testid="device-facts"></dl>
    </section>
    <section class="card">
      <h3>CFO over time</h3>
      <canvas class="chart" data-testid="cfo-chart" role="img" aria-label="CFO of each burst over time with the enrolled range"></canvas>
      <p class="note">Each dot is a burst attributed to this device, coloured by verdict; the band is the CFO range the device was enrolled with.</p>
    </section>
    <section class="grid2">
      <div class="card"><h3>Enrolment (mean spectrogram)</h3><canvas class="spectro" data-testid="enrolment-spectrogram" role="img" aria-label="mean spectrogram of the enrolment bursts"></canvas>
        <p class="note" data-testid="enrolment-spectrogram-note"></p></div>
      <div class="card"><h3>Latest burst</h3><canvas class="spectro" data-testid="latest-spectrogram" role="img" aria-label="spectrogram of the latest burst"></canvas>
        <p class="note" data-testid="latest-spectrogram-note"></p></div>
    </section>
    <section class="card">
      <h3>Recent events</h3>
      <div class="scroll"><table data-testid="recent-events">
        <thead><tr><th>Time</th><th>Verdict</th><th class="num">CFO</th><th class="num">SNR</th><th class="num">Score</th><th>Claimed</th><th class="num">Capture</th></tr></thead>
        <tbody></tbody></table></div>
    </section>`;
  applyRole(main);
  const error = main.querySelector('[data-testid=device-error]');
  const lifecycle = main.querySelector('[data-testid=device-lifecycle]');
  lifecycle?.addEventListener('click', async () => {
    const action = lifecycle.dataset.action;
    if (action === 'revoke' && !confirm('Revoke this device? Its bursts will no longer authenticate.')) return;
    try {
      await api(`/devices/${id}/${action}`, { method: 'POST' });
      await load();
    } catch (e) {
      error.textContent = `${action} failed: ${e.message}`;
    }
  });
  const chart = main.querySelector('[data-testid=cfo-chart]');
  let overview = null;

  const redraw = () => {
    if (!overview) return;
    const e = overview.enrolment;
    drawCfoChart(chart, overview.cfoHistory, e ? { lowerHz: e.cfoRangeLowerHz, upperHz: e.cfoRangeUpperHz, meanHz: e.cfoMeanHz } : null);
  };

  /** The newest burst that can still be recomputed (a live session's bursts have no recording to go back to). */
  async function latestBurst(canvas, note, events) {
    if (events.length === 0) { drawMessage(canvas, 'no burst yet'); return; }
    drawMessage(canvas, 'computing…');
    let reason = '';
    for (const e of events.slice(0, MAX_TRIES)) {
      try {
        const s = await api(`/dashboard/bursts/${e.captureId}/${e.sampleIndex}/spectrogram`);
        drawSpectrogram(canvas, s);
        note.textContent = `${time(e.timeUtc)}, CFO ${hz(s.cfoHz)}, SNR ${db(s.snrDb)}${e === events[0] ? '' : ' (newest with a recording)'}`;
        return;
      } catch (error) {
        if (error.status !== 404) { drawMessage(canvas, error.message); return; }
        reason = error.message;
      }
    }
    drawMessage(canvas, reason);
  }

  async function spectrogram(canvas, note, path, describe) {
    drawMessage(canvas, 'computing…');
    try {
      const s = await api(path);
      drawSpectrogram(canvas, s);
      note.textContent = describe(s);
    } catch (e) {
      drawMessage(canvas, e.message);
      note.textContent = '';
    }
  }

  async function load() {
    try {
      overview = await api(`/dashboard/devices/${id}`);
    } catch (e) {
      error.textContent = `Could not load device ${id}: ${e.message}`;
      return;
    }
    const { device, enrolment, recentEvents } = overview;
    main.querySelector('[data-testid=device-name]').textContent = device.name;
    if (lifecycle) {
      const active = device.status === 'active';
      lifecycle.dataset.action = active ? 'revoke' : 'reactivate';
      lifecycle.textContent = active ? 'Revoke' : 'Reactivate';
      lifecycle.className = active ? 'danger' : 'secondary';
      lifecycle.hidden = false;
    }
    main.querySelector('[data-testid=device-facts]').innerHTML = `
      <dt>Status</dt><dd class="status-${esc(device.status)}">${esc(device.status)}</dd>
      <dt>DevEUI</dt><dd>${esc(device.devEui ?? '–')}</dd>
      <dt>DevAddrs</dt><dd>${esc(device.devAddrs.join(', ') || '–')}</dd>
      <dt>Enrolment</dt><dd data-testid="device-enrolment">${enrolment
        ? `${int(Math.max(enrolment.embeddingCount, enrolment.cfoCount))} bursts, CFO ${hz(enrolment.cfoMeanHz)} ± ${hz(enrolment.cfoStdHz)}, accepted ${hz(enrolment.cfoRangeLowerHz)} … ${hz(enrolment.cfoRangeUpperHz)}`
        : 'not enrolled under the current model'}</dd>
      <dt>Notes</dt><dd>${esc(device.hardwareNotes ?? '–')}</dd>`;
    redraw();
    main.querySelector('tbody').innerHTML = recentEvents.length === 0
      ? '<tr><td colspan="7" class="muted">No event attributed to this device yet.</td></tr>'
      : recentEvents.map(e => `<tr class="verdict-${esc(e.verdict)}" data-testid="recent-event">
          <td>${time(e.timeUtc)}</td><td>${verdictBadge(e.verdict)}</td><td class="num">${hz(e.cfoHz)}</td><td class="num">${db(e.snrDb)}</td>
          <td class="num">${num(e.score)}</td><td>${esc(e.claimedDevAddr ?? e.claimedDevEui ?? '–')}</td><td class="num">${e.captureId}</td></tr>`).join('');

    const enrolCanvas = main.querySelector('[data-testid=enrolment-spectrogram]');
    const enrolNote = main.querySelector('[data-testid=enrolment-spectrogram-note]');
    const latestCanvas = main.querySelector('[data-testid=latest-spectrogram]');
    const latestNote = main.querySelector('[data-testid=latest-spectrogram-note]');
    if (enrolment) {
      spectrogram(enrolCanvas, enrolNote, `/dashboard/devices/${id}/enrolment-spectrogram`, s => `mean of ${s.bursts} enrolment bursts`);
    } else {
      drawMessage(enrolCanvas, 'not enrolled');
    }
    latestBurst(latestCanvas, latestNote, recentEvents);
  }

  load();

  window.addEventListener('resize', redraw);
  return () => window.removeEventListener('resize', redraw);
}
