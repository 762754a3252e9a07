import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { findUser } from "../../accounts/service.js";
import { requireViewer } from "../../accounts/sessions.js";
import { agencyName } from "../../catalogue/service.js";
import { echoedValues } from "../../forms/engine/form-values.js";
import { readPage } from "../../forms/engine/page.js";
import { problemMessages } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { participatePath } from "../listing.js";
import { isPublic, mayTakePart, phaseOf } from "../period.js";
import { surveyPage } from "./questions.js";
import { addResponse, findSurvey, hasResponded, type Survey } from "./repository.js";
import { respondentKey } from "./respondent.js";
import { slugParams } from "./schemas.js";
import { SurveyPage, type SurveyState, ThanksPage } from "./views/SurveyPage.js";

export interface SurveyRouteOptions {
  db: Db;
  /** The key of the respondent hash (SURVEY_KEY_SECRET). */
  keySecret: string;
}

/** What a refusal of a posted response answers with. */
const refusalStatus: Partial<Record<SurveyState, number>> = { closed: 409, answered: 409, "not-eligible": 403 };

/** A survey the public may see (open, or closed with its period over): 404 for drafts and scheduled ones. */
async function publicSurvey(db: Db, request: FastifyRequest): Promise<Survey> {
  const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
  const survey = await findSurvey(db, slug);
  if (!survey || !isPublic(survey)) throw new NotFoundError();
  return survey;
}

/** Answering a survey: its page, the posted answers (one response per person), thanks. */
export async function surveyRoutes(app: FastifyInstance, { db, keySecret }: SurveyRouteOptions) {
  /** Where the signed-in person stands with the survey (before any answer is read). */
  const stateFor = async (request: FastifyRequest, survey: Survey): Promise<SurveyState> => {
    if (phaseOf(survey) === "closed") return "closed";
    if (request.viewer?.stage !== "full") return "signed-out";
    const user = await findUser(db, request.viewer.id);
    if (!user) return "signed-out";
    if (!mayTakePart(survey.audience, user.residency)) return "not-eligible";
    if (await hasResponded(db, survey.id, respondentKey(keySecret, survey.id, user.id))) return "answered";
    return "form";
  };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    survey: Survey,
    state: SurveyState,
    form: { values?: Record<string, string | string[]>; errors?: FieldError[]; status?: number } = {},
  ) => {
    const { locale, tr } = request;
    const title = survey.title[locale];
    const errors = form.errors ?? [];
    return reply.page({
      status: form.status ?? (errors.length ? 400 : 200),
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      description: survey.intro[locale].slice(0, 160) || undefined,
      breadcrumbs: [{ label: tr.t("participation.title"), path: "/participate" }, { label: title }],
      body: (
        <SurveyPage
          survey={survey}
          agencyName={(await agencyName(db, survey.agency))[locale]}
          state={state}
          values={form.values ?? {}}
          errors={errors}
        />
      ),
      hideFeedback: state === "form",
    });
  };

  app.get("/participate/surveys/:slug", async (request, reply) => {
    const survey = await publicSurvey(db, request);
    return show(request, reply, survey, await stateFor(request, survey));
  });

  app.post("/participate/surveys/:slug", { preHandler: [requireViewer, app.csrfProtection] }, async (request, reply) => {
    const survey = await publicSurvey(db, request);
    const state = await stateFor(request, survey);
    if (state !== "form") return show(request, reply, survey, state, { status: refusalStatus[state] ?? 403 });
    const { locale, tr } = request;
    const body = formBody(request.body);
    const page = surveyPage(survey.title, survey.questions);
    const outcome = readPage(page, {}, body, (q) => q.label[locale]);
    if (outcome.errors.length) {
      const errors = problemMessages(tr, outcome.errors);
      return show(request, reply, survey, state, { values: echoedValues(body), errors });
    }
    const userId = request.viewer?.id ?? "";
    const added = await addResponse(db, survey, {
      userId,
      key: respondentKey(keySecret, survey.id, userId),
      answers: outcome.answers,
    });
    // A second response (another tab, a double click that raced the first): refused by the database, said plainly.
    if (!added) return show(request, reply, survey, "answered", { status: 409 });
    return reply.redirect(`${localizePath(locale, participatePath("surveys", survey.slug))}/thanks`, 303);
  });

  app.get("/participate/surveys/:slug/thanks", async (request, reply) => {
    const survey = await publicSurvey(db, request);
    return reply.page({
      title: `${request.tr.t("participation.surveys.thanks.title")} – ${survey.title[request.locale]}`,
      breadcrumbs: [
        { label: request.tr.t("participation.title"), path: "/participate" },
        { label: survey.title[request.locale], path: participatePath("surveys", survey.slug) },
        { label: request.tr.t("participation.surveys.thanks.breadcrumb") },
      ],
      body: <ThanksPage survey={survey} />,
      noindex: true,
    });
  });
}
