import type { FastifyInstance } from "fastify";
import type { Bookings } from "../appointments/service.js";
import type { Config } from "../platform/config.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { appointmentApiRoutes } from "./appointments-routes.js";
import { meAppointmentRoutes } from "./me-appointments-routes.js";
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
  /** The booking service appointments' register made: free times and the person's bookings. */
  bookings: Bookings;
}

/** /api/v1/me, /api/v1/appointments, the OpenAPI document and the API's documentation pages. */
export async function register(app: FastifyInstance, { config, version, bookings, ...me }: ApiDeps): Promise<void> {
  await app.register(meApiRoutes, { ...me, baseUrl: config.BASE_URL });
  await app.register(appointmentApiRoutes, { db: me.db, bookings });
  await app.register(meAppointmentRoutes, { ...me, bookings });
  await app.register(apiDocumentRoutes, { baseUrl: config.BASE_URL, version });
  await inEachLanguage(app, apiDocsPageRoutes, { baseUrl: config.BASE_URL });
}
