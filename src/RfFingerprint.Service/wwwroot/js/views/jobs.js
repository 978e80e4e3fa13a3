import { api } from '../api.js';
import { applyRole } from '../session.js';
import { refreshDevices } from '../store.js';
import { tar } from '../tar.js';
import { esc, int, time } from '../format.js';

const META = '.sigmf-meta', DATA = '.sigmf-data', ARCHIVE = '.sigmf';

export function renderJobs(main) {
  main.innerHTML = `
    <section class="grid2">
      <div class="card" data-role="operator" data-testid="upload-card">
        <h2>Upload a capture</h2>
        <form class="form" data-testid="upload-form">
          <label><span>Files: a SigMF archive (<code>.sigmf</code>), a <code>.sigmf-meta</code> + <code>.sigmf-data</code> pair, or raw cf32</span>
            <input type="file" multiple data-testid="upload-files" required></label>
          <label>Name in the capture folder <input data-testid="upload-name" pattern="[A-Za-z0-9._-]{1,128}" placeholder="from the file name"></label>
          <label>Sample rate, Hz (raw cf32 only) <input type="number" min="1" step="any" data-testid="upload-rate"></label>
          <button type="submit" data-testid="upload-button">Upload</button>
          <p class="error" role="alert" data-testid="upload-error"></p>
          <p class="note" data-testid="upload-result"></p>
        </form>
      </div>
      <div class="card" data-role="admin" data-testid="enrol-card">
        <h2>Enrol a device</h2>
        <form class="form" data-testid="enrol-form">
          <label>Device name (as the recordings' annotations name it) <input data-testid="enrol-name" required maxlength="200"></label>
          <fieldset class="form" data-testid="enrol-captures"><legend class="note">Recordings</legend></fieldset>
          <button type="submit" data-testid="enrol-button">Enrol</button>
          <p class="error" role="alert" data-testid="enrol-error"></p>
        </form>
      </div>
    </section>
    <section class="card">
      <h2>Captures</h2>
      <p class="error" role="alert" data-testid="captures-error"></p>
      <div class="scroll"><table data-testid="captures-table">
        <thead><tr><th>Name</th><th class="num">Size</th><th>Modified</th><th data-role="operator"></th></tr></thead>
        <tbody></tbody></table></div>
    </section>
    <section class="card">
      <h2>Jobs</h2>
      <div class="scroll"><table data-testid="jobs-table">
        <thead><tr><th>Kind</th><th>What</th><th>State</th><th style="min-width: 10rem">Progress</th><th>Message / result</th><th>Submitted</th></tr></thead>
        <tbody></tbody></table></div>
    </section>`;
  applyRole(main);
  const capturesBody = main.querySelector('[data-testid=captures-table] tbody');
  const jobsBody = main.querySelector('[data-testid=jobs-table] tbody');
  const capturesError = main.querySelector('[data-testid=captures-error]');
  const enrolCaptures = main.querySelector('[data-testid=enrol-captures]');
  const uploadForm = main.querySelector('[data-testid=upload-form]');
  const enrolForm = main.querySelector('[data-testid=enrol-form]');

  async function loadCaptures() {
    try {
      const captures = await api('/captures');
      capturesBody.innerHTML = captures.length === 0
        ? '<tr><td colspan="4" class="muted">The capture folder is empty.</td></tr>'
        : captures.map(c => `<tr data-testid="capture-row" data-name="${esc(c.name)}"><td>${esc(c.name)}</td><td class="num">${int(c.sizeBytes)} B</td>
            <td>${time(c.modifiedUtc)}</td><td data-role="operator"><button data-action="replay" data-testid="replay">Replay</button></td></tr>`).join('');
      applyRole(capturesBody);
      if (enrolCaptures.isConnected) {
        const checked = new Set([...enrolCaptures.querySelectorAll('input:checked')].map(i => i.value));
        enrolCaptures.innerHTML = '<legend class="note">Recordings</legend>' + captures.map(c => `<label class="check">
          <input type="checkbox" value="${esc(c.name)}" data-testid="enrol-capture" ${checked.has(c.name) ? 'checked' : ''}> ${esc(c.name)}</label>`).join('');
      }
      capturesError.textContent = '';
    } catch (e) {
      capturesError.textContent = `Could not list captures: ${e.message}`;
    }
  }

  let jobsTimer = null;
  async function loadJobs() {
    clearTimeout(jobsTimer);
    try {
      const jobs = await api('/jobs');
      jobsBody.innerHTML = jobs.length === 0
        ? '<tr><td colspan="6" class="muted">No job yet.</td></tr>'
        : jobs.map(j => `<tr data-testid="job-row" data-job-id="${esc(j.id)}" data-state="${esc(j.state)}" data-kind="${esc(j.kind)}">
            <td>${esc(j.kind)}</td><td>${esc(describeRequest(j))}</td><td data-testid="job-state">${esc(j.state)}</td>
            <td><progress max="1" value="${j.state === 'succeeded' ? 1 : j.progress}"></progress></td>
            <td class="wrap">${esc(j.error ?? describeResult(j) ?? j.message ?? '')}</td><td>${time(j.createdUtc)}</td></tr>`).join('');
      if (jobs.some(j => j.state === 'succeeded' && j.kind === 'enrolment')) refreshDevices().catch(() => {});
      const busy = jobs.some(j => !['succeeded', 'failed'].includes(j.state));
      jobsTimer = setTimeout(loadJobs, busy ? 500 : 3000);
    } catch {
      jobsTimer = setTimeout(loadJobs, 3000);
    }
  }

  capturesBody.addEventListener('click', async event => {
    const button = event.target.closest('button[data-action=replay]');
    if (!button) return;
    const name = button.closest('tr').dataset.name;
    button.disabled = true;
    try {
      await api('/replays', { method: 'POST', body: { capture: name } });
      loadJobs();
    } catch (e) {
      capturesError.textContent = `Replay of ${name} refused: ${e.message}`;
    } finally {
      button.disabled = false;
    }
  });

  uploadForm?.addEventListener('submit', async event => {
    event.preventDefault();
    const error = main.querySelector('[data-testid=upload-error]');
    const result = main.querySelector('[data-testid=upload-result]');
    error.textContent = ''; result.textContent = '';
    try {
      const files = [...main.querySelector('[data-testid=upload-files]').files];
      const { body, contentType, baseName, headers } = packUpload(files, main.querySelector('[data-testid=upload-rate]').value);
      const name = main.querySelector('[data-testid=upload-name]').value.trim() || baseName;
      const created = await api(`/captures?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { 'Content-Type': contentType, ...headers } });
      result.textContent = `Stored as ${created.name} (${int(created.sizeBytes)} B).`;
      uploadForm.reset();
      loadCaptures();
    } catch (e) {
      error.textContent = `Upload failed: ${e.message}`;
    }
  });

  enrolForm?.addEventListener('submit', async event => {
    event.preventDefault();
    const error = main.querySelector('[data-testid=enrol-error]');
    error.textContent = '';
    const captures = [...enrolCaptures.querySelectorAll('input:checked')].map(i => i.value);
    if (captures.length === 0) { error.textContent = 'Pick at least one recording.'; return; }
    try {
      await api('/enrolments', { method: 'POST', body: { deviceName: main.querySelector('[data-testid=enrol-name]').value.trim(), captures } });
      enrolForm.reset();
      loadJobs();
    } catch (e) {
      error.textContent = `Enrolment refused: ${e.message}`;
    }
  });

  loadCaptures();
  loadJobs();
  const capturesTimer = setInterval(loadCaptures, 10000);
  return () => { clearInterval(capturesTimer); clearTimeout(jobsTimer); jobsTimer = null; };
}

/** The request body for the chosen files: an archive as is, a meta/data pair packed into one, or raw cf32. */
function packUpload(files, rate) {
  const archive = files.find(f => f.name.endsWith(ARCHIVE));
  if (archive && files.length === 1) {
    return { body: archive, contentType: 'application/x-tar', baseName: archive.name.slice(0, -ARCHIVE.length), headers: {} };
  }
  const meta = files.find(f => f.name.endsWith(META));
  const data = files.find(f => f.name.endsWith(DATA));
  if (meta && data && files.length === 2) {
    const base = meta.name.slice(0, -META.length);
    if (data.name.slice(0, -DATA.length) !== base) throw new Error('the .sigmf-meta and .sigmf-data files must share a name');
    return {
      body: tar([{ name: `${base}/${base}${META}`, blob: meta }, { name: `${base}/${base}${DATA}`, blob: data }]),
      contentType: 'application/x-tar', baseName: base, headers: {},
    };
  }
  if (files.length === 1) {
    if (!(Number(rate) > 0)) throw new Error('a raw cf32 upload needs its sample rate');
    return {
      body: files[0], contentType: 'application/octet-stream', baseName: files[0].name.replace(/\.[^.]*$/, ''),
      headers: { 'X-Sample-Rate-Hz': String(rate) },
    };
  }
  throw new Error('choose one archive, one meta/data pair, or one raw file');
}

function describeRequest(job) {
  const r = job.request ?? {};
  if (job.kind === 'replay') return r.capture ?? '';
  if (job.kind === 'enrolment') return `${r.deviceName ?? ''} from ${(r.captures ?? []).join(', ')}`;
  return r.durationSeconds ? `${r.durationSeconds} s` : '';
}

function describeResult(job) {
  const r = job.result;
  if (!r) return null;
  if (job.kind === 'replay' && r.bursts !== undefined) return `${r.bursts} bursts, ${r.eventsWritten ?? r.events ?? '?'} events`;
  if (job.kind === 'enrolment' && r.burstsUsed !== undefined) return `${r.burstsUsed} bursts enrolled, ${r.burstsSkipped ?? 0} skipped`;
  return JSON.stringify(r).slice(0, 120);
}
