// Draws NewsBot's Teams icons without any image assets or packages: a newspaper page (headline, text, picture).
//   color.png   192×192, the accent colour with a white newspaper (Teams' full-colour icon)
//   outline.png  32×32, the same newspaper in white on transparent (Teams' outline icon)
// Run from anywhere: node manifest/teams/draw-icons.mjs (rewrites both files beside this script).
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ACCENT = [0x1f, 0x3a, 0x5f];
const WHITE = [0xff, 0xff, 0xff];

/** The newspaper in a unit square: true where the shape is, for a point (x, y) in [0, 1); fewer strokes when small. */
function newspaper(x, y, stroke, detailed) {
  const inRect = (l, t, r, b) => x >= l && x < r && y >= t && y < b;
  const frame = (l, t, r, b) => inRect(l, t, r, b) && !inRect(l + stroke, t + stroke, r - stroke, b - stroke);
  const page = frame(0.16, 0.2, 0.84, 0.8);
  const headline = inRect(0.28, 0.3, 0.72, 0.3 + (detailed ? 2 : 1) * stroke);
  const lines = (detailed ? [0.46, 0.58] : [0.5]).some((t) => inRect(0.28, t, 0.47, t + stroke));
  const picture = inRect(0.56, 0.44, 0.72, 0.62);
  const footer = detailed && inRect(0.28, 0.68, 0.72, 0.68 + stroke);
  return page || headline || lines || picture || footer;
}

/** Coverage of a pixel (0–1) from 4×4 supersampling, for smooth edges. */
function coverage(px, py, size, stroke, detailed) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (newspaper((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size, stroke, detailed)) hits++;
    }
  }
  return hits / 16;
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG from a function giving [r, g, b, a] for each pixel. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    raw[y * (1 + size * 4)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (1 + size * 4) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const mix = (from, to, t) => from.map((f, i) => Math.round(f + (to[i] - f) * t));

writeFileSync(join(here, "color.png"), png(192, (x, y) => [...mix(ACCENT, WHITE, coverage(x, y, 192, 0.045, true)), 255]));
writeFileSync(join(here, "outline.png"), png(32, (x, y) => [...WHITE, Math.round(255 * coverage(x, y, 32, 1 / 16, false))]));
console.log("wrote color.png (192×192) and outline.png (32×32)");
