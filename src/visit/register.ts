import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { loadVisitContent } from "./content.js";
import { visitPaths, visitRoutes } from "./routes.js";

export interface VisitDeps {
  db: Db;
}

/** "Visiting Qatar": /visit and its topics. Gives back its addresses for the XML sitemap. */
export async function register(app: FastifyInstance, { db }: VisitDeps) {
  const content = loadVisitContent();
  await inEachLanguage(app, visitRoutes, { db, content });
  return { sitemap: { paths: visitPaths(content) } satisfies SitemapPart };
}
