import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { type MeRouteOptions, meApiRoutes } from "./me-routes.js";
import { apiDocsPageRoutes, apiDocumentRoutes } from "./routes.js";

/**
 * What the server registers with the platform, before every area: the
 * collector of the routes' schemas for the OpenAPI document, and CORS.
 */
export { corsPlugin } from "./cors.js";
export { openApiCollector } from "./openapi.js";

export interface ApiDeps extends Omit<MeRouteOptions, "baseUrl"> {
  config: Pick<Config, "BASE_URL">;
  /** The portal's version, in the document. */
  version: string;
}

/** /api/v1/me, the OpenAPI document and the API's documentation pages. */
export async function register(app: FastifyInstance, { config, version, ...me }: ApiDeps): Promise<void> {
  await app.register(meApiRoutes, { ...me, baseUrl: config.BASE_URL });
  await app.register(apiDocumentRoutes, { baseUrl: config.BASE_URL, version });
  await inEachLanguage(app, apiDocsPageRoutes, { baseUrl: config.BASE_URL });
}
