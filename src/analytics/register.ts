import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import { pageViewPlugin } from "./page-view-counter.js";

export interface AnalyticsDeps {
  db: Db;
  config: Pick<Config, "ANALYTICS_FLUSH_SECONDS">;
  jobs: JobRunner;
}

/**
 * Counts every page view (path, language, day): the jobs "page views"
 * (written to the database every few seconds) and "page views, last flush"
 * (what is left, written on close; the composition root stops it last, after
 * every other job).
 */
export async function register(app: FastifyInstance, { db, config, jobs }: AnalyticsDeps): Promise<void> {
  await app.register(pageViewPlugin, { db });
  const counter = app.pageViews;
  const lost = (error: unknown) => app.log.warn({ err: error }, "page views not saved");
  jobs.register({
    name: "page views",
    start: () => counter.start(config.ANALYTICS_FLUSH_SECONDS, lost),
    stop: () => counter.stop(),
  });
  jobs.register({ name: "page views, last flush", start: () => undefined, stop: () => counter.flush().catch(lost) });
}
