import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { devRoutes } from "./routes.js";

export interface DevDeps {
  db: Db;
}

/** /dev/messages, the development outbox (the server registers it outside production only). */
export async function register(app: FastifyInstance, { db }: DevDeps): Promise<void> {
  await inEachLanguage(app, devRoutes, { db });
}
