import type { FastifyInstance } from "fastify";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { type AdminRouteOptions, adminRoutes } from "./routes.js";

/** Portal administration at /admin; ending a person's sessions is the accounts' and the identity provider's, given by the server. */
export async function register(app: FastifyInstance, deps: AdminRouteOptions): Promise<void> {
  await inEachLanguage(app, adminRoutes, deps);
}
