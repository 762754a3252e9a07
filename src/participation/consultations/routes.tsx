import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireViewer } from "../../accounts/sessions.js";
import { agencyName } from "../../catalogue/service.js";
import { messageOf, zodProblems } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { PRIVATE_CACHE_CONTROL } from "../../platform/http/page-cache.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { participatePath } from "../listing.js";
import { isPublic, phaseOf } from "../period.js";
import { firstNames } from "./names.js";
import {
  addComment,
  type Consultation,
  findComment,
  findConsultation,
  reportComment,
  reportedBy,
  sectionsOf,
  visibleComments,
  visibleStatuses,
} from "./repository.js";
import { commentBody, commentParams, pageQuery, slugParams } from "./schemas.js";
import { ConsultationPage, type ConsultationPageProps, type FailedComment } from "./views/ConsultationPage.js";

/** Comments a person may send in ten minutes; reports likewise. Counted per person (per address when signed out). */
const perPerson = (request: FastifyRequest) => request.viewer?.id ?? request.ip;
const COMMENT_LIMIT = { max: 20, timeWindow: "10 minutes", keyGenerator: perPerson };
const REPORT_LIMIT = { max: 40, timeWindow: "10 minutes", keyGenerator: perPerson };

/** A published consultation the public may see (open or closed), by its address. */
async function publicConsultation(db: Db, request: FastifyRequest): Promise<Consultation> {
  const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
  const c = await findConsultation(db, slug);
  if (!c || !isPublic(c)) throw new NotFoundError();
  return c;
}

async function showConsultation(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  c: Consultation,
  extra: Pick<ConsultationPageProps, "failed" | "notice"> = {},
) {
  const { tr, locale } = request;
  const viewerId = request.viewer?.stage === "full" ? request.viewer.id : undefined;
  const [sections, comments, agency] = await Promise.all([
    sectionsOf(db, c.id),
    visibleComments(db, c.id),
    agencyName(db, c.agency),
  ]);
  const [names, reported] = await Promise.all([
    firstNames(
      db,
      comments.map((cm) => cm.userId),
      locale,
    ),
    viewerId
      ? reportedBy(
          db,
          viewerId,
          comments.map((cm) => cm.id),
        )
      : Promise.resolve(new Set<string>()),
  ]);
  const title = locale === "ar" ? c.titleAr : c.titleEn;
  return reply.header("cache-control", viewerId ? PRIVATE_CACHE_CONTROL : "no-cache").page({
    status: extra.failed ? 400 : 200,
    title: extra.failed ? tr.t("errors.titlePrefix", { title }) : title,
    description: locale === "ar" ? c.summaryAr : c.summaryEn,
    breadcrumbs: [{ label: tr.t("participation.title"), path: "/participate" }, { label: title }],
    body: (
      <ConsultationPage
        consultation={c}
        sections={sections}
        agency={agency}
        phase={phaseOf(c)}
        comments={comments.map((cm) => ({
          id: cm.id,
          sectionId: cm.sectionId,
          author: names.get(cm.userId) ?? tr.t("participation.consultations.public.someone"),
          body: cm.body,
          createdAt: cm.createdAt,
          mine: cm.userId === viewerId,
          reported: reported.has(cm.id),
        }))}
        signedIn={Boolean(viewerId)}
        failed={extra.failed}
        notice={extra.notice}
      />
    ),
  });
}

/**
 * /participate/consultations/:slug: a draft policy or law by section; while
 * open, signed-in people comment under each section and report comments;
 * after closing, the comments stay to read and the agency's response shows.
 */
export async function consultationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const signedInPost = (rateLimit: typeof COMMENT_LIMIT) => ({
    preHandler: [requireViewer, app.csrfProtection],
    config: { rateLimit },
  });
  const pagePath = (request: FastifyRequest, c: Consultation) =>
    localizePath(request.locale, participatePath("consultations", c.slug));

  app.get("/participate/consultations/:slug", async (request, reply) => {
    const c = await publicConsultation(db, request);
    const q = pageQuery.parse(request.query ?? {});
    const notice = q.commented
      ? ({ kind: "commented", commentId: q.commented } as const)
      : q.reported
        ? ({ kind: "reported" } as const)
        : undefined;
    return showConsultation(db, request, reply, c, { notice });
  });

  // Coming back from signing in to a form's address: the page itself.
  for (const path of ["/participate/consultations/:slug/comments", "/participate/consultations/:slug/comments/:id/report"]) {
    app.get(path, async (request, reply) => reply.redirect(pagePath(request, await publicConsultation(db, request)), 303));
  }

  app.post("/participate/consultations/:slug/comments", signedInPost(COMMENT_LIMIT), async (request, reply) => {
    const c = await publicConsultation(db, request);
    if (phaseOf(c) !== "open") throw new ConflictError("participation.consultations.errors.closed");
    const body = formBody(request.body);
    const sections = await sectionsOf(db, c.id);
    const section = sections.find((s) => s.id === body.section);
    if (!section) throw new BadRequestError("participation.consultations.errors.unknownSection");
    const parsed = commentBody.safeParse(body);
    if (!parsed.success) {
      const failed: FailedComment = {
        sectionId: section.id,
        value: typeof body.comment === "string" ? body.comment : "",
        error: messageOf(request.tr, zodProblems(parsed.error)[0] ?? { key: "errors.invalidField" }),
      };
      return showConsultation(db, request, reply, c, { failed });
    }
    const comment = await addComment(db, {
      consultationId: c.id,
      sectionId: section.id,
      userId: request.viewer?.id ?? "",
      body: parsed.data.comment,
    });
    return reply.redirect(`${pagePath(request, c)}?commented=${comment.id}`, 303);
  });

  app.post("/participate/consultations/:slug/comments/:id/report", signedInPost(REPORT_LIMIT), async (request, reply) => {
    const c = await publicConsultation(db, request);
    const { id } = parseOrRefuse(commentParams, request.params, { notFound: true });
    if (phaseOf(c) !== "open") throw new ConflictError("participation.consultations.errors.closedReports");
    const comment = await findComment(db, c.id, id);
    if (!comment || !visibleStatuses.includes(comment.status as (typeof visibleStatuses)[number])) throw new NotFoundError();
    const viewerId = request.viewer?.id ?? "";
    if (comment.userId === viewerId) throw new ForbiddenError("participation.consultations.errors.ownComment");
    await reportComment(db, comment.id, viewerId);
    return reply.redirect(`${pagePath(request, c)}?reported=1`, 303);
  });
}
