import type { FastifyInstance } from "fastify";
import type { ContentPage } from "../pages/content.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import { SearchAnalytics } from "./analytics.js";
import { searchApiRoutes, searchPageRoutes } from "./routes.js";
import { SearchIndex } from "./search-index.js";

declare module "fastify" {
  interface FastifyInstance {
    searchIndex: SearchIndex;
    searchAnalytics: SearchAnalytics;
  }
}

export interface SearchDeps {
  db: Db;
  /** The portal's own pages, which the index holds with everything public in the database. */
  pages: ContentPage[];
  config: Pick<Config, "BASE_URL" | "SEARCH_REFRESH_SECONDS" | "ANALYTICS_FLUSH_SECONDS">;
  jobs: JobRunner;
}

/**
 * Builds the search index before answering, then the search page and API;
 * the jobs "search index" (following changes), "search counts" and
 * "search counts, last flush".
 */
export async function register(app: FastifyInstance, { db, pages, config, jobs }: SearchDeps): Promise<void> {
  const index = new SearchIndex(db, pages, app.log);
  await index.rebuild();
  const analytics = new SearchAnalytics(db);
  const countsLost = (e: unknown) => app.log.warn({ err: e }, "search counts not saved");
  jobs.register({ name: "search index", start: () => index.start(config.SEARCH_REFRESH_SECONDS), stop: () => index.stop() });
  jobs.register({
    name: "search counts",
    start: () => analytics.start(config.ANALYTICS_FLUSH_SECONDS, countsLost),
    stop: () => analytics.stop(),
  });
  jobs.register({
    name: "search counts, last flush",
    start: () => undefined,
    stop: () => analytics.flush().catch(countsLost),
  });
  app.decorate("searchIndex", index);
  app.decorate("searchAnalytics", analytics);
  await inEachLanguage(app, searchPageRoutes, { db, index, analytics });
  await app.register(searchApiRoutes, { db, index, analytics, baseUrl: config.BASE_URL });
}
