import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listAgencies, listServices, listTerms, personaFamily } from "../catalogue/service.js";
import { fieldErrors } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import { type Locale, localizePath } from "../platform/i18n/locales.js";
import type { SearchAnalytics } from "./analytics.js";
import { docTypes } from "./documents.js";
import type { Hit, SearchFilters } from "./engine.js";
import { RESULTS_PER_PAGE, searchApiQuery, searchPageQuery, suggestApiQuery } from "./schemas.js";
import type { SearchIndex } from "./search-index.js";
import { SearchPage, type SearchState } from "./views/SearchPage.js";

export interface SearchRouteOptions {
  db: Db;
  index: SearchIndex;
  analytics: SearchAnalytics;
}

async function filtersOf(
  db: Db,
  s: { type?: SearchFilters["type"]; persona?: string; agency?: string; online: boolean },
): Promise<SearchFilters> {
  const personas = s.persona ? personaFamily(await listTerms(db, "persona"), s.persona) : undefined;
  return { type: s.type, personas, agency: s.agency, fullyOnline: s.online };
}

/** The results page behind the search box on every page. */
export async function searchPageRoutes(app: FastifyInstance, { db, index, analytics }: SearchRouteOptions) {
  app.get("/search", PUBLIC_PAGE, async (request, reply) => {
    const tr = request.tr;
    const [personas, agencies] = await Promise.all([listTerms(db, "persona"), listAgencies(db)]);
    const parsed = searchPageQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, tr).map((e) => ({ ...e, field: "q" }));
      return reply.page({
        status: 400,
        title: tr.t("errors.titlePrefix", { title: tr.t("search.title") }),
        breadcrumbs: [{ label: tr.t("search.title") }],
        body: (
          <SearchPage
            state={{ q: "", online: false, page: 1 }}
            errors={errors}
            total={0}
            hits={[]}
            pageSize={RESULTS_PER_PAGE}
            personas={personas}
            agencies={agencies}
            popular={[]}
          />
        ),
        noindex: true,
      });
    }
    // A results page is kept only when the index has caught up with the content the page cache follows.
    if (index.builtFrom !== request.pageCacheStamp) request.pageCacheKey = undefined;
    const q = parsed.data;
    const state: SearchState = {
      q: q.q,
      type: q.type,
      persona: q.persona,
      agency: q.agency,
      online: q.online === "1",
      page: q.page,
    };
    const outcome = q.q
      ? index.engine.search(q.q, await filtersOf(db, state), { offset: (q.page - 1) * RESULTS_PER_PAGE, limit: RESULTS_PER_PAGE })
      : { total: 0, hits: [] as Hit[] };
    if (q.q && q.page === 1) {
      const { locale } = request;
      analytics.record(q.q, locale, outcome.total);
      // Served again from the page cache, the search is counted again.
      request.pageCacheOnServe = () => analytics.record(q.q, locale, outcome.total);
    }
    const popular = q.q && outcome.total === 0 ? (await listServices(db, { page: 1, pageSize: 5 })).items : [];
    return reply.page({
      title: q.q ? tr.t("search.titleWithQuery", { query: q.q }) : tr.t("search.title"),
      breadcrumbs: [{ label: tr.t("search.title") }],
      body: (
        <SearchPage
          state={state}
          errors={[]}
          total={outcome.total}
          hits={outcome.hits}
          pageSize={RESULTS_PER_PAGE}
          layoutSwitchedTo={"layoutSwitchedTo" in outcome ? outcome.layoutSwitchedTo : undefined}
          didYouMean={"didYouMean" in outcome ? outcome.didYouMean : undefined}
          relaxed={"relaxed" in outcome ? outcome.relaxed : undefined}
          personas={personas}
          agencies={agencies}
          popular={popular}
        />
      ),
      noindex: true,
    });
  });
}

const item = z.object({
  type: z.enum(docTypes),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  bestBet: z.boolean(),
  agency: z.object({ slug: z.string(), name: z.string() }).optional(),
  maturity: z.string().optional(),
});

function toItem(hit: Hit, locale: Locale, baseUrl: string) {
  const d = hit.doc;
  return {
    type: d.type,
    slug: d.slug,
    title: d.title[locale],
    summary: d.summary[locale],
    url: `${baseUrl}${localizePath(locale, d.path)}`,
    bestBet: hit.bestBet,
    agency: d.agency ? { slug: d.agency.slug, name: d.agency.name[locale] } : undefined,
    maturity: d.maturity,
  };
}

/** GET /api/v1/search (the same results as the page) and /api/v1/search/suggest (for the search box). */
export async function searchApiRoutes(
  app: FastifyInstance,
  { db, index, analytics, baseUrl }: SearchRouteOptions & { baseUrl: string },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/search",
    {
      schema: {
        querystring: searchApiQuery,
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(item),
            layoutSwitchedTo: z.string().optional(),
            didYouMean: z.string().optional(),
            relaxed: z.enum(["fuzzy", "some-words"]).optional(),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const locale = request.locale;
      if (!q.q) return { total: 0, items: [] };
      const filters = await filtersOf(db, { type: q.type, persona: q.persona, agency: q.agency, online: q.online === "true" });
      const outcome = index.engine.search(q.q, filters, { offset: q.offset, limit: q.limit });
      if (q.offset === 0) analytics.record(q.q, locale, outcome.total);
      return {
        total: outcome.total,
        items: outcome.hits.map((h) => toItem(h, locale, baseUrl)),
        layoutSwitchedTo: outcome.layoutSwitchedTo,
        didYouMean: outcome.didYouMean,
        relaxed: outcome.relaxed,
      };
    },
  );

  api.get(
    "/api/v1/search/suggest",
    {
      schema: {
        querystring: suggestApiQuery,
        response: { 200: z.object({ items: z.array(z.object({ type: z.enum(docTypes), title: z.string(), url: z.string() })) }) },
      },
    },
    async (request, reply) => {
      const { q } = request.query;
      const locale = request.locale;
      const docs = q.length >= 2 ? index.engine.suggest(q, 6) : [];
      reply.header("cache-control", "public, max-age=60");
      return { items: docs.map((d) => ({ type: d.type, title: d.title[locale], url: localizePath(locale, d.path) })) };
    },
  );
}
