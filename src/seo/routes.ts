import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { countServices, serviceSlugs } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import type { SitemapEntry, SitemapPart } from "../platform/http/sitemap.js";
import { locales, localizePath } from "../platform/i18n/locales.js";

/** Services per sitemap file: each yields two addresses (Arabic and English), under the 50,000 limit. */
export const SERVICES_PER_SITEMAP = 20_000;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * One <url> per language, each naming every language as an alternate, and
 * the Arabic page as x-default (what a visitor whose language is neither
 * gets), as the pages' own <link rel="alternate"> do.
 */
function urlEntries(baseUrl: string, path: string, lastmod?: string): string {
  const link = (hreflang: string, l: (typeof locales)[number]) =>
    `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(baseUrl + localizePath(l, path))}"/>`;
  const alternates = [...locales.map((l) => link(l, l)), link("x-default", "ar")].join("");
  return locales
    .map(
      (l) =>
        `<url><loc>${escapeXml(baseUrl + localizePath(l, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${alternates}</url>`,
    )
    .join("\n");
}

function singleEntry(baseUrl: string, entry: SitemapEntry): string {
  const alternates = entry.alternates
    .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(baseUrl + a.path)}"/>`)
    .join("");
  return `<url><loc>${escapeXml(baseUrl + entry.path)}</loc>${alternates}</url>`;
}

function urlset(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>\n`;
}

const servicesSitemapParams = z.object({ n: z.coerce.number().int().min(1).max(10_000) });

/** robots.txt and the XML sitemaps, with hreflang alternates, for search engines. */
export async function seoRoutes(
  app: FastifyInstance,
  opts: {
    db: Db;
    baseUrl: string;
    /** Every area's addresses, in the order the composition root gathers them. */
    sitemap: readonly SitemapPart[];
  },
) {
  const { db, baseUrl } = opts;

  app.get("/robots.txt", async (_request, reply) =>
    reply.type("text/plain; charset=utf-8").send(
      [
        "User-agent: *",
        // The API's JSON is for programs; its documentation page, in both languages, is for people.
        "Allow: /api/docs",
        "Disallow: /api/",
        "Allow: /en/api/docs",
        "Disallow: /en/api/",
        "Disallow: /feedback/",
        "Disallow: /en/feedback/",
        "Disallow: /sandbox-gateway/",
        "",
        `Sitemap: ${baseUrl}/sitemap.xml`,
        "",
      ].join("\n"),
    ),
  );

  app.get("/sitemap.xml", async (_request, reply) => {
    const { total } = await countServices(db);
    const files = ["/sitemaps/pages.xml"];
    for (let n = 1; n <= Math.ceil(total / SERVICES_PER_SITEMAP); n++) files.push(`/sitemaps/services-${n}.xml`);
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
      .map((f) => `<sitemap><loc>${escapeXml(baseUrl + f)}</loc></sitemap>`)
      .join("\n")}\n</sitemapindex>\n`;
    return reply.type("application/xml; charset=utf-8").send(body);
  });

  app.get("/sitemaps/pages.xml", async (_request, reply) => {
    const fixed = opts.sitemap.flatMap((part) => part.paths ?? []).map((p) => (typeof p === "string" ? { path: p } : p));
    const published = await Promise.all(opts.sitemap.map((part) => part.published?.(db) ?? []));
    const entries = [
      ...fixed.map((p) => urlEntries(baseUrl, p.path, "lastmod" in p ? p.lastmod : undefined)),
      ...published.flat().map((p) => urlEntries(baseUrl, p)),
      ...opts.sitemap.flatMap((part) => part.entries ?? []).map((e: SitemapEntry) => singleEntry(baseUrl, e)),
    ];
    return reply.type("application/xml; charset=utf-8").send(urlset(entries));
  });

  app.get("/sitemaps/services-:n.xml", async (request, reply) => {
    const { n } = parseOrRefuse(servicesSitemapParams, request.params, { notFound: true });
    const rows = await serviceSlugs(db, (n - 1) * SERVICES_PER_SITEMAP, SERVICES_PER_SITEMAP);
    if (rows.length === 0) return reply.callNotFound();
    return reply
      .type("application/xml; charset=utf-8")
      .send(urlset(rows.map((r) => urlEntries(baseUrl, `/services/${r.slug}`, r.lastReviewed))));
  });
}
