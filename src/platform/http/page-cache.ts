import { createHash } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { LRUCache } from "lru-cache";
import type { Db } from "../db/client.js";
import { versionStamp } from "../db/versions.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A public page: the same bytes for every anonymous visitor, sent `public` and kept in each instance's page cache. */
    pageCache?: boolean;
  }
  interface FastifyRequest {
    /** Set when this request's page may be stored in the page cache once rendered. */
    pageCacheKey?: string;
    /** The content counters as they were when this request looked in the cache. */
    pageCacheStamp?: string | undefined;
    /** The entry this request's page was stored as: its headers are kept once they are final. */
    pageCacheEntry?: Entry;
    /** What the route does again each time its kept page is served (search counts the query). */
    pageCacheOnServe?: () => void;
  }
}

/**
 * Route options of a public page: it depends on nothing about the visitor, so
 * for anonymous visitors it is sent `public` (any shared cache may keep it)
 * and kept in the page cache. Every other page is `private, no-store`.
 */
export const PUBLIC_PAGE = { config: { pageCache: true } };

/** How long a browser keeps a public page before asking again (with its ETag). */
const BROWSER_SECONDS = 10;
/** How long a shared cache (the cluster's nginx, a CDN) keeps it. */
const SHARED_SECONDS = 20;
/** How much longer a shared cache may serve it while it fetches a fresh copy. */
const STALE_SECONDS = 20;
/** How often each instance asks whether content changed (one query on a small table). */
const STAMP_CHECK_MS = 1000;
/**
 * Counters this old are asked again in the background while pages go on
 * being served, so that a busy instance's counters never reach
 * STAMP_CHECK_MS (when every request would wait for the answer).
 */
const STAMP_REFRESH_MS = STAMP_CHECK_MS / 2;

export const PUBLIC_CACHE_CONTROL = `public, max-age=${BROWSER_SECONDS}, s-maxage=${SHARED_SECONDS}, stale-while-revalidate=${STALE_SECONDS}`;
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * Marks a response private (`private, no-store`): for files and other
 * responses that are not pages. A page (`reply.page`) needs nothing: every
 * page is private unless its route is a PUBLIC_PAGE.
 */
export function privately(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", PRIVATE_CACHE_CONTROL);
}
/**
 * The longest a publish takes to reach every reader, in seconds: a second for
 * the instances' caches, then what a shared cache and a browser may keep.
 */
export const PUBLISH_BOUND_SECONDS = STAMP_CHECK_MS / 1000 + SHARED_SECONDS + STALE_SECONDS + BROWSER_SECONDS;

/** The anti-forgery secret: nothing on a public page depends on it. Any other cookie makes a request personal. */
const NEUTRAL_COOKIE = "hk_csrf";
/** The share of the cache's budget for addresses with a query (search, filters); the rest is for plain addresses. */
const QUERIES_SHARE = 0.25;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A rendered public page: its bytes, compressed once, and its validator. */
export interface Entry {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** A hash of the bytes (the ETag of each encoding is this with the encoding's suffix). */
  hash: string;
  /**
   * The headers every visitor gets with it (security headers, type), as sent
   * the first time; with them the entry can be answered before the framework
   * (src/platform/http/fast-path.ts).
   */
  headers?: OutgoingHttpHeaders;
  /** What its route does again each time it is served from the cache. */
  onServe?: () => void;
}

/**
 * The cache key of an address: the path, and the non-empty query parameters
 * in order, spaces trimmed and the search words in lower case, so that
 * trivial variants of one search or filter share an entry.
 */
export function cacheKeyOf(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const kept: [string, string][] = [];
  for (const [name, raw] of new URLSearchParams(url.slice(at + 1))) {
    const value = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
    if (value) kept.push([name, name === "q" ? value.toLowerCase() : value]);
  }
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return query ? `${url.slice(0, at)}?${query}` : url.slice(0, at);
}

/** Headers that are the request's own or the encoding's, never replayed from the first answer. */
const OWN_HEADERS = new Set([
  "etag",
  "vary",
  "content-encoding",
  "content-length",
  "x-page-cache",
  "x-request-id",
  "strict-transport-security",
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
]);

/** The headers of a first answer that every later visitor of the same page gets too. */
export function sharedHeaders(headers: Record<string, string | number | string[] | undefined>): OutgoingHttpHeaders {
  const shared: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !OWN_HEADERS.has(name.toLowerCase()))
      shared[name] = typeof value === "number" ? String(value) : value;
  }
  return shared;
}

export function makeEntry(html: string): Entry {
  // Buffer.from(html) would put a 17 kB page in a 64 kB block of its own (Node 24): a kept page holds exactly its bytes.
  const body = Buffer.alloc(Buffer.byteLength(html, "utf8"));
  body.write(html, "utf8");
  return { body, hash: createHash("sha256").update(body).digest("base64url").slice(0, 22) };
}

/**
 * Compresses an entry's bytes once, off the main thread, for every later
 * visitor. Brotli at quality 5: a 17 kB page takes about 2 ms and comes out
 * a tenth larger than at quality 11, which takes about 45 ms; with many pages
 * each read a few times (the long tail of a catalogue), quality 11 would
 * spend most of an instance's processor on compression. Static files are
 * compressed at 11 once, at build time (precompress.ts).
 */
async function compress(entry: Entry): Promise<void> {
  const [br, gz] = await Promise.all([
    brotli(entry.body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
      },
    }),
    gzipped(entry.body),
  ]);
  // zlib hands back its output as a view of a 64 kB chunk: kept as it is, each copy of a 10 kB page would hold 64 kB.
  entry.br = ownCopy(br);
  entry.gzip = ownCopy(gz);
}

/** The bytes in memory of their own size (Buffer.alloc never shares a pool or a larger chunk). */
function ownCopy(view: Buffer): Buffer {
  const copy = Buffer.alloc(view.length);
  view.copy(copy);
  return copy;
}

/** A request with no cookie but the anti-forgery secret: it gets the page everyone gets. */
export function isAnonymous(request: FastifyRequest): boolean {
  return Object.keys(request.cookies ?? {}).every((name) => name === NEUTRAL_COOKIE);
}

/** Whether this request's page is the public one: a GET of a public page by an anonymous visitor. */
export function isPublicRequest(request: FastifyRequest): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    request.routeOptions.config.pageCache === true &&
    isAnonymous(request)
  );
}

/**
 * Rendered public pages, kept per instance and emptied whenever content
 * changes: every writer bumps a change counter (src/platform/db/versions.ts)
 * in its transaction, and the cache compares the counters at most once a
 * second, so a publish reaches every instance's pages within a second. Pages
 * with a query (search results, filters) have their own budget, so any
 * number of odd queries cannot push out the pages most people read.
 */
export class PageCache {
  private readonly pages: LRUCache<string, Entry>;
  private readonly queries: LRUCache<string, Entry>;
  private stamp: string | undefined;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    readonly seconds: number,
    /** The budget in megabytes (see PAGE_CACHE_MB). */
    megabytes = 16,
  ) {
    const options = (maxSize: number) => ({
      maxSize,
      // The body, and room for its two compressed copies.
      sizeCalculation: (entry: Entry) => Math.ceil(entry.body.length * 1.5),
      ttl: Math.max(seconds, 1) * 1000,
    });
    const bytes = megabytes * 1024 * 1024;
    this.pages = new LRUCache<string, Entry>(options(Math.round(bytes * (1 - QUERIES_SHARE))));
    this.queries = new LRUCache<string, Entry>(options(Math.round(bytes * QUERIES_SHARE)));
  }

  get enabled(): boolean {
    return this.seconds > 0;
  }

  private segment(key: string): LRUCache<string, Entry> {
    return key.includes("?") ? this.queries : this.pages;
  }

  async lookup(key: string): Promise<Entry | undefined> {
    if (!this.current()) await this.follow();
    return this.segment(key).get(key);
  }

  /**
   * Whether the counters were looked at within STAMP_CHECK_MS; past
   * STAMP_REFRESH_MS they are looked at again meanwhile (one query at a time).
   */
  private current(): boolean {
    const age = Date.now() - this.checkedAt;
    if (age >= STAMP_REFRESH_MS) this.follow().catch(() => undefined);
    return age < STAMP_CHECK_MS;
  }

  /**
   * The entry for a key without waiting: only while the content counters were
   * looked at within the last second (else the request goes the usual way,
   * which waits for them).
   */
  peek(key: string): Entry | undefined {
    if (!this.enabled || !this.current()) return undefined;
    return this.segment(key).get(key);
  }

  /** Called for each page answered before the framework (the page-view count). */
  onServe: ((url: string) => void) | undefined;

  /** The content counters as last seen. */
  get currentStamp(): string | undefined {
    return this.stamp;
  }

  /**
   * Keeps a rendered page, unless content changed since the request looked
   * (`seenStamp`): the page may then show what was just replaced. Its
   * compressed copies follow a moment later.
   */
  store(key: string, entry: Entry, seenStamp: string | undefined): boolean {
    if (seenStamp === undefined || seenStamp !== this.stamp) return false;
    this.segment(key).set(key, entry);
    compress(entry).catch(() => undefined);
    return true;
  }

  get size(): number {
    return this.pages.size + this.queries.size;
  }

  /** Empties the cache when the content counters moved since the last look. */
  private async follow(): Promise<void> {
    if (!this.checking && Date.now() - this.checkedAt < STAMP_REFRESH_MS) return;
    // The counters are as fresh as the moment they were asked for, not the moment the answer came.
    const asked = Date.now();
    this.checking ??= versionStamp(this.db)
      .then((stamp) => {
        if (stamp !== this.stamp) {
          this.pages.clear();
          this.queries.clear();
        }
        this.stamp = stamp;
      })
      // The database is away: what is kept is served as it is, and the counters are asked again in a second.
      .catch(() => undefined)
      .finally(() => {
        this.checkedAt = asked;
        this.checking = undefined;
      });
    await this.checking;
  }
}

/** Whether Accept-Encoding allows a coding (present, and not with q=0). */
export function accepts(header: string | undefined, coding: string): boolean {
  if (!header) return false;
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (name?.trim().toLowerCase() !== coding) continue;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(p));
  }
  return false;
}

/** Whether If-None-Match names this representation (any of a list, or *). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((v) => v.trim().replace(/^W\//, ""))
    .some((v) => v === "*" || v === etag);
}

/**
 * Sends a public page: the same bytes and headers for every anonymous visitor,
 * `public` for shared caches, brotli or gzip when the browser takes them (from
 * the copies made once), with a strong ETag per encoding and a 304 when the
 * browser's copy is current.
 */
export function sendPublic(request: FastifyRequest, reply: FastifyReply, entry: Entry, state?: "hit" | "miss"): FastifyReply {
  const acceptEncoding = request.headers["accept-encoding"];
  const [coding, body] =
    entry.br && accepts(acceptEncoding, "br")
      ? (["br", entry.br] as const)
      : entry.gzip && accepts(acceptEncoding, "gzip")
        ? (["gzip", entry.gzip] as const)
        : ([undefined, entry.body] as const);
  const etag = `"${entry.hash}${coding ? `-${coding}` : ""}"`;
  reply.header("cache-control", PUBLIC_CACHE_CONTROL).header("etag", etag).header("vary", "Accept-Encoding");
  if (state) reply.header("x-page-cache", state);
  if (matches(request.headers["if-none-match"], etag)) return reply.code(304).send();
  if (coding) reply.header("content-encoding", coding);
  return reply.code(200).type("text/html; charset=utf-8").send(body);
}

/**
 * Answers public requests from the cache before their handler runs and marks
 * the others to be stored once rendered. A response that signs someone in or
 * out also tells the browser to forget the pages it kept (they showed the
 * header of the other state).
 */
export const pageCachePlugin = fp(async (app: FastifyInstance, opts: { cache: PageCache; sessionCookie: string }) => {
  const { cache, sessionCookie } = opts;
  app.addHook("preHandler", async (request, reply) => {
    if (!cache.enabled || !isPublicRequest(request)) return;
    const key = cacheKeyOf(request.url);
    const entry = await cache.lookup(key);
    if (entry) {
      entry.onServe?.();
      return sendPublic(request, reply, entry, "hit");
    }
    request.pageCacheKey = key;
    request.pageCacheStamp = cache.currentStamp;
  });
  app.addHook("onSend", async (request, reply, payload) => {
    // The final headers of a page just stored (the security headers' hook ran before this one).
    if (request.pageCacheEntry && reply.statusCode === 200) request.pageCacheEntry.headers = sharedHeaders(reply.getHeaders());
    const cookies = reply.getHeader("set-cookie");
    const list = Array.isArray(cookies) ? cookies : cookies === undefined ? [] : [String(cookies)];
    if (list.some((c) => c.startsWith(`${sessionCookie}=`))) reply.header("clear-site-data", '"cache"');
    return payload;
  });
});
