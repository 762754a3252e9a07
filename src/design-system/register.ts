import type { FastifyInstance } from "fastify";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { designSystemRoutes } from "./routes.js";

/** The living style guide at /design-system; it needs nothing from the server. Gives back its address for the XML sitemap. */
export async function register(app: FastifyInstance): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, designSystemRoutes, {});
  return { sitemap: { paths: ["/design-system"] } };
}
