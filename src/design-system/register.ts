import type { FastifyInstance } from "fastify";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { designSystemRoutes } from "./routes.js";

/** The living style guide at /design-system; it needs nothing from the server. */
export async function register(app: FastifyInstance): Promise<void> {
  await inEachLanguage(app, designSystemRoutes, {});
}
