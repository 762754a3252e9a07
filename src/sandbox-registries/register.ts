import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { sandboxRegistryRoutes } from "./routes.js";

export interface SandboxRegistriesDeps {
  db: Db;
  config: Pick<Config, "REGISTRIES_TOKEN" | "REGISTRY_TIMEOUT_MS">;
}

/** The simulated agency registries at /sandbox-registries (the server registers them when SANDBOXES is on). */
export async function register(app: FastifyInstance, { db, config }: SandboxRegistriesDeps): Promise<void> {
  await app.register(sandboxRegistryRoutes, {
    prefix: "/sandbox-registries",
    db,
    token: config.REGISTRIES_TOKEN,
    timeoutMs: config.REGISTRY_TIMEOUT_MS,
  });
}
