import type { FastifyInstance } from "fastify";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import type { ContentPage } from "./content.js";
import { contentPageRoutes } from "./routes.js";

export interface PagesDeps {
  /** The portal's own pages, loaded once by the server (search, administration and the sitemap read them too). */
  pages: ContentPage[];
}

/** The portal's own pages and the HTML sitemap. Gives back their addresses (and the day each page changed) for the XML sitemap. */
export async function register(app: FastifyInstance, { pages }: PagesDeps): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, contentPageRoutes, { pages });
  return {
    sitemap: { paths: ["/sitemap", ...pages.map((p) => ({ path: p.path, lastmod: p.updated.toISOString().slice(0, 10) }))] },
  };
}
