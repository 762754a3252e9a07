import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { catalogueApiRoutes } from "./api.js";
import { agencyPageRoutes } from "./routes/agency-pages.js";
import { articlePageRoutes } from "./routes/article-pages.js";
import { browsePageRoutes } from "./routes/browse-pages.js";
import { type CatalogueRouteOptions, servicePageRoutes } from "./routes/service-pages.js";
import { catalogueSitemapPaths } from "./service.js";

export interface CatalogueDeps extends Omit<CatalogueRouteOptions, "baseUrl"> {
  config: Pick<Config, "BASE_URL">;
}

/**
 * The catalogue's pages (services, browsing, agencies, news and events) and
 * its API. Gives back its addresses for the XML sitemap (the services have
 * sitemaps of their own, src/seo).
 */
export async function register(app: FastifyInstance, { config, ...deps }: CatalogueDeps): Promise<{ sitemap: SitemapPart }> {
  const catalogue = { ...deps, baseUrl: config.BASE_URL };
  await inEachLanguage(app, servicePageRoutes, catalogue);
  await inEachLanguage(app, browsePageRoutes, catalogue);
  await inEachLanguage(app, agencyPageRoutes, catalogue);
  await inEachLanguage(app, articlePageRoutes, catalogue);
  await app.register(catalogueApiRoutes, catalogue);
  return { sitemap: { published: catalogueSitemapPaths } };
}
