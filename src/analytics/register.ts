import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { pageViewPlugin } from "./page-view-counter.js";

export interface AnalyticsDeps {
  db: Db;
  config: Pick<Config, "ANALYTICS_FLUSH_SECONDS">;
}

/** Counts every page view (path, language, day), flushed to the database every few seconds and on close. */
export async function register(app: FastifyInstance, { db, config }: AnalyticsDeps): Promise<void> {
  await app.register(pageViewPlugin, { db, flushSeconds: config.ANALYTICS_FLUSH_SECONDS });
}
