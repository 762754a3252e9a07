import type { FastifyInstance } from "fastify";
import type { ContentPage } from "../pages/content.js";
import { fieldErrors } from "../platform/http/forms.js";
import { searchContentPages } from "./content-search.js";
import { searchQuerySchema } from "./schemas.js";
import { SearchPage } from "./views/SearchPage.js";

/** The results page behind the search box on every page. */
export async function searchRoutes(app: FastifyInstance, opts: { pages: ContentPage[] }) {
  app.get("/search", async (request, reply) => {
    const parsed = searchQuerySchema.safeParse(request.query ?? {});
    const tr = request.tr;
    if (!parsed.success) {
      return reply.page({
        status: 400,
        title: tr.t("errors.titlePrefix", { title: tr.t("search.title") }),
        breadcrumbs: [{ label: tr.t("search.title") }],
        body: <SearchPage query="" hits={[]} errors={fieldErrors(parsed.error, tr).map((e) => ({ ...e, field: "q" }))} />,
        noindex: true,
      });
    }
    const { q } = parsed.data;
    const hits = searchContentPages(opts.pages, q, request.locale);
    return reply.page({
      title: q ? tr.t("search.titleWithQuery", { query: q }) : tr.t("search.title"),
      breadcrumbs: [{ label: tr.t("search.title") }],
      body: <SearchPage query={q} hits={hits} errors={[]} />,
      noindex: true,
    });
  });
}
