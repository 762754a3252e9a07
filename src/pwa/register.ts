import type { FastifyInstance } from "fastify";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { pwaPageRoutes, serviceWorkerRoutes } from "./routes.js";

/** The installable app: manifest and offline page in each language, the service worker at the root. */
export async function register(app: FastifyInstance): Promise<void> {
  await inEachLanguage(app, pwaPageRoutes, {});
  await app.register(serviceWorkerRoutes);
}
