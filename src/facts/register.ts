import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { factsApiRoutes, factsPageRoutes } from "./routes.js";
import { strategyRoutes } from "./strategy-routes.js";

export interface FactsDeps {
  db: Db;
}

/** Facts and figures, the strategy dashboard and /api/v1/stats. Gives back its addresses for the XML sitemap. */
export async function register(app: FastifyInstance, { db }: FactsDeps): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, factsPageRoutes, { db });
  await inEachLanguage(app, strategyRoutes, { db });
  await app.register(factsApiRoutes, { db });
  return { sitemap: { paths: ["/facts", "/strategy"] } };
}
