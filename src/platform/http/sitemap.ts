import type { Db } from "../db/client.js";

/**
 * A page outside the portal's two languages (the workers' portal): one <url>
 * with the languages the page exists in as its alternates.
 */
export interface SitemapEntry {
  path: string;
  alternates: { hreflang: string; path: string }[];
}

/**
 * What an area gives the XML sitemap: its register returns it, the
 * composition root gathers every area's and hands them to src/seo.
 */
export interface SitemapPart {
  /** Fixed addresses, each listed in Arabic and English; with the day it last changed, when known. */
  paths?: readonly (string | { path: string; lastmod: string })[];
  /** The addresses of what the area publishes, read when the sitemap is asked for (datasets, polls, agencies…). */
  published?: (db: Db) => Promise<string[]>;
  /** Pages outside the portal's two languages. */
  entries?: readonly SitemapEntry[];
}
