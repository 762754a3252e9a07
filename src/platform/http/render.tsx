import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { renderToString } from "preact-render-to-string";
import { direction, isLocale, type Locale, localeOfPath } from "../i18n/locales.js";
import { type Translator, translator } from "../i18n/messages.js";
import { Layout, type LayoutSlots, type PageSpec } from "../layout/Layout.js";
import { type NavItem, PageContext, type PageContextValue } from "../layout/page-context.js";
import { assetUrl } from "./assets.js";
import { type PageCache, sendCached } from "./page-cache.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The visitor's language: from the address (/en/…), or for the API from ?lang= or Accept-Language. */
    locale: Locale;
    tr: Translator;
  }
  interface FastifyReply {
    /** Renders a page inside the portal's layout in the request's language. */
    page(spec: PageSpec): FastifyReply;
  }
}

export interface RenderOptions extends LayoutSlots {
  navigation: NavItem[];
  baseUrl: string;
  /** The signed-in person's name in the request's language, if any (supplied by the accounts area). */
  viewerName?: (request: FastifyRequest) => string | undefined;
  /** Where public pages are kept once rendered (src/platform/http/page-cache.ts). */
  pageCache?: PageCache;
  /**
   * Attributes for the page's <html> element from the visitor's display settings (supplied by the
   * accessibility area: `data-text-size`, `class`); undefined when the visitor chose none.
   */
  htmlAttributes?: (request: FastifyRequest) => Record<string, string> | undefined;
}

/** The language of an API call: ?lang=en, else the first of Accept-Language we speak, else Arabic. */
function apiLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(lang)) return lang;
  const accepted = (request.headers["accept-language"] ?? "").split(",").map((part) => part.trim().slice(0, 2).toLowerCase());
  return accepted.find(isLocale) ?? "ar";
}

/** An API call, whose language is asked for; the API's documentation (/api/docs) is a page, its language in its address. */
function isApiCall(url: string): boolean {
  return url.startsWith("/api/") && !/^\/api\/docs(?:[/?#]|$)/.test(url);
}

export function localeOf(request: FastifyRequest): Locale {
  return isApiCall(request.url) ? apiLocale(request) : localeOfPath(request.url);
}

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  navigation: NavItem[],
  viewerName?: string,
  csrfToken: string = reply.generateCsrf(),
): PageContextValue {
  return {
    viewerName,
    locale: request.locale,
    dir: direction[request.locale],
    tr: request.tr,
    url: request.url,
    csrfToken,
    navigation,
    asset: assetUrl,
  };
}

export const renderPlugin = fp(async (app: FastifyInstance, opts: RenderOptions) => {
  app.decorateRequest("locale", "ar");
  app.decorateRequest("tr", null as unknown as Translator);
  app.addHook("onRequest", async (request) => {
    request.locale = localeOf(request);
    request.tr = translator(request.locale);
  });
  app.decorateReply("page", function page(this: FastifyReply, spec: PageSpec) {
    const viewerName = opts.viewerName?.(this.request);
    const cacheKey = (spec.status ?? 200) === 200 && !viewerName ? this.request.pageCacheKey : undefined;
    const cache = cacheKey ? opts.pageCache : undefined;
    const ctx = pageContext(this.request, this, opts.navigation, viewerName, cache?.placeholder);
    // A page that shows who is signed in is theirs alone: no shared cache, and no offline copy (src/client/sw.js).
    if (viewerName) this.header("cache-control", "private, no-store");
    // Any other page carries the visitor's anti-forgery token (the feedback form is on every page): the browser
    // may keep it and revalidate, a shared cache may not (unless the route said otherwise).
    else if (!this.hasHeader("cache-control")) this.header("cache-control", "private, no-cache");
    const htmlAttributes = opts.htmlAttributes?.(this.request);
    // A page shaped by the visitor's display settings (their cookie) is theirs too: never shared between people.
    if (htmlAttributes) this.header("vary", "Cookie");
    const html = `<!doctype html>${renderToString(
      <PageContext.Provider value={ctx}>
        <Layout spec={spec} slots={opts} baseUrl={opts.baseUrl} htmlAttributes={htmlAttributes} />
      </PageContext.Provider>,
    )}`;
    if (cache && cacheKey)
      return sendCached(cache, this.request, this, cache.store(cacheKey, html, this.request.pageCacheStamp), "miss");
    return this.code(spec.status ?? 200)
      .type("text/html; charset=utf-8")
      .send(html);
  });
});
