import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { consultationRoutes } from "./consultations/routes.js";
import { consultationStaffRoutes } from "./consultations/staff-routes.js";
import { publishedItemPaths } from "./listing.js";
import { pollApiRoutes } from "./polls/api.js";
import { pollRoutes } from "./polls/routes.js";
import { participationRoutes } from "./routes.js";
import { surveyRoutes } from "./surveys/routes.js";
import { surveyStaffRoutes } from "./surveys/staff-routes.js";

export interface ParticipationDeps {
  db: Db;
  config: Pick<Config, "SURVEY_KEY_SECRET">;
}

/**
 * /participate and each kind's public and staff pages (consultations,
 * surveys, polls), and the polls' API. Gives back its addresses for the XML
 * sitemap: /participate, and each published poll, survey and consultation.
 */
export async function register(app: FastifyInstance, { db, config }: ParticipationDeps): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, participationRoutes, { db });
  await inEachLanguage(app, consultationRoutes, { db });
  await inEachLanguage(app, consultationStaffRoutes, { db });
  await inEachLanguage(app, surveyRoutes, { db, keySecret: config.SURVEY_KEY_SECRET });
  await inEachLanguage(app, surveyStaffRoutes, { db });
  await inEachLanguage(app, pollRoutes, { db });
  await app.register(pollApiRoutes, { db });
  return { sitemap: { paths: ["/participate"], published: publishedItemPaths } };
}
