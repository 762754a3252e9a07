import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { fromRoot } from "../paths.js";
import { precompress } from "./precompress.js";

/** Where each kind of asset lives: the committed stylesheets and images, the built scripts, the font package. */
const roots = {
  public: fromRoot("public"),
  scripts: fromRoot("dist", "client"),
  fonts: fromRoot("node_modules", "@fontsource", "ibm-plex-sans-arabic", "files"),
};

/** Only the Arabic and Latin subsets of the two weights the stylesheet uses are served. */
const fontFiles = new Set(
  ["arabic", "latin"].flatMap((subset) => [400, 700].map((w) => `/ibm-plex-sans-arabic-${subset}-${w}-normal.woff2`)),
);

function fileFor(name: string): string {
  if (name.startsWith("js/")) return join(roots.scripts, name.slice(3));
  if (name.startsWith("fonts/")) return join(roots.fonts, name.slice(6));
  return join(roots.public, name);
}

const fingerprints = new Map<string, string>();

/** The address of an asset with a content fingerprint, so browsers may cache it for a year. */
export function assetUrl(name: string): string {
  let version = fingerprints.get(name);
  if (version === undefined) {
    const file = fileFor(name);
    version = existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12) : "";
    fingerprints.set(name, version);
  }
  return version ? `/assets/${name}?v=${version}` : `/assets/${name}`;
}

/** Serves /assets/: stylesheets and images, built scripts and the self-hosted font. */
export const assetsPlugin = fp(async (app: FastifyInstance) => {
  // Addresses carry a content fingerprint (assetUrl), so a year of caching is safe. The brotli or gzip
  // copy made at build time (scripts/build-client.ts) is sent when the browser takes it.
  const common = { maxAge: "365d", immutable: true, preCompressed: true };
  // A file edited since the build has its compressed copies remade before they are served.
  for (const root of [roots.public, roots.scripts]) precompress(root, true);
  await app.register(fastifyStatic, { root: roots.public, prefix: "/assets/", ...common, index: false });
  await app.register(fastifyStatic, {
    root: roots.scripts,
    prefix: "/assets/js/",
    decorateReply: false,
    ...common,
    index: false,
  });
  await app.register(fastifyStatic, {
    root: roots.fonts,
    prefix: "/assets/fonts/",
    decorateReply: false,
    ...common,
    index: false,
    allowedPath: (pathName) => fontFiles.has(pathName),
  });
});
