import type { FastifyInstance } from "fastify";
import { type SandboxGatewayOptions, sandboxGatewayRoutes } from "./routes.js";

/**
 * The sandbox payment gateway (the server registers it when SANDBOXES is on).
 * Its background work is the bank's, not the portal's: it starts and stops
 * with its own plugin, after the portal's jobs have started and before they stop.
 */
export async function register(app: FastifyInstance, deps: Omit<SandboxGatewayOptions, "fetch">): Promise<void> {
  await app.register(sandboxGatewayRoutes, deps);
}
