import { existsSync, readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { assetUrl } from "../platform/http/assets.js";
import { NotFoundError } from "../platform/http/errors.js";
import { locales, localizePath } from "../platform/i18n/locales.js";
import { fromRoot } from "../platform/paths.js";
import { webManifest } from "./manifest.js";
import { OfflinePage } from "./views/OfflinePage.js";

/** The font files the stylesheet names (unfingerprinted addresses), kept so saved pages read well offline. */
const fontAssets = ["arabic", "latin"].flatMap((subset) =>
  [400, 700].map((weight) => `/assets/fonts/ibm-plex-sans-arabic-${subset}-${weight}-normal.woff2`),
);

/** What the worker keeps at installation: the offline page in each language and what every page loads. */
export function precacheList(): string[] {
  return [
    ...locales.map((locale) => localizePath(locale, "/offline")),
    ...["css/hukoomi.css", "css/print.css", "images/favicon.svg", "js/enhance.js"].map(assetUrl),
    ...fontAssets,
  ];
}

/** The manifest and the offline page, in each language (registered under / and /en). */
export async function pwaPageRoutes(app: FastifyInstance) {
  app.get("/manifest.webmanifest", async (request, reply) =>
    reply
      .type("application/manifest+json; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(JSON.stringify(webManifest(request.locale))),
  );

  app.get("/offline", async (request, reply) =>
    reply.header("cache-control", "no-cache").page({
      title: request.tr.t("pwa.offline.title"),
      body: <OfflinePage />,
      noindex: true,
      hideFeedback: true,
    }),
  );
}

let workerSource: string | undefined;

/**
 * The service worker at /sw.js (the root, so its scope is the whole site),
 * built from src/client/sw.js. The list of files to keep is put in front of
 * it, so a new stylesheet also makes a new worker.
 */
export async function serviceWorkerRoutes(app: FastifyInstance) {
  app.get("/sw.js", async (_request, reply) => {
    const file = fromRoot("dist", "client", "sw.js");
    if (workerSource === undefined) {
      if (!existsSync(file)) throw new NotFoundError();
      workerSource = readFileSync(file, "utf8");
    }
    return reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(`self.hukoomiPrecache=${JSON.stringify(precacheList())};\n${workerSource}`);
  });
}
