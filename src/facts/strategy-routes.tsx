import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import { strategyMeasures } from "./strategy.js";
import { StrategyPage } from "./views/StrategyPage.js";

/** The strategy dashboard: GET /strategy, computed from the live data (kept as a public page for the page cache's time). */
export async function strategyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get("/strategy", PUBLIC_PAGE, async (request, reply) => {
    const measures = await strategyMeasures(db);
    const title = request.tr.t("strategy.title");
    return reply.page({
      title,
      description: request.tr.t("strategy.lead"),
      breadcrumbs: [{ label: request.tr.t("facts.title"), path: "/facts" }, { label: title }],
      body: <StrategyPage measures={measures} />,
    });
  });
}
