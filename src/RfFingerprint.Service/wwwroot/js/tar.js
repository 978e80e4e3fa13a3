// Packs files into a POSIX ustar archive in the browser, so a SigMF meta/data pair can be uploaded as the one
// SigMF archive (NAME.sigmf: NAME/NAME.sigmf-meta + NAME/NAME.sigmf-data) the service accepts.
const BLOCK = 512;
const encoder = new TextEncoder();

function field(header, offset, length, text) {
  header.set(encoder.encode(text).subarray(0, length), offset);
}
const octal = (value, length) => value.toString(8).padStart(length - 1, '0') + '\0';

function header(name, size) {
  const h = new Uint8Array(BLOCK);
  field(h, 0, 100, name);
  field(h, 100, 8, '0000644\0');
  field(h, 108, 8, '0000000\0');
  field(h, 116, 8, '0000000\0');
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(Math.floor(Date.now() / 1000), 12));
  field(h, 148, 8, '        '); // checksum counts itself as spaces
  field(h, 156, 1, '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  const sum = h.reduce((a, b) => a + b, 0);
  field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** A Blob holding `entries` ({name, blob}) as a tar archive. */
export function tar(entries) {
  const parts = [];
  for (const { name, blob } of entries) {
    parts.push(header(name, blob.size), blob);
    const pad = (BLOCK - (blob.size % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return new Blob(parts, { type: 'application/x-tar' });
}
