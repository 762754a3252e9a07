import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Files worth compressing (fonts and images other than SVG are compressed already). */
const COMPRESSIBLE = /\.(js|css|svg|map|json)$/;

/**
 * Writes a brotli and a gzip copy beside each compressible file of a folder
 * (file.css.br, file.css.gz), which @fastify/static sends to browsers that
 * take them (src/platform/http/assets.ts). `npm run build` makes them all;
 * at start the portal remakes only those older than their file (a stylesheet
 * edited since the build), so a stale copy is never sent.
 */
export function precompress(dir: string, onlyStale = false): number {
  if (!existsSync(dir)) return 0;
  let written = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = join(dir, name);
    if (!COMPRESSIBLE.test(name) || !statSync(file).isFile()) continue;
    const modified = statSync(file).mtimeMs;
    const copies = [`${file}.br`, `${file}.gz`];
    if (onlyStale && !copies.some((copy) => existsSync(copy) && statSync(copy).mtimeMs < modified)) continue;
    const bytes = readFileSync(file);
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    const gz = gzipSync(bytes, { level: 9 });
    // A copy no smaller than the file is not worth negotiating.
    if (br.length < bytes.length) writeFileSync(copies[0] as string, br);
    if (gz.length < bytes.length) writeFileSync(copies[1] as string, gz);
    written++;
  }
  return written;
}
