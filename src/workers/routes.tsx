import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { z } from "zod";
import { parseOrRefuse } from "../platform/http/forms.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import type { SitemapEntry } from "../platform/http/sitemap.js";
import { findWorkerPage, languagesOf, type WorkerContent } from "./content.js";
import {
  isWorkerLanguage,
  isWorkerPage,
  type WorkerLanguage,
  type WorkerPageSlug,
  workerLanguages,
  workerPath,
} from "./languages.js";
import { LanguageChooser } from "./views/LanguageChooser.js";
import { eserviceLink, type LanguageEntry, WorkerNotFoundView, WorkerPageView } from "./views/WorkerPageView.js";
import { WorkersLayout } from "./views/WorkersLayout.js";

export interface WorkersRouteOptions {
  content: WorkerContent;
  /** Whether an e-service has a form in a language (the workers' translated forms). */
  translated?: ((language: WorkerLanguage, eservice: string) => boolean) | undefined;
  baseUrl: string;
  /** The visitor's display settings for <html> (text size, contrast…), as on the portal's other pages. */
  htmlAttributes?: (request: FastifyRequest) => Record<string, string> | undefined;
}

const languageParams = z.object({ lang: z.string() });
const pageParams = z.object({ lang: z.string(), page: z.string() });

/** The page in each language: a link where it is written, a note where it is not. */
function languageEntries(content: WorkerContent, slug: WorkerPageSlug): LanguageEntry[] {
  const written = new Set(languagesOf(content, slug));
  return workerLanguages.map((language) => ({
    language,
    name: content.interfaces[language].languageName,
    href: written.has(language) ? workerPath(language, slug) : undefined,
  }));
}

/** The portal's pages in a language, for its navigation. */
export function navOf(content: WorkerContent, language: WorkerLanguage, current?: WorkerPageSlug) {
  return content.pages[language].map((p) => ({ href: workerPath(language, p.slug), label: p.nav, current: p.slug === current }));
}

/** Sends a page; one shaped by the visitor's display settings (their cookie) is theirs, never shared between people. */
function send(reply: FastifyReply, status: number, body: VNode, personal: boolean): FastifyReply {
  if (personal) reply.header("vary", "Cookie").header("cache-control", "private, no-cache");
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .send(`<!doctype html>${renderToString(body)}`);
}

/** A page the language does not have: a 404 in that language (or in English when the language is unknown). */
function notFound(reply: FastifyReply, opts: WorkersRouteOptions, language: WorkerLanguage, slug?: WorkerPageSlug) {
  const { content } = opts;
  const words = content.interfaces[language];
  const htmlAttributes = opts.htmlAttributes?.(reply.request);
  const languages = slug ? languageEntries(content, slug) : [];
  return send(
    reply,
    404,
    <WorkersLayout
      language={language}
      words={words}
      title={words.notFoundTitle}
      nav={navOf(content, language)}
      alternates={[]}
      noindex
      htmlAttributes={htmlAttributes}
    >
      <WorkerNotFoundView
        words={words}
        language={language}
        languages={languages}
        pagesHere={content.pages[language].map((p) => ({ href: workerPath(language, p.slug), title: p.title }))}
      />
    </WorkersLayout>,
    Boolean(htmlAttributes),
  );
}

function showPage(reply: FastifyReply, opts: WorkersRouteOptions, lang: string, page: string) {
  const { content, baseUrl } = opts;
  if (!isWorkerLanguage(lang)) return notFound(reply, opts, "en");
  const slug = isWorkerPage(page) ? page : undefined;
  const found = slug ? findWorkerPage(content, lang, slug) : undefined;
  if (!slug || !found) return notFound(reply, opts, lang, slug);
  const words = content.interfaces[lang];
  const htmlAttributes = opts.htmlAttributes?.(reply.request);
  return send(
    reply,
    200,
    <WorkersLayout
      language={lang}
      words={words}
      title={found.title}
      description={found.description}
      nav={navOf(content, lang, slug)}
      alternates={languagesOf(content, slug).map((l) => ({ language: l, href: `${baseUrl}${workerPath(l, slug)}` }))}
      htmlAttributes={htmlAttributes}
    >
      <WorkerPageView
        page={found}
        words={words}
        languages={languageEntries(content, slug)}
        eservice={
          found.eservice ? eserviceLink(lang, found.eservice, opts.translated?.(lang, found.eservice) ?? false) : undefined
        }
      />
    </WorkersLayout>,
    Boolean(htmlAttributes),
  );
}

/** The workers' portal in each of its languages: /workers/<code> and /workers/<code>/<page>. Registered once, at the root. */
export async function workerPageRoutes(app: FastifyInstance, opts: WorkersRouteOptions) {
  app.get("/workers/:lang", async (request, reply) => {
    const { lang } = parseOrRefuse(languageParams, request.params, { notFound: true });
    return showPage(reply, opts, lang, "overview");
  });
  app.get("/workers/:lang/:page", async (request, reply) => {
    const { lang, page } = parseOrRefuse(pageParams, request.params, { notFound: true });
    if (page === "overview" && isWorkerLanguage(lang)) return reply.redirect(workerPath(lang), 301);
    return showPage(reply, opts, lang, page);
  });
  // The portal's pages have no English copy: an English address leads to the one page.
  app.get("/en/workers/:lang", async (request, reply) => {
    const { lang } = parseOrRefuse(languageParams, request.params, { notFound: true });
    return isWorkerLanguage(lang) ? reply.redirect(workerPath(lang), 301) : notFound(reply, opts, "en");
  });
  app.get("/en/workers/:lang/:page", async (request, reply) => {
    const { lang, page } = parseOrRefuse(pageParams, request.params, { notFound: true });
    if (!isWorkerLanguage(lang)) return notFound(reply, opts, "en");
    return reply.redirect(`/workers/${lang}/${encodeURIComponent(page)}`, 301);
  });
}

/** /workers (Arabic) and /en/workers: the language chooser, in the main portal's frame. */
export async function workerChooserRoutes(app: FastifyInstance, opts: WorkersRouteOptions) {
  const { content } = opts;
  app.get("/workers", PUBLIC_PAGE, async (request, reply) =>
    reply.page({
      title: request.tr.t("workers.chooser.title"),
      description: request.tr.t("workers.chooser.lead"),
      breadcrumbs: [{ label: request.tr.t("workers.chooser.title") }],
      stylesheets: ["css/workers.css"],
      body: (
        <LanguageChooser
          entries={workerLanguages.map((language) => ({
            language,
            name: content.interfaces[language].languageName,
            portalName: content.interfaces[language].portalName,
            href: workerPath(language),
          }))}
        />
      ),
    }),
  );
}

/** Every page of the workers' portal for the XML sitemap, each naming the languages it exists in. */
export function workerSitemapEntries(content: WorkerContent): SitemapEntry[] {
  return workerLanguages.flatMap((language) =>
    content.pages[language].map((page) => ({
      path: workerPath(language, page.slug),
      alternates: languagesOf(content, page.slug).map((l) => ({ hreflang: l, path: workerPath(l, page.slug) })),
    })),
  );
}
