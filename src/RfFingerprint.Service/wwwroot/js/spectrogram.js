// Draws a spectrogram answer of /api/v1/dashboard/... (row-major frequency x time, row 0 lowest) on a canvas.
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]]; // viridis at 0, .25, .5, .75, 1

function colour(t) {
  const x = Math.min(Math.max(t, 0), 1) * (STOPS.length - 1);
  const i = Math.min(Math.floor(x), STOPS.length - 2);
  const f = x - i;
  return STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
}

/** Sizes the canvas's backing store to its CSS box (times the pixel ratio) and returns its 2D context. */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

export function drawSpectrogram(canvas, spectrogram) {
  const { frequencyBins: rows, timeFrames: columns, values, minValue, maxValue } = spectrogram;
  const image = new ImageData(columns, rows);
  const span = maxValue - minValue || 1;
  for (let row = 0; row < rows; row++) {
    const y = rows - 1 - row; // lowest frequency at the bottom
    for (let column = 0; column < columns; column++) {
      const [r, g, b] = colour((values[row * columns + column] - minValue) / span);
      const at = (y * columns + column) * 4;
      image.data[at] = r; image.data[at + 1] = g; image.data[at + 2] = b; image.data[at + 3] = 255;
    }
  }
  const tile = document.createElement('canvas');
  tile.width = columns; tile.height = rows;
  tile.getContext('2d').putImageData(image, 0, 0);
  const context = fitCanvas(canvas);
  const width = canvas.clientWidth, height = canvas.clientHeight;
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, width, height);
  context.drawImage(tile, 0, 0, width, height);
  const top = spectrogram.lowestFrequencyHz + spectrogram.binWidthHz * (rows - 1);
  context.fillStyle = 'rgba(255,255,255,.85)';
  context.font = '11px system-ui, sans-serif';
  context.fillText(`${(top / 1000).toFixed(0)} kHz`, 4, 12);
  context.fillText(`${(spectrogram.lowestFrequencyHz / 1000).toFixed(0)} kHz`, 4, height - 4);
  const label = `${(columns * spectrogram.frameSeconds * 1000).toFixed(1)} ms`;
  context.fillText(label, width - context.measureText(label).width - 4, height - 4);
  canvas.dataset.drawn = 'true';
}

/** Shows `message` in place of a picture (no data, or an error). */
export function drawMessage(canvas, message) {
  const context = fitCanvas(canvas);
  context.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
  context.fillStyle = '#cfd6e4';
  context.font = '13px system-ui, sans-serif';
  wrap(context, message, 10, 22, canvas.clientWidth - 20, 17);
  canvas.dataset.drawn = 'false';
}

function wrap(context, text, x, y, width, lineHeight) {
  let line = '';
  for (const word of text.split(' ')) {
    const test = line ? `${line} ${word}` : word;
    if (context.measureText(test).width > width && line) { context.fillText(line, x, y); line = word; y += lineHeight; } else line = test;
  }
  context.fillText(line, x, y);
}
