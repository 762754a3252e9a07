import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { listServices, listTerms, personaFamily, servicesBySlugs } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { NotFoundError } from "../platform/http/errors.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import { slugSchema } from "../platform/http/slug.js";
import type { VisitContent, VisitTopic } from "./content.js";
import { VisitIndexView, VisitTopicView } from "./views/VisitViews.js";

export interface VisitRouteOptions {
  db: Db;
  content: VisitContent;
}

/** Services listed on a topic's page, most used first. */
const SERVICES_PER_TOPIC = 8;

const topicParams = z.object({ topic: slugSchema({ max: 60 }) });

/**
 * The catalogue's services for a topic: the ones it names first, then the most
 * used of its visitors' (its persona and sub-personas, in its category); and
 * the persona's name.
 */
async function servicesFor(db: Db, topic: VisitTopic, request: FastifyRequest, count: number) {
  const [personas, pinned] = await Promise.all([listTerms(db, "persona"), servicesBySlugs(db, topic.services)]);
  const persona = personas.find((p) => p.slug === topic.persona);
  const popular = await listServices(db, {
    personas: personaFamily(personas, topic.persona),
    category: topic.category,
    page: 1,
    pageSize: count,
    locale: request.locale,
  });
  const pinnedSlugs = new Set(pinned.map((s) => s.slug));
  const services = [...pinned, ...popular.items.filter((s) => !pinnedSlugs.has(s.slug))].slice(0, Math.max(count, pinned.length));
  return { services, persona: { slug: topic.persona, name: persona?.name[request.locale] ?? topic.persona } };
}

/** "Visiting Qatar": /visit and /visit/<topic>, each with the services visitors need. */
export async function visitRoutes(app: FastifyInstance, opts: VisitRouteOptions) {
  const { db, content } = opts;
  app.get("/visit", PUBLIC_PAGE, async (request, reply) => {
    const text = content.index.text[request.locale];
    return reply.page({
      title: text.title,
      description: text.description,
      breadcrumbs: [{ label: text.title }],
      body: (
        <VisitIndexView index={content.index} topics={content.topics} {...(await servicesFor(db, content.index, request, 6))} />
      ),
    });
  });

  app.get("/visit/:topic", PUBLIC_PAGE, async (request, reply) => {
    const { topic: slug } = parseOrRefuse(topicParams, request.params, { notFound: true });
    const topic = content.topics.find((t) => t.slug === slug);
    if (!topic) throw new NotFoundError();
    const text = topic.text[request.locale];
    return reply.page({
      title: text.title,
      description: text.description,
      breadcrumbs: [{ label: content.index.text[request.locale].title, path: "/visit" }, { label: text.title }],
      body: (
        <VisitTopicView
          topic={topic}
          others={content.topics.filter((t) => t !== topic)}
          {...(await servicesFor(db, topic, request, SERVICES_PER_TOPIC))}
        />
      ),
    });
  });
}

/** The addresses of "Visiting Qatar", for the XML sitemap. */
export function visitPaths(content: VisitContent): string[] {
  return [content.index.path, ...content.topics.map((t) => t.path)];
}
