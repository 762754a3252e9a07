import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { renderToString } from "preact-render-to-string";
import { direction, isLocale, type Locale, localeOfPath } from "../i18n/locales.js";
import { type Translator, translator } from "../i18n/messages.js";
import { Layout, type LayoutSlots, type PageSpec } from "../layout/Layout.js";
import { type NavItem, PageContext, type PageContextValue } from "../layout/page-context.js";
import { assetUrl } from "./assets.js";

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
}

/** The language of an API call: ?lang=en, else the first of Accept-Language we speak, else Arabic. */
function apiLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(lang)) return lang;
  const accepted = (request.headers["accept-language"] ?? "").split(",").map((part) => part.trim().slice(0, 2).toLowerCase());
  return accepted.find(isLocale) ?? "ar";
}

export function localeOf(request: FastifyRequest): Locale {
  return request.url.startsWith("/api/") ? apiLocale(request) : localeOfPath(request.url);
}

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  navigation: NavItem[],
  viewerName?: string,
): PageContextValue {
  return {
    viewerName,
    locale: request.locale,
    dir: direction[request.locale],
    tr: request.tr,
    url: request.url,
    csrfToken: reply.generateCsrf(),
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
    const ctx = pageContext(this.request, this, opts.navigation, viewerName);
    // A page that shows who is signed in is theirs alone: no shared cache, and no offline copy (src/client/sw.js).
    if (viewerName) this.header("cache-control", "private, no-store");
    const html = renderToString(
      <PageContext.Provider value={ctx}>
        <Layout spec={spec} slots={opts} baseUrl={opts.baseUrl} />
      </PageContext.Provider>,
    );
    return this.code(spec.status ?? 200)
      .type("text/html; charset=utf-8")
      .send(`<!doctype html>${html}`);
  });
});
