import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { requireViewer } from "../../accounts/sessions.js";
import { agencyWords, catalogueEditing } from "../../catalogue/service.js";
import { answerCounts, commentsFor } from "../../feedback/service.js";
import type { Db } from "../../platform/db/client.js";
import { addDays, dohaToday } from "../../platform/time/doha.js";
import { zeroResultQueriesSince } from "../../search/analytics.js";
import { QueryAttribution } from "./attribution.js";
import { DUE_SOON_DAYS } from "./freshness.js";
import { servicesDueForReview } from "./repository.js";
import { feedbackRoles, freshnessRoles, scopeOf } from "./scope.js";
import { FeedbackInsightsPage, type PageFeedback } from "./views/FeedbackInsightsPage.js";
import { FreshnessPage } from "./views/FreshnessPage.js";

/** Comments shown a page at a time. */
const COMMENTS_PER_PAGE = 20;
/** Zero-result searches are looked at over this many days, and at most this many shown. */
const SEARCH_DAYS = 90;
const SEARCHES_SHOWN = 50;

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export interface InsightsRouteOptions {
  db: Db;
  /** CONTENT_REVIEW_MONTHS: a service is due for review this long after it was last reviewed. */
  reviewMonths: number;
}

/** The workspace's insights: what is due for review, and what the public says and cannot find. */
export async function insightsRoutes(app: FastifyInstance, { db, reviewMonths }: InsightsRouteOptions) {
  const staffPage = { preHandler: requireViewer };
  const trail = (request: FastifyRequest, key: string) => [
    { label: request.tr.t("insights.workspace"), path: "/workspace" },
    { label: request.tr.t(key) },
  ];

  app.get("/workspace/freshness", staffPage, async (request, reply) => {
    const scope = await scopeOf(db, request, freshnessRoles);
    const today = dohaToday();
    const items = await servicesDueForReview(db, {
      agency: scope.agency.slug,
      months: reviewMonths,
      until: addDays(today, DUE_SOON_DAYS),
    });
    return reply.page({
      title: request.tr.t("insights.freshness.title"),
      breadcrumbs: trail(request, "insights.freshness.title"),
      body: <FreshnessPage scope={scope} items={items} today={today} reviewMonths={reviewMonths} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  app.get("/workspace/feedback", staffPage, async (request, reply) => {
    const scope = await scopeOf(db, request, feedbackRoles);
    const { page } = pageQuery.parse(request.query ?? {});
    const agency = scope.agency.slug;
    const services = await catalogueEditing.agencyServiceTitles(db, agency);
    const titles = new Map<string, { ar: string; en: string }>([
      [`/agencies/${agency}`, scope.agency.name],
      ...services.map((s) => [`/services/${s.slug}`, s.title] as const),
    ]);
    const paths = [...titles.keys()];
    const [counts, comments, searches, vocabularies] = await Promise.all([
      answerCounts(db, paths),
      commentsFor(db, paths, { limit: COMMENTS_PER_PAGE, offset: (page - 1) * COMMENTS_PER_PAGE }),
      zeroResultQueriesSince(db, addDays(dohaToday(), -SEARCH_DAYS)),
      agencyWords(db),
    ]);
    const attribution = new QueryAttribution(vocabularies);
    const pages: PageFeedback[] = counts
      .map((c) => ({ ...c, title: titles.get(c.path) ?? { ar: c.path, en: c.path } }))
      .sort((a, b) => b.no - a.no || b.yes + b.no - (a.yes + a.no) || a.path.localeCompare(b.path));
    return reply.page({
      title: request.tr.t("insights.feedback.title"),
      breadcrumbs: trail(request, "insights.feedback.title"),
      body: (
        <FeedbackInsightsPage
          scope={scope}
          pages={pages}
          comments={comments.items.map((c) => ({ ...c, path: c.path.replace(/(.)\/$/, "$1") }))}
          titles={titles}
          page={page}
          pageCount={Math.max(1, Math.ceil(comments.total / COMMENTS_PER_PAGE))}
          totalComments={comments.total}
          searches={searches.filter((s) => attribution.concerns(s.query, agency)).slice(0, SEARCHES_SHOWN)}
          searchDays={SEARCH_DAYS}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });
}
