import type { FastifyInstance } from "fastify";
import type { Crumb } from "../platform/design/Breadcrumbs.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import type { Locale } from "../platform/i18n/locales.js";
import type { ContentPage } from "./content.js";
import { ContentPageView } from "./views/ContentPageView.js";
import { SitemapView } from "./views/SitemapView.js";

function trailOf(page: ContentPage, pages: ContentPage[], locale: Locale): Crumb[] {
  const trail: Crumb[] = [{ label: page.text[locale].title }];
  let parent = pages.find((p) => p.path === page.parent);
  while (parent) {
    trail.unshift({ label: parent.text[locale].title, path: parent.path });
    const next = parent.parent;
    parent = pages.find((p) => p.path === next);
  }
  return trail;
}

/** The portal's own pages (about, history, accessibility, privacy, terms, contact) and the sitemap. */
export async function contentPageRoutes(app: FastifyInstance, opts: { pages: ContentPage[] }) {
  const { pages } = opts;
  for (const page of pages) {
    app.get(page.path, PUBLIC_PAGE, async (request, reply) => {
      const text = page.text[request.locale];
      return reply.page({
        title: text.title,
        description: text.description,
        breadcrumbs: trailOf(page, pages, request.locale),
        body: <ContentPageView page={page} children={pages.filter((p) => p.parent === page.path)} />,
      });
    });
  }

  app.get("/sitemap", PUBLIC_PAGE, async (request, reply) =>
    reply.page({
      title: request.tr.t("pages.sitemap.title"),
      breadcrumbs: [{ label: request.tr.t("pages.sitemap.title") }],
      body: <SitemapView pages={pages} />,
    }),
  );
}
