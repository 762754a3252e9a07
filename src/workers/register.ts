import type { FastifyInstance } from "fastify";
import { type FormDoor, translatedFormRoutes } from "../eservices/translated/routes.js";
import type { Config } from "../platform/config.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { loadWorkerContent } from "./content.js";
import { loadWorkerForms, overlayFor } from "./form/content.js";
import { workerFormDesk } from "./form/desk.js";
import { type WorkersRouteOptions, workerChooserRoutes, workerPageRoutes, workerSitemapEntries } from "./routes.js";

export interface WorkersDeps {
  config: Pick<Config, "BASE_URL">;
  /** The visitor's display settings for <html>, from the accessibility area. */
  htmlAttributes: WorkersRouteOptions["htmlAttributes"];
  /** The e-services' door for drafts and submissions, for the forms in the workers' languages. */
  eservices: FormDoor;
}

/**
 * The workers' portal: the chooser in Arabic and English, the pages in each
 * of the portal's own languages, and the e-service forms translated into them.
 * Gives back its pages for the XML sitemap: the chooser in Arabic and English,
 * each page in the languages it exists in.
 */
export async function register(app: FastifyInstance, { config, htmlAttributes, eservices }: WorkersDeps) {
  const content = loadWorkerContent();
  const forms = loadWorkerForms();
  const translated = (language: Parameters<typeof overlayFor>[1], eservice: string) =>
    Boolean(overlayFor(forms, language, eservice));
  await inEachLanguage(app, workerChooserRoutes, { content, baseUrl: config.BASE_URL });
  await app.register(workerPageRoutes, { content, baseUrl: config.BASE_URL, htmlAttributes, translated });
  await app.register(translatedFormRoutes, { ...eservices, forms: workerFormDesk(content, forms, htmlAttributes) });
  return { sitemap: { paths: ["/workers"], entries: workerSitemapEntries(content) } satisfies SitemapPart };
}
