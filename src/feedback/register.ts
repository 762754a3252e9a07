import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { feedbackRoutes } from "./routes.js";

/** The layout's slot this area fills: "Is this page easy to understand?" after every page's main content. */
export { FeedbackWidget } from "./views/FeedbackWidget.js";

export interface FeedbackDeps {
  db: Db;
  config: Pick<Config, "BASE_URL">;
}

/** The answers and comments the widget posts. */
export async function register(app: FastifyInstance, { db, config }: FeedbackDeps): Promise<void> {
  await inEachLanguage(app, feedbackRoutes, { db, baseUrl: config.BASE_URL });
}
