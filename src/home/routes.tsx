import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { activeHighlights } from "../admin/highlights.js";
import { listNews, listServices, listTerms, servicesBySlugs } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { keptUntilChange } from "../platform/db/versions.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import { type Locale, localizePath } from "../platform/i18n/locales.js";
import type { SchemaNode } from "../platform/layout/structured-data.js";
import { mostUsedServices } from "../statistics/service.js";
import { type HomeData, HomePage } from "./views/HomePage.js";

/** How many of the most-used services and latest news the home page shows. */
const MOST_USED = 8;
const LATEST_NEWS = 3;

/**
 * The most used services: last month's ranking of completed transactions
 * (the same counts and order as the facts page), topped up from the
 * catalogue's popularity when fewer services were used.
 */
async function mostUsed(db: Db) {
  const [ranked, popular] = await Promise.all([
    mostUsedServices(db, MOST_USED),
    listServices(db, { page: 1, pageSize: MOST_USED, sort: "popularity" }),
  ]);
  const first = await servicesBySlugs(
    db,
    ranked.map((r) => r.serviceSlug),
  );
  const shown = new Set(first.map((s) => s.slug));
  return [...first, ...popular.items.filter((s) => !shown.has(s.slug))].slice(0, MOST_USED);
}

async function loadHome(db: Db): Promise<HomeData> {
  const [personas, used, topics, lifeEvents, news, highlights] = await Promise.all([
    listTerms(db, "persona"),
    mostUsed(db),
    listTerms(db, "category"),
    listTerms(db, "lifeEvent"),
    listNews(db, 1, LATEST_NEWS),
    activeHighlights(db),
  ]);
  return { personas, mostUsed: used, topics, lifeEvents, news: news.items, highlights };
}

export interface HomeRouteOptions {
  db: Db;
  /** The portal's public address, for the structured data's absolute links. */
  baseUrl: string;
  /** What is open for participation, from that area (the home page does not know it). */
  participation?: (request: FastifyRequest) => Promise<ComponentChildren>;
  /**
   * How long the home page's lists are kept when no content changes (0: read
   * for every view): the most-used ranking follows transactions, which have no
   * change counter, and highlights start and end by the clock.
   */
  keepMs: number;
}

/** The portal as a schema.org WebSite, with the search people can start from a search engine's results. */
function webSiteJsonLd(name: string, description: string, locale: Locale, baseUrl: string): SchemaNode {
  const home = `${baseUrl}${localizePath(locale, "/")}`;
  return {
    "@type": "WebSite",
    "@id": home,
    name,
    description,
    url: home,
    inLanguage: locale,
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${baseUrl}${localizePath(locale, "/search")}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** The home page. */
export async function homeRoutes(app: FastifyInstance, { db, baseUrl, participation, keepMs }: HomeRouteOptions) {
  // Kept between views: a page rendered afresh (each language, after the page cache's time) reads no list again.
  const homeData = keptUntilChange(db, () => loadHome(db), keepMs);
  app.get("/", PUBLIC_PAGE, async (request, reply) => {
    const data = await homeData();
    const { locale, tr } = request;
    return reply.page({
      title: tr.t("home.documentTitle"),
      description: tr.t("home.lead"),
      body: <HomePage data={{ ...data, participation: await participation?.(request) }} />,
      jsonLd: webSiteJsonLd(tr.t("layout.portalName"), tr.t("home.lead"), locale, baseUrl),
    });
  });
}
