import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { versionStamp } from "../db/versions.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A public page that depends on nothing about the visitor: kept in each instance's page cache. */
    pageCache?: boolean;
  }
  interface FastifyRequest {
    /** Set when this request's page may be stored in the page cache once rendered. */
    pageCacheKey?: string;
    /** The content counters as they were when this request looked in the cache. */
    pageCacheStamp?: string | undefined;
  }
}

/** Route options of a page that depends on nothing about the visitor: it is kept in the page cache. */
export const PUBLIC_PAGE = { config: { pageCache: true } };

/** The cookie every page may set (the anti-forgery secret); any other cookie makes a request personal. */
const NEUTRAL_COOKIE = "hk_csrf";
/** How often each instance asks whether content changed (one query on a small table). */
const STAMP_CHECK_MS = 1000;
/** The cache's budget in characters of HTML, on each instance. */
const MAX_SIZE = 40 * 1024 * 1024;

interface Entry {
  html: string;
  etag: string;
}

/**
 * Rendered public pages, kept per instance and emptied whenever content
 * changes: every writer bumps a change counter (src/platform/db/versions.ts)
 * in its transaction, and the cache compares the counters at most once a
 * second, so a publish reaches every instance's pages within a second.
 *
 * A page holds the visitor's anti-forgery token (the feedback form is on
 * every page), so what is stored has a placeholder in its place, filled in
 * for each visitor; for the same reason the page is `private` to shared
 * caches, and browsers revalidate it with an ETag (304 when unchanged).
 */
export class PageCache {
  /** Stands for the anti-forgery token in a stored page; random, so no content can contain it by chance or design. */
  readonly placeholder = `hk-csrf-${randomBytes(12).toString("hex")}`;
  private readonly entries: LRUCache<string, Entry>;
  private stamp: string | undefined;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    readonly seconds: number,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: MAX_SIZE,
      sizeCalculation: (entry) => entry.html.length,
      ttl: Math.max(seconds, 1) * 1000,
    });
  }

  get enabled(): boolean {
    return this.seconds > 0;
  }

  /** Whether a request may be answered from, or stored in, the cache. */
  eligible(request: FastifyRequest): boolean {
    if (!this.enabled || request.method !== "GET" || request.routeOptions.config.pageCache !== true) return false;
    return Object.keys(request.cookies ?? {}).every((name) => name === NEUTRAL_COOKIE);
  }

  async lookup(key: string): Promise<Entry | undefined> {
    await this.follow();
    return this.entries.get(key);
  }

  /** The content counters as last seen. */
  get currentStamp(): string | undefined {
    return this.stamp;
  }

  /**
   * Keeps a rendered page, unless content changed since the request looked
   * (`seenStamp`): the page may then show what was just replaced.
   */
  store(key: string, html: string, seenStamp: string | undefined): Entry {
    const entry = { html, etag: createHash("sha256").update(html).digest("base64url").slice(0, 22) };
    if (seenStamp !== undefined && seenStamp === this.stamp) this.entries.set(key, entry);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Empties the cache when the content counters moved since the last look. */
  private async follow(): Promise<void> {
    if (Date.now() - this.checkedAt < STAMP_CHECK_MS) return;
    this.checking ??= versionStamp(this.db)
      .then((stamp) => {
        if (stamp !== this.stamp) this.entries.clear();
        this.stamp = stamp;
      })
      // The database is away: what is kept is served as it is, and the counters are asked again in a second.
      .catch(() => undefined)
      .finally(() => {
        this.checkedAt = Date.now();
        this.checking = undefined;
      });
    await this.checking;
  }
}

/** The page for this visitor: their token in place of the placeholder, with validators for their browser. */
export function sendCached(
  cache: PageCache,
  request: FastifyRequest,
  reply: FastifyReply,
  entry: Entry,
  state: "hit" | "miss",
): FastifyReply {
  const token = reply.generateCsrf();
  // The token depends on the visitor's secret cookie: the ETag does too, so a browser never reuses another secret's page.
  const secret = request.cookies[NEUTRAL_COOKIE];
  const etag = `W/"${entry.etag}-${secret ? createHash("sha256").update(secret).digest("base64url").slice(0, 8) : "new"}"`;
  reply.header("cache-control", "private, no-cache").header("etag", etag).header("x-page-cache", state);
  if (secret && request.headers["if-none-match"] === etag) return reply.code(304).send();
  return reply.code(200).type("text/html; charset=utf-8").send(entry.html.replaceAll(cache.placeholder, token));
}

/** Answers eligible requests from the cache before their handler runs; marks the others to be stored once rendered. */
export const pageCachePlugin = fp(async (app: FastifyInstance, opts: { cache: PageCache }) => {
  const { cache } = opts;
  app.addHook("preHandler", async (request, reply) => {
    if (!cache.eligible(request)) return;
    const key = request.url;
    const entry = await cache.lookup(key);
    if (entry) return sendCached(cache, request, reply, entry, "hit");
    request.pageCacheKey = key;
    request.pageCacheStamp = cache.currentStamp;
  });
});
