import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { activeHighlights } from "../admin/highlights.js";
import { listNews, listServices, listTerms } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { type HomeData, HomePage } from "./views/HomePage.js";

/** How many of the most-used services and latest news the home page shows. */
const MOST_USED = 8;
const LATEST_NEWS = 3;

async function loadHome(db: Db): Promise<HomeData> {
  const [personas, mostUsed, topics, lifeEvents, news, highlights] = await Promise.all([
    listTerms(db, "persona"),
    listServices(db, { page: 1, pageSize: MOST_USED, sort: "popularity" }),
    listTerms(db, "category"),
    listTerms(db, "lifeEvent"),
    listNews(db, 1, LATEST_NEWS),
    activeHighlights(db),
  ]);
  return { personas, mostUsed: mostUsed.items, topics, lifeEvents, news: news.items, highlights };
}

export interface HomeRouteOptions {
  db: Db;
  /** What is open for participation, from that area (the home page does not know it). */
  participation?: (request: FastifyRequest) => Promise<ComponentChildren>;
}

/** The home page. */
export async function homeRoutes(app: FastifyInstance, { db, participation }: HomeRouteOptions) {
  app.get("/", async (request, reply) => {
    const data = await loadHome(db);
    return reply.page({
      title: request.tr.t("home.documentTitle"),
      description: request.tr.t("home.lead"),
      body: <HomePage data={{ ...data, participation: await participation?.(request) }} />,
    });
  });
}
