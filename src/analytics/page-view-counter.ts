import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { BufferedCounter } from "../platform/db/buffered-counter.js";
import type { Db } from "../platform/db/client.js";
import { stripLocale } from "../platform/i18n/locales.js";
import { dohaDate } from "../platform/time/doha.js";
import { addPageViews } from "./repository.js";

/** Page views counted in memory and added to the database every few seconds. */
export class PageViewCounter extends BufferedCounter<{ path: string; locale: string; day: string }> {
  constructor(db: Db) {
    super(
      (k) => `${k.day}|${k.locale}|${k.path}`,
      (entries) =>
        addPageViews(
          db,
          entries.map((e) => ({ ...e.key, views: e.count })),
        ),
    );
  }

  /** Today in Doha, worked out once a minute: Doha's days begin on a minute, and a view costs no date arithmetic. */
  private today = { day: "", until: 0 };

  count(path: string, locale: string, at?: Date): void {
    this.add({ path, locale, day: at ? dohaDate(at) : this.dayNow() });
  }

  private dayNow(): string {
    const now = Date.now();
    if (now >= this.today.until) this.today = { day: dohaDate(new Date(now)), until: now - (now % 60_000) + 60_000 };
    return this.today.day;
  }
}

/** Only successful page views by browsers count: no assets, API calls, health checks or errors. */
function isCountable(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== "GET" || reply.statusCode !== 200) return false;
  const type = String(reply.getHeader("content-type") ?? "");
  return type.startsWith("text/html") && !request.url.startsWith("/assets/");
}

declare module "fastify" {
  interface FastifyInstance {
    pageViews: PageViewCounter;
  }
}

/**
 * Privacy-friendly page-view counting: path, language and day, nothing about
 * the visitor. Writing the counts is background work, registered with the
 * JobRunner by the area's register.
 */
export const pageViewPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  const counter = new PageViewCounter(opts.db);
  app.decorate("pageViews", counter);
  app.addHook("onResponse", async (request, reply) => {
    if (!isCountable(request, reply)) return;
    const path = stripLocale(request.url.split("?")[0] ?? "/").slice(0, 512);
    counter.count(path, request.locale);
  });
});
