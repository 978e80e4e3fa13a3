export const VERDICTS = ['authenticated', 'unknown_device', 'identity_mismatch', 'cfo_out_of_range', 'undecodable'];
export const VERDICT_LABELS = {
  authenticated: 'authenticated', unknown_device: 'unknown device', identity_mismatch: 'identity mismatch',
  cfo_out_of_range: 'CFO out of range', undecodable: 'undecodable',
};
export const VERDICT_COLOURS = {
  authenticated: '#1b873f', unknown_device: '#c77700', identity_mismatch: '#c42b2b', cfo_out_of_range: '#7a3fc2', undecodable: '#7d8593',
};

export function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
export const hz = v => (v === null || v === undefined ? '–' : `${Math.round(v).toLocaleString('en')} Hz`);
export const db = v => (v === null || v === undefined ? '–' : `${v.toFixed(1)} dB`);
export const num = (v, digits = 3) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
export const int = v => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en'));
export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 23)}`;
}
export function verdictBadge(verdict) {
  return `<span class="badge verdict-${esc(verdict)}" data-verdict="${esc(verdict)}">${esc(VERDICT_LABELS[verdict] ?? verdict)}</span>`;
}
