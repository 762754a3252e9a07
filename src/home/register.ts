import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { type HomeRouteOptions, homeRoutes } from "./routes.js";

export interface HomeDeps extends Omit<HomeRouteOptions, "baseUrl"> {
  config: Pick<Config, "BASE_URL">;
}

/** The home page; what is open for participation comes from that area, through the server. Gives back its address for the XML sitemap. */
export async function register(app: FastifyInstance, { config, ...deps }: HomeDeps): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, homeRoutes, { ...deps, baseUrl: config.BASE_URL });
  return { sitemap: { paths: ["/"] } };
}
