import cors from "@fastify/cors";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Only version 1 of the API may be called from other sites' pages; the open-data API and pages never. */
const CORS_PREFIX = "/api/v1/";
/** The calls that change something another site's page may make: a person's appointments, with their bearer token. */
const CORS_POST_PREFIX = "/api/v1/me/appointments";

/**
 * Cross-origin calls, closed by default: a response carries
 * Access-Control-Allow-Origin only for /api/v1 and only when the calling
 * page's origin is on API_CORS_ORIGINS. Preflight requests are answered for
 * those addresses (GET with an Authorization header; POST with a JSON body
 * too for a person's appointments); everywhere else an OPTIONS request is
 * not found. No cookies are ever allowed across origins:
 * the signed-in calls take bearer tokens.
 */
export const corsPlugin = fp(async (app: FastifyInstance, { origins }: { origins: readonly string[] }) => {
  const allowed = new Set(origins);
  await app.register(cors, {
    hideOptionsRoute: true,
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const open = request.url.startsWith(CORS_PREFIX) && typeof origin === "string" && allowed.has(origin);
      callback(
        null,
        open
          ? {
              origin: [...allowed],
              methods: request.url.startsWith(CORS_POST_PREFIX) ? ["GET", "HEAD", "POST"] : ["GET", "HEAD"],
              allowedHeaders: ["Authorization", "Accept", "Accept-Language", "Content-Type"],
              exposedHeaders: [
                "WWW-Authenticate",
                "Retry-After",
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset",
              ],
              credentials: false,
              maxAge: 600,
              strictPreflight: true,
            }
          : { origin: false },
      );
    },
  });
});
