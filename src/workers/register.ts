import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { loadWorkerContent } from "./content.js";
import { type WorkersRouteOptions, workerChooserRoutes, workerPageRoutes, workerSitemapEntries } from "./routes.js";

export interface WorkersDeps {
  config: Pick<Config, "BASE_URL">;
  /** The visitor's display settings for <html>, from the accessibility area. */
  htmlAttributes: WorkersRouteOptions["htmlAttributes"];
}

/**
 * The workers' portal: the chooser in Arabic and English, the pages in each
 * of the portal's own languages. Gives back its pages for the XML sitemap:
 * the chooser in Arabic and English, each page in the languages it exists in.
 */
export async function register(app: FastifyInstance, { config, htmlAttributes }: WorkersDeps) {
  const content = loadWorkerContent();
  await inEachLanguage(app, workerChooserRoutes, { content, baseUrl: config.BASE_URL });
  await app.register(workerPageRoutes, { content, baseUrl: config.BASE_URL, htmlAttributes });
  return { sitemap: { paths: ["/workers"], entries: workerSitemapEntries(content) } satisfies SitemapPart };
}
