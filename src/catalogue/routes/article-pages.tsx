import type { FastifyInstance } from "fastify";
import ical from "ical-generator";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { PUBLIC_PAGE } from "../../platform/http/page-cache.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { findEvent, findInitiative, findNews, listEvents, listInitiatives, listNews } from "../repository/articles.js";
import { newsQuery, slugParams } from "../schemas.js";
import { EventListPage, EventPage, InitiativeListPage, InitiativePage, NewsListPage, NewsPage } from "../views/ArticlePages.js";
import { eventJsonLd, newsJsonLd } from "../views/structured-data.js";
import type { CatalogueRouteOptions } from "./service-pages.js";

const NEWS_PAGE_SIZE = 10;

/** News, events (with an iCalendar download) and government initiatives. */
export async function articlePageRoutes(app: FastifyInstance, { db, baseUrl }: CatalogueRouteOptions) {
  app.get("/news", PUBLIC_PAGE, async (request, reply) => {
    const { page } = parseOrRefuse(newsQuery, request.query);
    const result = await listNews(db, page, NEWS_PAGE_SIZE);
    const title = request.tr.t("catalogue.news.title");
    return reply.page({
      title,
      description: request.tr.t("catalogue.news.lead"),
      breadcrumbs: [{ label: title }],
      body: <NewsListPage result={result} page={page} pageSize={NEWS_PAGE_SIZE} />,
    });
  });

  app.get("/news/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const item = await findNews(db, slug);
    if (!item) throw new NotFoundError();
    const { locale, tr } = request;
    return reply.page({
      title: item.title[locale],
      description: item.summary[locale],
      breadcrumbs: [{ label: tr.t("catalogue.news.title"), path: "/news" }, { label: item.title[locale] }],
      body: <NewsPage item={item} />,
      jsonLd: newsJsonLd(item, locale, baseUrl, `${localizePath(locale, `/news/${item.slug}`)}`, tr.t("layout.portalName")),
    });
  });

  app.get("/events", PUBLIC_PAGE, async (request, reply) => {
    const items = await listEvents(db);
    const title = request.tr.t("catalogue.events.title");
    return reply.page({
      title,
      description: request.tr.t("catalogue.events.lead"),
      breadcrumbs: [{ label: title }],
      body: <EventListPage items={items} />,
    });
  });

  app.get("/events/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const item = await findEvent(db, slug);
    if (!item) throw new NotFoundError();
    const { locale, tr } = request;
    return reply.page({
      title: item.title[locale],
      description: item.summary[locale],
      breadcrumbs: [{ label: tr.t("catalogue.events.title"), path: "/events" }, { label: item.title[locale] }],
      body: <EventPage item={item} />,
      jsonLd: eventJsonLd(item, locale, baseUrl, localizePath(locale, `/events/${item.slug}`)),
    });
  });

  app.get("/events/:slug/calendar.ics", async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const item = await findEvent(db, slug);
    if (!item) throw new NotFoundError();
    const { locale } = request;
    const calendar = ical({
      name: request.tr.t("layout.portalName"),
      prodId: { company: "Hukoomi", product: "portal", language: locale.toUpperCase() },
    });
    calendar.createEvent({
      id: `${item.slug}@hukoomi`,
      start: item.startsAt,
      end: item.endsAt,
      summary: item.title[locale],
      description: item.summary[locale],
      location: item.place[locale],
      url: `${baseUrl}${locale === "en" ? "/en" : ""}/events/${item.slug}`,
    });
    // RFC 5545 §3.1: the last content line ends with CRLF too (ical-generator leaves it off).
    const body = `${calendar.toString().replace(/(\r\n)?$/, "")}\r\n`;
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `attachment; filename="${item.slug}.ics"`)
      .send(body);
  });

  app.get("/initiatives", PUBLIC_PAGE, async (request, reply) => {
    const items = await listInitiatives(db);
    const title = request.tr.t("catalogue.initiatives.title");
    return reply.page({
      title,
      description: request.tr.t("catalogue.initiatives.lead"),
      breadcrumbs: [{ label: title }],
      body: <InitiativeListPage items={items} />,
    });
  });

  app.get("/initiatives/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const item = await findInitiative(db, slug);
    if (!item) throw new NotFoundError();
    const { locale, tr } = request;
    return reply.page({
      title: item.title[locale],
      description: item.summary[locale],
      breadcrumbs: [{ label: tr.t("catalogue.initiatives.title"), path: "/initiatives" }, { label: item.title[locale] }],
      body: <InitiativePage item={item} />,
    });
  });
}
