import type { FastifyInstance } from "fastify";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { SitemapPart } from "../platform/http/sitemap.js";
import { loadDisabilityPortal } from "./portal-content.js";
import { accessibilityRoutes } from "./routes.js";

/** The layout's slots this area fills: the header's link to the tools, the <html> attributes of the visitor's settings. */
export { displayAttributes } from "./settings.js";
export { ToolsLink } from "./views/ToolsLink.js";

export interface AccessibilityDeps {
  db: Db;
  secureCookies: boolean;
}

/**
 * The accessibility tools (/accessibility-tools) and the portal for disabled
 * people (/accessibility-services). Gives back their addresses for the XML sitemap.
 */
export async function register(
  app: FastifyInstance,
  { db, secureCookies }: AccessibilityDeps,
): Promise<{ sitemap: SitemapPart }> {
  await inEachLanguage(app, accessibilityRoutes, { db, portal: loadDisabilityPortal(), secureCookies });
  return { sitemap: { paths: ["/accessibility-services", "/accessibility-tools"] } };
}
