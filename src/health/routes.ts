import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const healthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["up", "down"]),
  version: z.string(),
});

export interface HealthOptions {
  /** True when the database answers. */
  ping(): Promise<boolean>;
  version: string;
}

/**
 * Liveness (/healthz: the process answers), readiness (/readyz: the database
 * answers too, so a proxy stops sending traffic when it does not), and the
 * API's health for the mobile app.
 */
export async function healthRoutes(app: FastifyInstance, opts: HealthOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/healthz", async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));

  api.get("/readyz", async (_request, reply) => {
    const up = await opts.ping();
    return reply
      .code(up ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: up ? "ok" : "unavailable", database: up ? "up" : "down" });
  });

  api.get("/api/v1/health", { schema: { response: { 200: healthResponse, 503: healthResponse } } }, async (_request, reply) => {
    const up = await opts.ping();
    return reply
      .code(up ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: up ? "ok" : "unavailable", database: up ? "up" : "down", version: opts.version });
  });
}
