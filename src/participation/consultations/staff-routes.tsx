import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireViewer } from "../../accounts/sessions.js";
import { fieldsOf, withAudit } from "../../audit/log.js";
import { agencyName, listAgencies } from "../../catalogue/service.js";
import { fieldErrors } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { dohaDateTimeValues } from "../../platform/http/date-time.js";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import type { PageSpec } from "../../platform/layout/Layout.js";
import { participationAudit } from "../audit.js";
import { staffPath } from "../listing.js";
import { agenciesRun, phaseOf, runsParticipationFor } from "../period.js";
import {
  type Consultation,
  closeEarly,
  commentsToModerate,
  countNeedingDecision,
  createConsultation,
  findComment,
  findConsultation,
  moderateComment,
  publishResponse,
  type Section,
  sectionsOf,
  updateDraft,
} from "./repository.js";
import {
  commentParams,
  consultationForm,
  type FormValues,
  formValues,
  moderationBody,
  moderationQuery,
  responseBody,
  sectionField,
  slugParams,
  staffQuery,
} from "./schemas.js";
import { ConsultationForm } from "./views/ConsultationForm.js";
import { ModerationPage } from "./views/ModerationPage.js";
import { StaffConsultationPage, type StaffConsultationPageProps } from "./views/StaffConsultationPage.js";

const K = "participation.consultations";
const NEW_PATH = "/workspace/participation/consultations/new";

/** The agencies the person runs participation for; refused (403) to everyone who runs none. */
function agenciesOrRefuse(request: FastifyRequest): string[] | "all" {
  const agencies = agenciesRun(request.viewer);
  if (agencies !== "all" && agencies.length === 0) throw new ForbiddenError();
  return agencies;
}

/** One of the person's own agencies' consultations; any other is not found for them. */
async function ownConsultation(db: Db, request: FastifyRequest): Promise<Consultation> {
  agenciesOrRefuse(request);
  const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
  const c = await findConsultation(db, slug);
  if (!c || !runsParticipationFor(request.viewer, c.agency)) throw new NotFoundError();
  return c;
}

/** The agencies to choose from, by name in the page's language. */
async function agencyChoices(db: Db, request: FastifyRequest): Promise<{ slug: string; name: string }[]> {
  const run = agenciesOrRefuse(request);
  const all = await listAgencies(db);
  const names = new Map(all.map((a) => [a.slug, a.name[request.locale]]));
  const slugs = run === "all" ? all.map((a) => a.slug) : run;
  return slugs
    .map((slug) => ({ slug, name: names.get(slug) ?? slug }))
    .sort((a, b) => a.name.localeCompare(b.name, request.locale));
}

/** A consultation as the form shows it for changing. */
function valuesOf(c: Consultation, sections: Section[]): FormValues {
  const values: FormValues = {
    ...formValues({}),
    agency: c.agency,
    titleAr: c.titleAr,
    titleEn: c.titleEn,
    summaryAr: c.summaryAr,
    summaryEn: c.summaryEn,
    ...dohaDateTimeValues("opens", c.opensAt),
    ...dohaDateTimeValues("closes", c.closesAt),
  };
  for (const s of sections) {
    for (const part of ["headingAr", "headingEn", "bodyAr", "bodyEn"] as const) values[sectionField(s.position, part)] = s[part];
  }
  return values;
}

function staffPage(reply: FastifyReply, spec: PageSpec) {
  return reply.page({ ...spec, noindex: true, hideFeedback: true });
}

/** The fields of a consultation an audit entry keeps before and after a change. */
const auditKeys = ["status", "agency", "titleAr", "titleEn", "opensAt", "closesAt", "closedAt"] as const;
const responseKeys = ["responseAr", "responseEn", "respondedAt"] as const;

/** The audit entry of a staff change to a consultation (or, with type "comment", to one of its comments). */
const consultationAudit = participationAudit;

/**
 * The agency staff's consultations: create and change while draft, publish,
 * close early, moderate the comments, and publish the response after closing.
 * Only the agency's editors and administrators reach any of it.
 */
export async function consultationStaffRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const staff = { preHandler: requireViewer };
  const staffPost = { preHandler: [requireViewer, app.csrfProtection] };
  const crumbs = (request: FastifyRequest, label: string, c?: Consultation) => [
    { label: request.tr.t("participation.staff.title"), path: "/workspace/participation" },
    ...(c ? [{ label: request.locale === "ar" ? c.titleAr : c.titleEn, path: staffPath("consultations", c.slug) }] : []),
    { label },
  ];

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { c?: Consultation; values: FormValues; errors: FieldError[]; done?: string | undefined },
  ) {
    const { tr } = request;
    const heading = form.c ? tr.t(`${K}.staff.editTitle`) : tr.t(`${K}.staff.newTitle`);
    const action = localizePath(request.locale, form.c ? staffPath("consultations", form.c.slug) : NEW_PATH);
    return staffPage(reply, {
      status: form.errors.length ? 400 : 200,
      title: form.errors.length ? tr.t("errors.titlePrefix", { title: heading }) : heading,
      breadcrumbs: crumbs(request, heading),
      body: (
        <ConsultationForm
          action={action}
          heading={heading}
          values={form.values}
          errors={form.errors}
          agencies={await agencyChoices(db, request)}
          draft={Boolean(form.c)}
          done={form.done}
        />
      ),
    });
  }

  async function showConsultation(
    request: FastifyRequest,
    reply: FastifyReply,
    c: Consultation,
    extra: Pick<StaffConsultationPageProps, "done" | "response"> = {},
  ) {
    const phase = phaseOf(c);
    const sections = await sectionsOf(db, c.id);
    if (phase === "draft") return showForm(request, reply, { c, values: valuesOf(c, sections), errors: [], done: extra.done });
    const title = request.locale === "ar" ? c.titleAr : c.titleEn;
    const failed = Boolean(extra.response?.errors.length);
    return staffPage(reply, {
      status: failed ? 400 : 200,
      title: failed ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: crumbs(request, title),
      body: (
        <StaffConsultationPage
          consultation={c}
          sections={sections}
          phase={phase}
          agency={(await agencyName(db, c.agency))[request.locale]}
          needingDecision={await countNeedingDecision(db, c.id)}
          {...extra}
        />
      ),
    });
  }

  /** Reads the staff form; the person's own agencies only; publishing asks for a closing still ahead. */
  async function readForm(request: FastifyRequest) {
    const run = agenciesOrRefuse(request);
    const body = formBody(request.body);
    const publish = body.action === "publish";
    const agencies = run === "all" ? (await listAgencies(db)).map((a) => a.slug) : run;
    const parsed = consultationForm(agencies, { publish }).safeParse(body);
    return { publish, values: formValues(body), parsed };
  }

  app.get(NEW_PATH, staff, async (request, reply) => {
    const agencies = await agencyChoices(db, request);
    const values = { ...formValues({}), agency: agencies.length === 1 ? (agencies[0]?.slug ?? "") : "" };
    return showForm(request, reply, { values, errors: [] });
  });

  app.post(NEW_PATH, staffPost, async (request, reply) => {
    const { publish, values, parsed } = await readForm(request);
    if (!parsed.success) return showForm(request, reply, { values, errors: fieldErrors(parsed.error, request.tr) });
    const input = parsed.data;
    const c = await withAudit(
      db,
      (tx) => createConsultation(tx, input, { createdBy: request.viewer?.id ?? "", publish }),
      (made) =>
        consultationAudit(
          request,
          publish ? "consultation.published" : "consultation.created",
          { type: "consultation", id: made.slug, agency: made.agency },
          null,
          fieldsOf(made, auditKeys),
        ),
    );
    const done = publish ? "published" : "created";
    return reply.redirect(`${localizePath(request.locale, staffPath("consultations", c.slug))}?done=${done}`, 303);
  });

  app.get("/workspace/participation/consultations/:slug", staff, async (request, reply) => {
    const c = await ownConsultation(db, request);
    return showConsultation(request, reply, c, { done: staffQuery.parse(request.query ?? {}).done });
  });

  app.post("/workspace/participation/consultations/:slug", staffPost, async (request, reply) => {
    const c = await ownConsultation(db, request);
    if (c.status !== "draft") throw new ConflictError(`${K}.errors.notDraft`);
    const { publish, values, parsed } = await readForm(request);
    if (!parsed.success) return showForm(request, reply, { c, values, errors: fieldErrors(parsed.error, request.tr) });
    const input = parsed.data;
    const changed = await withAudit(
      db,
      (tx) => updateDraft(tx, c.id, input, { publish }),
      (done) =>
        done
          ? consultationAudit(
              request,
              publish ? "consultation.published" : "consultation.edited",
              { type: "consultation", id: c.slug, agency: c.agency },
              fieldsOf(c, auditKeys),
              fieldsOf({ ...c, ...input, status: publish ? "published" : "draft" }, auditKeys),
            )
          : undefined,
    );
    if (!changed) throw new ConflictError(`${K}.errors.notDraft`);
    const done = publish ? "published" : "saved";
    return reply.redirect(`${localizePath(request.locale, staffPath("consultations", c.slug))}?done=${done}`, 303);
  });

  app.post("/workspace/participation/consultations/:slug/close", staffPost, async (request, reply) => {
    const c = await ownConsultation(db, request);
    const phase = phaseOf(c);
    const now = new Date();
    const closed =
      (phase === "open" || phase === "scheduled") &&
      (await withAudit(
        db,
        (tx) => closeEarly(tx, c.id, now),
        (done) =>
          done
            ? consultationAudit(
                request,
                "consultation.closed",
                { type: "consultation", id: c.slug, agency: c.agency },
                fieldsOf(c, auditKeys),
                fieldsOf({ ...c, closedAt: now }, auditKeys),
              )
            : undefined,
      ));
    if (!closed) {
      throw new ConflictError(`${K}.errors.notOpen`);
    }
    return reply.redirect(`${localizePath(request.locale, staffPath("consultations", c.slug))}?done=closed`, 303);
  });

  app.post("/workspace/participation/consultations/:slug/response", staffPost, async (request, reply) => {
    const c = await ownConsultation(db, request);
    if (phaseOf(c) !== "closed") throw new ConflictError(`${K}.errors.notClosed`);
    const body = formBody(request.body);
    const parsed = responseBody.safeParse(body);
    if (!parsed.success) {
      const text = (v: unknown) => (typeof v === "string" ? v : "");
      return showConsultation(request, reply, c, {
        response: {
          values: { responseAr: text(body.responseAr), responseEn: text(body.responseEn) },
          errors: fieldErrors(parsed.error, request.tr),
        },
      });
    }
    const response = { ar: parsed.data.responseAr, en: parsed.data.responseEn };
    const now = new Date();
    await withAudit(
      db,
      (tx) => publishResponse(tx, c.id, response, now),
      () =>
        consultationAudit(
          request,
          "consultation.response-published",
          { type: "consultation", id: c.slug, agency: c.agency },
          fieldsOf(c, responseKeys),
          { responseAr: response.ar, responseEn: response.en, respondedAt: now },
        ),
    );
    return reply.redirect(`${localizePath(request.locale, staffPath("consultations", c.slug))}?done=responded`, 303);
  });

  app.get("/workspace/participation/consultations/:slug/moderation", staff, async (request, reply) => {
    const c = await ownConsultation(db, request);
    const [sections, comments] = await Promise.all([sectionsOf(db, c.id), commentsToModerate(db, c.id)]);
    const label = request.tr.t(`${K}.moderation.title`);
    return staffPage(reply, {
      title: request.tr.t(`${K}.moderation.pageTitle`, { title: request.locale === "ar" ? c.titleAr : c.titleEn }),
      breadcrumbs: crumbs(request, label, c),
      body: (
        <ModerationPage
          consultation={c}
          sections={sections}
          comments={comments}
          done={moderationQuery.parse(request.query ?? {}).done}
        />
      ),
    });
  });

  app.post("/workspace/participation/consultations/:slug/moderation/:id", staffPost, async (request, reply) => {
    const c = await ownConsultation(db, request);
    const { id } = parseOrRefuse(commentParams, request.params, { notFound: true });
    const parsed = moderationBody.safeParse(formBody(request.body));
    if (!parsed.success) throw new BadRequestError(`${K}.errors.decision`);
    const decision = parsed.data.decision;
    const moderated = await withAudit(
      db,
      async (tx) => {
        const before = await findComment(tx, c.id, id);
        const done = await moderateComment(tx, {
          consultationId: c.id,
          commentId: id,
          decision,
          moderatorId: request.viewer?.id ?? "",
        });
        return done ? before : undefined;
      },
      (before) =>
        before
          ? consultationAudit(
              request,
              decision === "approve" ? "comment.approved" : "comment.hidden",
              { type: "comment", id, agency: c.agency },
              fieldsOf(before, ["status", "reports", "moderatedBy"]),
              {
                status: decision === "approve" ? "approved" : "hidden",
                reports: before.reports,
                moderatedBy: request.viewer?.id ?? null,
              },
            )
          : undefined,
    );
    if (!moderated) {
      throw new NotFoundError();
    }
    const done = decision === "approve" ? "approved" : "hidden";
    const path = `${localizePath(request.locale, staffPath("consultations", c.slug))}/moderation?done=${done}`;
    return reply.redirect(`${path}#m-${id}`, 303);
  });
}
