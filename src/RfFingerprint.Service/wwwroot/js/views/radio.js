import { api } from '../api.js';
import { applyRole } from '../session.js';
import { esc, int, time } from '../format.js';

export function renderRadio(main) {
  main.innerHTML = `
    <section class="card">
      <div class="row" style="justify-content: space-between">
        <h2>Radio and capture session</h2>
        <div class="row" data-role="operator" data-testid="session-controls">
          <label class="note">Record <select data-testid="record-mode">
            <option value="none">nothing</option><option value="bursts">bursts</option><option value="stream">stream</option></select></label>
          <button data-testid="start-session">Start</button>
          <button class="danger" data-testid="stop-session">Stop</button>
        </div>
      </div>
      <p class="error" role="alert" data-testid="radio-error"></p>
      <div class="stats">
        <div class="stat"><div class="value" data-testid="session-state">–</div><div class="label">state</div></div>
        <div class="stat"><div class="value" data-testid="sample-rate">–</div><div class="label">configured sample rate</div></div>
        <div class="stat"><div class="value" data-testid="measured-rate">–</div><div class="label">samples/s received</div></div>
        <div class="stat"><div class="value" data-testid="overflows">–</div><div class="label">samples lost by the radio (overflows)</div></div>
        <div class="stat"><div class="value" data-testid="dropped">–</div><div class="label">samples dropped (pipeline behind)</div></div>
        <div class="stat"><div class="value" data-testid="bursts">–</div><div class="label">bursts decided</div></div>
        <div class="stat"><div class="value" data-testid="bursts-per-second">–</div><div class="label">bursts/s</div></div>
      </div>
      <dl class="facts" style="margin-top: 1rem" data-testid="session-facts"></dl>
    </section>`;
  applyRole(main);
  const error = main.querySelector('[data-testid=radio-error]');
  const set = (id, text) => { main.querySelector(`[data-testid=${id}]`).textContent = text; };
  let previous = null;
  let timer = null;

  async function poll() {
    clearTimeout(timer);
    try {
      const radio = await api('/dashboard/radio');
      const s = radio.session;
      const now = performance.now();
      set('session-state', s.state);
      set('sample-rate', radio.sampleRateHz ? `${(radio.sampleRateHz / 1e6).toLocaleString('en')} MS/s` : '–');
      set('overflows', int(s.samplesLostBySource));
      set('dropped', int(s.samplesDropped));
      set('bursts', int(s.bursts));
      if (previous && previous.sessionId === s.sessionId && s.state === 'running') {
        const seconds = (now - previous.at) / 1000;
        set('measured-rate', int(Math.round((s.samplesReceived - previous.samples) / seconds)));
        set('bursts-per-second', ((s.bursts - previous.bursts) / seconds).toFixed(1));
      } else if (s.state !== 'running') {
        set('measured-rate', '0'); set('bursts-per-second', '0.0');
      }
      previous = { at: now, sessionId: s.sessionId, samples: s.samplesReceived, bursts: s.bursts };
      main.querySelector('[data-testid=session-facts]').innerHTML = `
        <dt>Source</dt><dd>${esc(radio.source)}: ${esc(s.source ?? '–')}</dd>
        <dt>Session</dt><dd>${esc(s.sessionId ?? '–')}</dd>
        <dt>Started</dt><dd>${time(s.startedUtc)}</dd>
        <dt>Stops</dt><dd>${time(s.stopsUtc)}</dd>
        <dt>Recording</dt><dd>${esc(s.record)}${s.recordingPath ? ` → ${esc(s.recordingPath)}` : ''}</dd>
        <dt>Samples received</dt><dd>${int(s.samplesReceived)}</dd>
        <dt>Error</dt><dd data-testid="session-error">${esc(s.error ?? '–')}</dd>`;
      const start = main.querySelector('[data-testid=start-session]');
      const stop = main.querySelector('[data-testid=stop-session]');
      if (start) { start.disabled = s.state === 'running'; stop.disabled = s.state !== 'running'; }
      error.textContent = '';
    } catch (e) {
      error.textContent = `Could not read the radio's status: ${e.message}`;
    }
    timer = setTimeout(poll, 1000);
  }

  main.querySelector('[data-testid=start-session]')?.addEventListener('click', async () => {
    try {
      await api('/capture-sessions', { method: 'POST', body: { record: main.querySelector('[data-testid=record-mode]').value } });
    } catch (e) {
      error.textContent = `Start refused: ${e.message}`;
    }
    poll();
  });
  main.querySelector('[data-testid=stop-session]')?.addEventListener('click', async () => {
    try {
      await api('/capture-sessions/stop', { method: 'POST' });
    } catch (e) {
      error.textContent = `Stop refused: ${e.message}`;
    }
    poll();
  });

  poll();
  return () => { clearTimeout(timer); timer = null; };
}
