import type { FastifyInstance } from "fastify";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { ContentPage } from "./content.js";
import { contentPageRoutes } from "./routes.js";

export interface PagesDeps {
  /** The portal's own pages, loaded once by the server (search, administration and the sitemap read them too). */
  pages: ContentPage[];
}

/** The portal's own pages and the HTML sitemap. */
export async function register(app: FastifyInstance, { pages }: PagesDeps): Promise<void> {
  await inEachLanguage(app, contentPageRoutes, { pages });
}
