import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../platform/db/client.js";
import { isoDay } from "../platform/i18n/format.js";
import { stripLocale } from "../platform/i18n/locales.js";
import { addPageViews, type ViewCount } from "./repository.js";

/** Counts in memory and adds them to the database in one statement every few seconds. */
export class PageViewCounter {
  private pending = new Map<string, ViewCount>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {}

  count(path: string, locale: string, at = new Date()): void {
    const day = isoDay(at);
    const key = `${day}|${locale}|${path}`;
    const entry = this.pending.get(key);
    if (entry) entry.views += 1;
    else this.pending.set(key, { path, locale, day, views: 1 });
  }

  /** Writes what was counted so far; what fails to write is kept for the next flush. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await addPageViews(this.db, batch);
    } catch (error) {
      for (const c of batch) {
        const key = `${c.day}|${c.locale}|${c.path}`;
        const entry = this.pending.get(key);
        if (entry) entry.views += c.views;
        else this.pending.set(key, c);
      }
      throw error;
    }
  }

  start(seconds: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => this.flush().catch(onError), seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
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

/** Privacy-friendly page-view counting: path, language and day, nothing about the visitor. */
export const pageViewPlugin = fp(async (app: FastifyInstance, opts: { db: Db; flushSeconds: number }) => {
  const counter = new PageViewCounter(opts.db);
  app.decorate("pageViews", counter);
  app.addHook("onResponse", async (request, reply) => {
    if (!isCountable(request, reply)) return;
    const path = stripLocale(request.url.split("?")[0] ?? "/").slice(0, 512);
    counter.count(path, request.locale);
  });
  app.addHook("onReady", async () => counter.start(opts.flushSeconds, (e) => app.log.warn({ err: e }, "page views not saved")));
  app.addHook("onClose", async () => {
    counter.stop();
    await counter.flush().catch((e) => app.log.warn({ err: e }, "page views not saved"));
  });
});
