import { api } from '../api.js';
import { onChange, store } from '../store.js';
import { drawMessage, drawSpectrogram } from '../spectrogram.js';
import { VERDICTS, VERDICT_LABELS, db, esc, hz, num, time, verdictBadge } from '../format.js';

const NONE = '(none)';

export function renderLive(main) {
  main.innerHTML = `
    <section class="grid3">
      <div class="card">
        <h2>Live events</h2>
        <div class="filters">
          <label>Device <select data-testid="filter-device"><option value="">all</option></select></label>
          <label>Verdict <select data-testid="filter-verdict"><option value="">all</option>
            ${VERDICTS.map(v => `<option value="${v}">${VERDICT_LABELS[v]}</option>`).join('')}</select></label>
          <span class="note" data-testid="event-count"></span>
        </div>
        <div class="legend" data-testid="verdict-legend">${VERDICTS.map(verdictBadge).join('')}</div>
        <div class="scroll"><table data-testid="live-events">
          <thead><tr><th>Time</th><th>Verdict</th><th>Device</th><th>Claimed</th><th class="num">CFO</th><th class="num">SNR</th><th class="num">Score</th><th>Source</th></tr></thead>
          <tbody></tbody></table></div>
      </div>
      <aside class="card" data-testid="burst-detail">
        <h2>Burst</h2>
        <p class="muted" data-testid="burst-hint">Select an event to see its spectrogram and decision.</p>
        <canvas class="spectro" data-testid="burst-spectrogram" role="img" aria-label="spectrogram of the selected burst" hidden></canvas>
        <dl class="facts" data-testid="burst-facts"></dl>
      </aside>
    </section>`;
  const body = main.querySelector('tbody');
  const deviceFilter = main.querySelector('[data-testid=filter-device]');
  const verdictFilter = main.querySelector('[data-testid=filter-verdict]');
  const count = main.querySelector('[data-testid=event-count]');
  let selected = null;

  function fillDevices() {
    const current = deviceFilter.value;
    const names = new Set([...store.devices.values(), ...store.events.map(e => e.device).filter(Boolean)]);
    deviceFilter.innerHTML = `<option value="">all</option><option value="${NONE}">no device</option>`
      + [...names].sort().map(n => `<option value="${esc(n)}">${esc(n)}</option>`).join('');
    deviceFilter.value = [...deviceFilter.options].some(o => o.value === current) ? current : '';
  }

  const keyOf = e => `${e.captureId}:${e.sampleIndex}:${e.verdict}`;
  const passes = e => (!verdictFilter.value || e.verdict === verdictFilter.value)
    && (!deviceFilter.value || (deviceFilter.value === NONE ? !e.device : e.device === deviceFilter.value));

  function rowHtml(e) {
    return `<tr class="clickable verdict-${esc(e.verdict)}${selected === keyOf(e) ? ' selected' : ''}" data-key="${esc(keyOf(e))}"
      data-testid="live-event" data-capture-id="${e.captureId}" data-verdict="${esc(e.verdict)}" data-device="${esc(e.device ?? '')}" data-live="${e.live}">
      <td>${time(e.timeUtc)}</td><td>${verdictBadge(e.verdict)}</td><td>${esc(e.device ?? '–')}</td>
      <td>${esc(e.claimedDevAddr ?? e.claimedDevEui ?? '–')}</td><td class="num">${hz(e.cfoHz)}</td><td class="num">${db(e.snrDb)}</td>
      <td class="num">${num(e.score)}</td><td>${esc(shortSource(e.source))}</td></tr>`;
  }

  function render() {
    const shown = store.events.filter(passes);
    body.innerHTML = shown.length === 0
      ? '<tr><td colspan="8" class="muted">No event matches (yet).</td></tr>'
      : shown.map(rowHtml).join('');
    count.textContent = `${shown.length} of ${store.events.length} shown${store.dropped ? `, ${store.dropped} dropped by the feed` : ''}`;
  }

  async function showDetail(e) {
    const canvas = main.querySelector('[data-testid=burst-spectrogram]');
    main.querySelector('[data-testid=burst-hint]').hidden = true;
    canvas.hidden = false;
    main.querySelector('[data-testid=burst-facts]').innerHTML = `
      <dt>Verdict</dt><dd data-testid="detail-verdict">${verdictBadge(e.verdict)}</dd>
      <dt>Time</dt><dd>${time(e.timeUtc)}</dd>
      <dt>Matched device</dt><dd data-testid="detail-device">${esc(e.device ?? '–')}</dd>
      <dt>Claimed identity</dt><dd>${esc(e.claimedDevAddr ? `DevAddr ${e.claimedDevAddr}` : e.claimedDevEui ? `DevEUI ${e.claimedDevEui}` : '–')}</dd>
      <dt>Score</dt><dd>${num(e.score, 4)}</dd>
      <dt>CFO</dt><dd data-testid="detail-cfo">${hz(e.cfoHz)}</dd>
      <dt>SNR</dt><dd>${db(e.snrDb)}</dd>
      <dt>Capture / sample</dt><dd>${e.captureId} / ${e.sampleIndex}</dd>
      <dt>Model</dt><dd>${esc(e.modelVersion ?? (e.modelVersionId ? `#${e.modelVersionId}` : '–'))}</dd>`;
    if (!e.captureId) {
      drawMessage(canvas, 'This burst was not recorded, so its spectrogram cannot be recomputed.');
      return;
    }
    drawMessage(canvas, 'computing…');
    try {
      const s = await api(`/dashboard/bursts/${e.captureId}/${e.sampleIndex}/spectrogram`);
      if (selected === keyOf(e)) drawSpectrogram(canvas, s);
    } catch (error) {
      if (selected === keyOf(e)) drawMessage(canvas, error.message);
    }
  }

  body.addEventListener('click', event => {
    const row = event.target.closest('tr[data-key]');
    if (!row) return;
    const e = store.events.find(x => keyOf(x) === row.dataset.key);
    if (!e) return;
    selected = row.dataset.key;
    for (const r of body.querySelectorAll('tr.selected')) r.classList.remove('selected');
    row.classList.add('selected');
    showDetail(e);
  });
  deviceFilter.addEventListener('change', render);
  verdictFilter.addEventListener('change', render);

  let pending = false;
  const off = onChange(kind => {
    if (kind === 'devices') fillDevices();
    // Bursts arrive in bunches during a replay: redraw once per frame, not once per event.
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; fillDevices(); render(); });
    }
  });
  fillDevices();
  render();
  return off;
}

function shortSource(source) {
  if (!source) return '–';
  const slash = source.lastIndexOf('/');
  return slash >= 0 ? source.slice(slash + 1) : source;
}
