import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import { seoRoutes } from "./routes.js";

export interface SeoDeps extends Omit<Parameters<typeof seoRoutes>[1], "baseUrl"> {
  config: Pick<Config, "BASE_URL">;
}

/** robots.txt and the XML sitemaps, with the addresses each area's register gave the server. */
export async function register(app: FastifyInstance, { config, ...deps }: SeoDeps): Promise<void> {
  await app.register(seoRoutes, { ...deps, baseUrl: config.BASE_URL });
}
