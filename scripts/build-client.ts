/** Bundles the browser scripts (src/client) into dist/client, minified, for modern browsers. */
import { build } from "esbuild";

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
