import type { FastifyRequest } from "fastify";
import { ForbiddenError } from "./errors.js";

/** The host part (name and port) of an absolute address, lower case; undefined when it is not one. */
function hostOf(address: string): string | undefined {
  try {
    return new URL(address).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Whether a request was sent by a page of another site, following the
 * OWASP CSRF guidance without any per-visitor state:
 * - `Sec-Fetch-Site` (every current browser sends it): `same-origin` and
 *   `none` (typed, bookmarked) are ours; `same-site`, `cross-site` are not;
 * - else `Origin`, else `Referer`, compared with the address the request was
 *   sent to (its Host, or the portal's public address behind a proxy);
 * - none of them: not a browser (a script or a test), which no other site can
 *   make a visitor's browser send.
 */
export function isCrossSite(request: FastifyRequest, publicHost?: string): boolean {
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = request.headers.origin ?? request.headers.referer;
  if (typeof origin !== "string" || origin === "") return false;
  const from = hostOf(origin);
  if (!from) return true;
  return from !== request.host.toLowerCase() && from !== publicHost;
}

/**
 * A route's pre-handler refusing posts from other sites (403 with a message in
 * the visitor's language). For the anonymous forms on public pages (the
 * feedback question), which carry no anti-forgery token so that the page is
 * the same for everyone; the session cookie is SameSite=Lax besides.
 */
export function sameOriginOnly(baseUrl: string) {
  const publicHost = hostOf(baseUrl);
  return async (request: FastifyRequest): Promise<void> => {
    if (isCrossSite(request, publicHost)) throw new ForbiddenError("errors.crossSite.message");
  };
}
