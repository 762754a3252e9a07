import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { accepts, cacheKeyOf, type Entry, matches, type PageCache, PUBLIC_CACHE_CONTROL } from "./page-cache.js";

/** The anti-forgery secret is the only cookie an anonymous request may carry (as in page-cache.ts). */
const NEUTRAL_ONLY = /^\s*hk_csrf=[^;]*;?\s*$/;

type Coding = "br" | "gzip" | "identity";

/** The headers of one encoding of an entry, made once per entry and encoding. */
const wire = new WeakMap<Entry, Partial<Record<Coding, OutgoingHttpHeaders>>>();

function headersFor(entry: Entry, coding: Coding, body: Buffer): OutgoingHttpHeaders {
  let forEntry = wire.get(entry);
  if (!forEntry) {
    forEntry = {};
    wire.set(entry, forEntry);
  }
  let headers = forEntry[coding];
  if (!headers) {
    headers = {
      ...entry.headers,
      "cache-control": PUBLIC_CACHE_CONTROL,
      etag: `"${entry.hash}${coding === "identity" ? "" : `-${coding}`}"`,
      vary: "Accept-Encoding",
      "content-length": String(body.length),
      "x-page-cache": "hit",
      ...(coding === "identity" ? {} : { "content-encoding": coding }),
    };
    forEntry[coding] = headers;
  }
  return headers;
}

export interface FastPathOptions {
  /** Whether the request came over TLS (directly, or as the trusted proxy says): HSTS is sent then. */
  https(request: IncomingMessage): boolean;
}

/**
 * Answers a public page from the page cache before the framework sees the
 * request: a GET or HEAD with no cookie but the anti-forgery secret, for an
 * address whose page is kept with its final headers (security headers
 * included) and while the content counters were looked at within the last
 * second. Anything else (a session, a miss, a form) goes the usual way.
 * Returns whether it answered.
 */
export function answerFromCache(cache: PageCache, options: FastPathOptions) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const method = request.method;
    if (method !== "GET" && method !== "HEAD") return false;
    const cookie = request.headers.cookie;
    if (cookie && !NEUTRAL_ONLY.test(cookie)) return false;
    const url = request.url;
    if (!url) return false;
    const entry = cache.peek(cacheKeyOf(url));
    if (!entry?.headers) return false;
    const acceptEncoding = request.headers["accept-encoding"];
    const [coding, body]: [Coding, Buffer] =
      entry.br && accepts(acceptEncoding, "br")
        ? ["br", entry.br]
        : entry.gzip && accepts(acceptEncoding, "gzip")
          ? ["gzip", entry.gzip]
          : ["identity", entry.body];
    const headers = headersFor(entry, coding, body);
    if (options.https(request)) response.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains");
    if (matches(request.headers["if-none-match"], String(headers.etag))) {
      const { "content-length": _length, ...rest } = headers;
      response.writeHead(304, rest).end();
      return true;
    }
    response.writeHead(200, headers).end(method === "HEAD" ? undefined : body);
    if (method === "GET") {
      cache.onServe?.(url);
      entry.onServe?.();
    }
    return true;
  };
}
