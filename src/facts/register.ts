import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { factsApiRoutes, factsPageRoutes } from "./routes.js";
import { strategyRoutes } from "./strategy-routes.js";

export interface FactsDeps {
  db: Db;
}

/** Facts and figures, the strategy dashboard and /api/v1/stats. */
export async function register(app: FastifyInstance, { db }: FactsDeps): Promise<void> {
  await inEachLanguage(app, factsPageRoutes, { db });
  await inEachLanguage(app, strategyRoutes, { db });
  await app.register(factsApiRoutes, { db });
}
