import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { renderToString } from "preact-render-to-string";
import { direction, isLocale, type Locale, localeOfPath } from "../i18n/locales.js";
import { type Translator, translator } from "../i18n/messages.js";
import { Layout, type LayoutSlots, type PageSpec } from "../layout/Layout.js";
import { type NavItem, PageContext, type PageContextValue } from "../layout/page-context.js";
import { assetUrl } from "./assets.js";
import { isPublicRequest, makeEntry, type PageCache, PRIVATE_CACHE_CONTROL, sendPublic } from "./page-cache.js";

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

/**
 * What the views of one page may know. The anti-forgery token is made (and its
 * secret cookie set) only when a view asks for it, so a page without a form
 * carries none.
 */
export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  navigation: NavItem[],
  viewerName?: string,
  csrfToken: () => string = () => reply.generateCsrf(),
): PageContextValue {
  const ctx = {
    viewerName,
    locale: request.locale,
    dir: direction[request.locale],
    tr: request.tr,
    url: request.url,
    navigation,
    asset: assetUrl,
  } as PageContextValue;
  let token: string | undefined;
  Object.defineProperty(ctx, "csrfToken", { get: () => (token ??= csrfToken()), enumerable: false });
  return ctx;
}

export const renderPlugin = fp(async (app: FastifyInstance, opts: RenderOptions) => {
  app.decorateRequest("locale", "ar");
  app.decorateRequest("tr", null as unknown as Translator);
  app.addHook("onRequest", async (request) => {
    request.locale = localeOf(request);
    request.tr = translator(request.locale);
  });
  app.decorateReply("page", function page(this: FastifyReply, spec: PageSpec) {
    const request = this.request;
    const viewerName = opts.viewerName?.(request);
    // A public page (src/platform/http/page-cache.ts) asked for by an anonymous visitor: the same bytes for everyone.
    const isPublic = !viewerName && (spec.status ?? 200) === 200 && isPublicRequest(request);
    let tokenAsked = false;
    const ctx = pageContext(request, this, opts.navigation, viewerName, () => {
      tokenAsked = true;
      return this.generateCsrf();
    });
    const htmlAttributes = opts.htmlAttributes?.(request);
    // A page shaped by the visitor's display settings (their cookie) is theirs too: never shared between people.
    if (htmlAttributes) this.header("vary", "Cookie");
    const html = `<!doctype html>${renderToString(
      <PageContext.Provider value={ctx}>
        <Layout spec={spec} slots={opts} baseUrl={opts.baseUrl} htmlAttributes={htmlAttributes} />
      </PageContext.Provider>,
    )}`;
    if (isPublic && !tokenAsked) {
      const entry = makeEntry(html);
      const key = request.pageCacheKey;
      entry.onServe = request.pageCacheOnServe;
      if (key && opts.pageCache?.store(key, entry, request.pageCacheStamp)) request.pageCacheEntry = entry;
      return sendPublic(request, this, entry, key ? "miss" : undefined);
    }
    // A public page with a form for this visitor (their token) cannot be shared: it is sent as theirs alone.
    if (isPublic) request.log.warn({ url: request.url }, "a public page asked for an anti-forgery token; sent privately");
    // A page that shows who is signed in is theirs alone: no shared cache, and no offline copy (src/client/sw.js).
    // Any other page is private unless its route says otherwise, so nothing is shared by accident.
    if (viewerName || isPublic || !this.hasHeader("cache-control")) this.header("cache-control", PRIVATE_CACHE_CONTROL);
    return this.code(spec.status ?? 200)
      .type("text/html; charset=utf-8")
      .send(html);
  });
});
