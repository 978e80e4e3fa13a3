import { fitCanvas } from './spectrogram.js';
import { VERDICT_COLOURS } from './format.js';

/**
 * Draws a device's CFO over time: one dot per burst (coloured by verdict) and the enrolled accepted range as a band.
 * `points` are {timeUtc, cfoHz, verdict}; `range` is {lowerHz, upperHz, meanHz} or null.
 */
export function drawCfoChart(canvas, points, range) {
  const context = fitCanvas(canvas);
  const width = canvas.clientWidth, height = canvas.clientHeight;
  const left = 70, right = 12, top = 12, bottom = 28;
  context.clearRect(0, 0, width, height);
  context.font = '11px system-ui, sans-serif';
  const values = points.map(p => p.cfoHz);
  if (range) values.push(range.lowerHz, range.upperHz);
  if (values.length === 0) {
    context.fillStyle = '#667085';
    context.fillText('no bursts yet', left, height / 2);
    canvas.dataset.drawn = 'false';
    return;
  }
  let low = Math.min(...values), high = Math.max(...values);
  const pad = Math.max((high - low) * 0.1, 50);
  low -= pad; high += pad;
  const times = points.map(p => Date.parse(p.timeUtc));
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (!(t1 > t0)) { t0 = (t0 || Date.now()) - 1000; t1 = t0 + 2000; }
  const x = t => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const y = v => top + (1 - (v - low) / (high - low)) * (height - top - bottom);

  if (range) {
    context.fillStyle = 'rgba(27, 135, 63, .14)';
    context.fillRect(left, y(range.upperHz), width - left - right, y(range.lowerHz) - y(range.upperHz));
    context.strokeStyle = 'rgba(27, 135, 63, .8)';
    context.setLineDash([5, 4]);
    for (const edge of [range.lowerHz, range.upperHz]) {
      context.beginPath(); context.moveTo(left, y(edge)); context.lineTo(width - right, y(edge)); context.stroke();
    }
    context.setLineDash([]);
    context.fillStyle = '#1b873f';
    context.fillText('enrolled range', left + 4, y(range.upperHz) - 3);
  }

  context.strokeStyle = '#d9dde5';
  context.fillStyle = '#667085';
  for (let i = 0; i <= 4; i++) {
    const v = low + ((high - low) * i) / 4;
    context.beginPath(); context.moveTo(left, y(v)); context.lineTo(width - right, y(v)); context.stroke();
    context.fillText(`${Math.round(v)} Hz`, 4, y(v) + 4);
  }
  context.fillText(new Date(t0).toISOString().slice(11, 19), left, height - 8);
  const end = new Date(t1).toISOString().slice(11, 19);
  context.fillText(end, width - right - context.measureText(end).width, height - 8);

  points.forEach((p, i) => {
    context.fillStyle = VERDICT_COLOURS[p.verdict] ?? '#333';
    context.beginPath(); context.arc(x(times[i]), y(p.cfoHz), 3.5, 0, 2 * Math.PI); context.fill();
  });
  canvas.dataset.drawn = 'true';
}
