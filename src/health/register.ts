import type { FastifyInstance } from "fastify";
import { type HealthOptions, healthRoutes } from "./routes.js";

/** Liveness, readiness and the API's health. */
export async function register(app: FastifyInstance, deps: HealthOptions): Promise<void> {
  await app.register(healthRoutes, deps);
}
