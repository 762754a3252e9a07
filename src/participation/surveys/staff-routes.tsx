import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { findUser } from "../../accounts/service.js";
import { requireViewer } from "../../accounts/sessions.js";
import { type AuditEntry, fieldsOf, withAudit } from "../../audit/log.js";
import { agencyName, listAgencies } from "../../catalogue/service.js";
import { type Problem, problemMessages, zodProblems } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { dohaDateTimeValues, readDohaDateTime } from "../../platform/http/date-time.js";
import { ForbiddenError, NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { privately } from "../../platform/http/page-cache.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { participationAudit } from "../audit.js";
import { staffPath } from "../listing.js";
import { agenciesRun, phaseOf, runsParticipationFor } from "../period.js";
import { responsesCsv } from "./csv.js";
import { blankRow, EDITOR_ROWS, questionsFromRows, rowsFromForm, rowsFromQuestions } from "./questions.js";
import { closeSurvey, createSurvey, findSurvey, responsesOf, type Survey, type SurveyFields, updateDraft } from "./repository.js";
import { editorAction, slugParams, surveyFormSchema } from "./schemas.js";
import { summarise } from "./summary.js";
import { type EditorValues, SurveyEditor } from "./views/SurveyEditor.js";
import { SurveyResults } from "./views/SurveyResults.js";

const NEW = "/workspace/participation/surveys/new";

/** The fields of a survey an audit entry keeps before and after a change. */
const auditKeys = ["status", "agency", "title", "anonymous", "audience", "opensAt", "closesAt", "closedAt"] as const;

/** The audit entry of a staff change to a survey. */
function surveyAudit(
  request: FastifyRequest,
  slug: string,
  action: string,
  before: Partial<Survey> | null,
  after: Partial<Survey>,
): AuditEntry {
  return participationAudit(
    request,
    action,
    { type: "survey", id: slug, agency: after.agency ?? null },
    fieldsOf(before, auditKeys),
    fieldsOf(after, auditKeys),
  );
}

/** The editor's boxes showing a saved survey. */
function valuesOf(survey: Survey): EditorValues {
  const values: EditorValues = {
    agency: survey.agency,
    "title-ar": survey.title.ar,
    "title-en": survey.title.en,
    "intro-ar": survey.intro.ar,
    "intro-en": survey.intro.en,
    anonymous: survey.anonymous ? "anonymous" : "identified",
    audience: survey.audience,
    ...dohaDateTimeValues("opens", survey.opensAt),
    ...dohaDateTimeValues("closes", survey.closesAt),
  };
  rowsFromQuestions(survey.questions).forEach((r, i) => {
    const n = i + 1;
    Object.assign(values, {
      [`q${n}-type`]: r.type,
      [`q${n}-label-ar`]: r.labelAr,
      [`q${n}-label-en`]: r.labelEn,
      [`q${n}-required`]: r.required,
      [`q${n}-options`]: r.options,
      [`q${n}-min`]: r.min,
      [`q${n}-max`]: r.max,
    });
  });
  return values;
}

/** A new survey's boxes: anonymous, for everyone, opening tomorrow for four weeks, blank questions. */
function blankValues(agency: string | undefined): EditorValues {
  const day = 86_400_000;
  const values: EditorValues = {
    agency: agency ?? "",
    anonymous: "anonymous",
    audience: "any",
    ...dohaDateTimeValues("opens", new Date(Math.ceil(Date.now() / day) * day + 5 * 3600_000)),
    ...dohaDateTimeValues("closes", new Date(Math.ceil(Date.now() / day) * day + 29 * day + 20 * 3600_000 + 59 * 60_000)),
  };
  for (let n = 1; n <= EDITOR_ROWS; n++) {
    values[`q${n}-type`] = blankRow().type;
    values[`q${n}-required`] = "yes";
  }
  return values;
}

/** What was typed, kept as text to show again. */
function typed(body: Record<string, unknown>): EditorValues {
  const out: EditorValues = {};
  for (const [k, v] of Object.entries(body)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (k !== "_csrf" && typeof s === "string") out[k] = s.slice(0, 5000);
  }
  return out;
}

/** The survey an agency's staff manage, by slug: 404 for anyone who does not run its agency (the public included). */
async function ownSurvey(db: Db, request: FastifyRequest): Promise<Survey> {
  const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
  const survey = await findSurvey(db, slug);
  if (!survey || !runsParticipationFor(request.viewer, survey.agency)) throw new NotFoundError();
  return survey;
}

/** Agency staff: create and change surveys while draft, publish, close early, read the results, export them. */
export async function surveyStaffRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  /** The agencies the person runs, with their names in the page's language; 403 for those who run none. */
  const agenciesOf = async (request: FastifyRequest) => {
    const runs = agenciesRun(request.viewer);
    if (runs !== "all" && runs.length === 0) throw new ForbiddenError();
    const all = await listAgencies(db);
    return all
      .filter((a) => runs === "all" || runs.includes(a.slug))
      .map((a) => ({ slug: a.slug, name: a.name[request.locale] }))
      .sort((a, b) => a.name.localeCompare(b.name, request.locale));
  };

  const editor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    mode: "new" | "edit",
    action: string,
    values: EditorValues,
    errors: FieldError[],
    saved = false,
  ) => {
    const { tr } = request;
    const title = tr.t(mode === "new" ? "participation.surveys.editor.newTitle" : "participation.surveys.editor.editTitle");
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: tr.t("participation.staff.title"), path: "/workspace/participation" }, { label: title }],
      body: (
        <SurveyEditor
          mode={mode}
          action={action}
          values={values}
          errors={errors}
          agencies={await agenciesOf(request)}
          saved={saved}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  };

  /** Reads the editor: the survey's fields, or every problem (each beside its box). */
  const readEditor = (request: FastifyRequest, body: Record<string, unknown>, publishing: boolean) => {
    const { tr } = request;
    const problems: Problem[] = [];
    const parsed = surveyFormSchema.safeParse(body);
    if (!parsed.success) problems.push(...zodProblems(parsed.error));
    const agency = typeof body.agency === "string" ? body.agency : "";
    if (agency && !runsParticipationFor(request.viewer, agency))
      problems.unshift({ field: "agency", key: "participation.surveys.editor.errors.agency" });
    const opens = readDohaDateTime(body, "opens", { fallbackTime: "00:00" });
    const closes = readDohaDateTime(body, "closes", { fallbackTime: "23:59" });
    for (const [name, moment] of [
      ["opens", opens],
      ["closes", closes],
    ] as const) {
      if ("problem" in moment)
        problems.push({
          field: moment.problem === "time" ? `${name}-time` : `${name}-day`,
          key: `participation.surveys.editor.errors.${name}.${moment.problem}`,
        });
    }
    if ("at" in opens && "at" in closes) {
      if (closes.at <= opens.at)
        problems.push({ field: "closes-day", key: "participation.surveys.editor.errors.closesBeforeOpens" });
      else if (publishing && closes.at <= new Date())
        problems.push({ field: "closes-day", key: "participation.surveys.editor.errors.closesPast" });
    }
    const rows = questionsFromRows(rowsFromForm(body));
    problems.push(...rows.problems);
    const errors: FieldError[] = problemMessages(tr, problems);
    if (errors.length || !parsed.success || !("at" in opens) || !("at" in closes)) return { errors };
    const f = parsed.data;
    const fields: SurveyFields = {
      agency: f.agency,
      title: { ar: f["title-ar"], en: f["title-en"] },
      intro: { ar: f["intro-ar"], en: f["intro-en"] },
      anonymous: f.anonymous === "anonymous",
      audience: f.audience,
      questions: rows.questions,
      status: publishing ? "published" : "draft",
      opensAt: opens.at,
      closesAt: closes.at,
    };
    return { errors, fields };
  };

  const toStaffPage = (request: FastifyRequest, slug: string, done?: string) =>
    `${localizePath(request.locale, staffPath("surveys", slug))}${done ? `?done=${done}` : ""}`;

  app.get(NEW, guarded, async (request, reply) => {
    const agencies = await agenciesOf(request);
    const only = agencies.length === 1 ? agencies[0]?.slug : undefined;
    return editor(request, reply, "new", localizePath(request.locale, NEW), blankValues(only), []);
  });

  app.post(NEW, guardedPost, async (request, reply) => {
    await agenciesOf(request);
    const body = formBody(request.body);
    const publishing = editorAction.parse(body.action) === "publish";
    const read = readEditor(request, body, publishing);
    if (!read.fields) return editor(request, reply, "new", localizePath(request.locale, NEW), typed(body), read.errors);
    const fields = read.fields;
    const survey = await withAudit(
      db,
      (tx) => createSurvey(tx, fields, request.viewer?.id ?? ""),
      (made) => surveyAudit(request, made.slug, publishing ? "survey.published" : "survey.created", null, made),
    );
    return reply.redirect(toStaffPage(request, survey.slug, publishing ? "published" : "saved"), 303);
  });

  app.get("/workspace/participation/surveys/:slug", guarded, async (request, reply) => {
    const survey = await ownSurvey(db, request);
    const { locale, tr } = request;
    const path = localizePath(locale, staffPath("surveys", survey.slug));
    const done = (request.query as Record<string, unknown>).done;
    if (survey.status === "draft") return editor(request, reply, "edit", path, valuesOf(survey), [], done === "saved");
    const responses = await responsesOf(db, survey.id);
    return reply.page({
      title: survey.title[locale],
      breadcrumbs: [
        { label: tr.t("participation.staff.title"), path: "/workspace/participation" },
        { label: survey.title[locale] },
      ],
      body: (
        <SurveyResults
          survey={survey}
          agencyName={(await agencyName(db, survey.agency))[locale]}
          phase={phaseOf(survey)}
          responses={responses.length}
          summaries={summarise(survey.questions, responses)}
          csvHref={`${path}/responses.csv`}
          closeAction={`${path}/close`}
          done={done === "published" || done === "closed" ? done : undefined}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post("/workspace/participation/surveys/:slug", guardedPost, async (request, reply) => {
    const survey = await ownSurvey(db, request);
    // Published already: the results page says where it stands (a draft's changes cannot land on it).
    if (survey.status !== "draft") return reply.redirect(toStaffPage(request, survey.slug), 303);
    const body = formBody(request.body);
    const publishing = editorAction.parse(body.action) === "publish";
    const read = readEditor(request, body, publishing);
    const path = localizePath(request.locale, staffPath("surveys", survey.slug));
    if (!read.fields) return editor(request, reply, "edit", path, typed(body), read.errors);
    const fields = read.fields;
    await withAudit(
      db,
      (tx) => updateDraft(tx, survey.id, fields),
      (done) =>
        done
          ? surveyAudit(request, survey.slug, publishing ? "survey.published" : "survey.edited", survey, { ...survey, ...fields })
          : undefined,
    );
    return reply.redirect(toStaffPage(request, survey.slug, publishing ? "published" : "saved"), 303);
  });

  app.post("/workspace/participation/surveys/:slug/close", guardedPost, async (request, reply) => {
    const survey = await ownSurvey(db, request);
    const now = new Date();
    const closed = await withAudit(
      db,
      (tx) => closeSurvey(tx, survey.id, now),
      (done) => (done ? surveyAudit(request, survey.slug, "survey.closed", survey, { ...survey, closedAt: now }) : undefined),
    );
    return reply.redirect(toStaffPage(request, survey.slug, closed ? "closed" : undefined), 303);
  });

  app.get("/workspace/participation/surveys/:slug/responses.csv", guarded, async (request, reply) => {
    const survey = await ownSurvey(db, request);
    const responses = await responsesOf(db, survey.id);
    const names = new Map<string, string>();
    if (!survey.anonymous) {
      for (const id of new Set(responses.map((r) => r.userId).filter((u): u is string => Boolean(u)))) {
        const user = await findUser(db, id);
        if (user) names.set(id, request.locale === "ar" ? user.nameAr : user.nameEn);
      }
    }
    return privately(reply)
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${survey.slug}-responses.csv"`)
      .header("x-content-type-options", "nosniff")
      .send(responsesCsv(survey, responses, names, request.locale, request.tr));
  });
}
