/** Bundles the browser scripts (src/client) into dist/client, minified, for modern browsers; precompresses the static files. */
import { build } from "esbuild";
import { precompress } from "../src/platform/http/precompress.js";

await build({
  entryPoints: ["src/client/enhance.ts"],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022"],
  outdir: "dist/client",
  sourcemap: true,
  logLevel: "warning",
});

// The service worker: a classic script, served at /sw.js by src/pwa/routes.tsx (which puts its list of files in front).
await build({
  entryPoints: ["src/client/sw.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2022"],
  outdir: "dist/client",
  logLevel: "warning",
});

// Static files compressed once, here, with brotli and gzip beside each, so the portal compresses nothing per request.
for (const dir of ["dist/client", "public/css", "public/images"]) precompress(dir);
