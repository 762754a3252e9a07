/**
 * Draws the portal's mark (public/images/favicon.svg: a white house on a
 * maroon rounded square) as the PNG icons of the web app manifest, into
 * public/images/icons/. Run once, after changing the mark, and commit the
 * files: node scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

type Point = [number, number];
type Rgba = [number, number, number, number];

/** The house of favicon.svg, in its 40 × 40 box: M10 30V14l10-6 10 6v16h-6v-9h-8v9z. */
const house: Point[] = [
  [10, 30],
  [10, 14],
  [20, 8],
  [30, 14],
  [30, 30],
  [24, 30],
  [24, 21],
  [16, 21],
  [16, 30],
];
const maroon: Rgba = [0x8a, 0x15, 0x38, 255];
const white: Rgba = [255, 255, 255, 255];
const clear: Rgba = [0, 0, 0, 0];

function insidePolygon([x, y]: Point, polygon: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare([x, y]: Point, size: number, radius: number): boolean {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/**
 * The colour at a point of the 40 × 40 mark. A maskable icon fills the
 * whole square (the platform cuts its own shape) and draws the house
 * smaller, inside the central safe zone.
 */
function colourAt(point: Point, maskable: boolean): Rgba {
  if (maskable) {
    const scale = 0.7;
    const inner: Point = [(point[0] - 20) / scale + 20, (point[1] - 19) / scale + 19];
    return insidePolygon(inner, house) ? white : maroon;
  }
  if (!insideRoundedSquare(point, 40, 8)) return clear;
  return insidePolygon(point, house) ? white : maroon;
}

/** An RGBA image of the mark, each pixel averaged over 4 × 4 samples for smooth edges. */
function draw(size: number, maskable: boolean): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const point: Point = [((x + (sx + 0.5) / samples) / size) * 40, ((y + (sy + 0.5) / samples) / size) * 40];
          const [r, g, b, a] = colourAt(point, maskable);
          sum[0] = (sum[0] ?? 0) + r * a;
          sum[1] = (sum[1] ?? 0) + g * a;
          sum[2] = (sum[2] ?? 0) + b * a;
          sum[3] = (sum[3] ?? 0) + a;
        }
      }
      const alpha = sum[3] ?? 0;
      const offset = 1 + x * 4;
      row[offset] = alpha ? Math.round((sum[0] ?? 0) / alpha) : 0;
      row[offset + 1] = alpha ? Math.round((sum[1] ?? 0) / alpha) : 0;
      row[offset + 2] = alpha ? Math.round((sum[2] ?? 0) / alpha) : 0;
      row[offset + 3] = Math.round(alpha / (samples * samples));
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, not interlaced. */
function png(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const folder = join(import.meta.dirname, "..", "public", "images", "icons");
mkdirSync(folder, { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
] as const) {
  writeFileSync(join(folder, name), png(size, draw(size, maskable)));
}
