import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { ckanRoutes } from "./ckan/routes.js";
import { dcatRoutes } from "./dcat.js";
import { openDataDownloadRoutes, openDataPageRoutes } from "./routes.js";
import { publishedDatasetPaths } from "./service.js";
import { openDataWorkspaceRoutes } from "./workspace-routes.js";

export interface OpenDataDeps {
  db: Db;
  storage: FileStorage;
  config: Pick<Config, "BASE_URL">;
}

/**
 * The open data portal: the catalogue and dataset pages, the staff's uploads,
 * downloads, DCAT and the CKAN API. Gives back its addresses for the XML
 * sitemap: the catalogue, and each published dataset's page.
 */
export async function register(app: FastifyInstance, { db, storage, config }: OpenDataDeps): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, openDataPageRoutes, { db, storage, baseUrl: config.BASE_URL });
  await inEachLanguage(app, openDataWorkspaceRoutes, { db, storage });
  await app.register(openDataDownloadRoutes, { db, storage });
  await app.register(dcatRoutes, { db, baseUrl: config.BASE_URL });
  await app.register(ckanRoutes, { db, baseUrl: config.BASE_URL });
  return { sitemap: { paths: ["/opendata"], published: publishedDatasetPaths } };
}
