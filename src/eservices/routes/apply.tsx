import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { findUser } from "../../accounts/service.js";
import { requireViewer } from "../../accounts/sessions.js";
import { findService } from "../../catalogue/service.js";
import type { Answers, FileRef } from "../../forms/engine/answers.js";
import { firstIncomplete, nextPage, questionPages, visiblePages, visibleQuestions } from "../../forms/engine/conditions.js";
import { allQuestions, type Definition, type Page, type Question } from "../../forms/engine/definition.js";
import { computeFee } from "../../forms/engine/fees.js";
import { echoedValues, formValuesOf } from "../../forms/engine/form-values.js";
import { brokenRules } from "../../forms/engine/page.js";
import { money } from "../../forms/money.js";
import { type Problem, problemMessage, problemMessages } from "../../forms/problems.js";
import { SourceLine } from "../../forms/views/AnswerSource.js";
import { answerText } from "../../forms/views/answer-text.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { ForbiddenError, NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { acceptMultipart, readForm } from "../../platform/http/multipart.js";
import type { Locale } from "../../platform/i18n/locales.js";
import { localizePath } from "../../platform/i18n/locales.js";
import type { Translator } from "../../platform/i18n/messages.js";
import { draftSummaries } from "../dashboard.js";
import { explainRules } from "../explain-rules.js";
import { filePath, requestPath } from "../paths.js";
import { latestDefinition } from "../repository/definitions.js";
import type { Draft } from "../repository/drafts.js";
import { applyPath, CheckAnswersPage, type CheckSection, QuestionPage, StartPage, StopPage } from "../views/ApplyPages.js";
import { currentUser, type EserviceRouteOptions, ownDraft, pageParams, slugParams } from "./context.js";

/** The fee in words, with the working when it is computed from an answer. */
export function feeWords(def: Definition, answers: Answers, locale: Locale, tr: Translator): { text: string; working?: string } {
  const fee = computeFee(def.fee, answers);
  if (def.fee.type === "none") return { text: tr.t("eservices.fee.none") };
  const text = tr.t("eservices.fee.amount", { fee: money(fee.amount, locale, tr) });
  if (def.fee.type === "computed" && fee.basis) {
    return {
      text,
      working: def.fee.explanation[locale]
        .replace("{amount}", money(fee.basis.amount, locale, tr))
        .replace("{rate}", new Intl.NumberFormat(locale === "ar" ? "ar-QA" : "en-GB").format(fee.basis.rate))
        .replace("{fee}", money(fee.amount, locale, tr)),
    };
  }
  return { text };
}

/** The fee as the start page gives it, before any answer. */
function feeBeforeStart(def: Definition, locale: Locale, tr: Translator): string {
  switch (def.fee.type) {
    case "none":
      return tr.t("eservices.fee.none");
    case "fixed":
      return tr.t("eservices.fee.amount", { fee: money(def.fee.amount, locale, tr) });
    case "choice": {
      const amounts = Object.values(def.fee.amounts);
      return tr.t("eservices.fee.range", {
        low: money(Math.min(...amounts), locale, tr),
        high: money(Math.max(...amounts), locale, tr),
      });
    }
    case "computed":
      return tr.t("eservices.fee.computed", { rate: def.fee.rate });
  }
}

function labelOf(locale: Locale) {
  return (q: Pick<Question, "label">) => q.label[locale];
}

/** Whether the person may apply: the definition's residency rule. */
function refusalFor(def: Definition, residency: string | undefined, tr: Translator): string | undefined {
  const allowed = def.eligibility.residency;
  if (!allowed || !residency || allowed.includes(residency as never)) return undefined;
  return tr.t("eservices.start.notEligible", {
    who: allowed.map((r) => tr.t(`accounts.residency.${r}`)).join(tr.locale === "ar" ? "، " : ", "),
  });
}

/** Applying for an e-service: the start page, the question pages, check your answers, submit. */
export async function applyRoutes(app: FastifyInstance, opts: EserviceRouteOptions) {
  const { db, applications } = opts;
  await acceptMultipart(app, { mayUpload: (request) => Boolean(request.viewer) });
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };
  const fileHref = (request: FastifyRequest) => (id: string) => localizePath(request.locale, filePath(id));

  app.get("/eservices/:slug", async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const def = await latestDefinition(db, slug);
    if (!def) throw new NotFoundError();
    const { locale, tr } = request;
    const service = await findService(db, def.service);
    const signedIn = request.viewer?.stage === "full";
    const user = signedIn ? await findUser(db, request.viewer?.id ?? "") : undefined;
    const documents = allQuestions(def)
      .filter(({ question }) => question.type === "file")
      .map(({ question }) => question.label[locale]);
    return reply.page({
      title: def.title[locale],
      breadcrumbs: service
        ? [{ label: service.title[locale], path: `/services/${service.slug}` }, { label: tr.t("eservices.start.breadcrumb") }]
        : [{ label: def.title[locale] }],
      body: (
        <StartPage
          def={def}
          serviceHref={localizePath(locale, `/services/${def.service}`)}
          signedIn={signedIn}
          refusal={user ? refusalFor(def, user.residency, tr) : undefined}
          feeText={feeBeforeStart(def, locale, tr)}
          rules={explainRules(def, tr)}
          documents={documents}
          facts={service?.facts}
          drafts={user ? await draftSummaries(db, user.id, locale, slug) : []}
          keepDays={applications.keepDays}
        />
      ),
    });
  });

  // A sign-in that interrupted "Start" comes back here: the start page again.
  app.get("/eservices/:slug/start", async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    return reply.redirect(localizePath(request.locale, applyPath.start(slug)), 303);
  });

  app.post("/eservices/:slug/start", guardedPost, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const def = await latestDefinition(db, slug);
    if (!def) throw new NotFoundError();
    const user = await currentUser(db, request);
    if (refusalFor(def, user.residency, request.tr)) throw new ForbiddenError("eservices.start.notEligibleTitle");
    const started = await applications.start(user, def);
    const draft = opts.prefill ? await opts.prefill.fill(user, def, started) : started;
    const first = visiblePages(def, draft.answers)[0];
    return reply.redirect(
      localizePath(request.locale, first ? applyPath.page(slug, draft.id, first.id) : applyPath.check(slug, draft.id)),
      303,
    );
  });

  const renderQuestions = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: { def: Definition; draft: Draft; page: Extract<Page, { questions: unknown }>; answers: Answers },
    values: ReturnType<typeof formValuesOf>,
    errors: Problem[],
    adding?: string,
  ) => {
    const { locale, tr } = request;
    const { def, draft, page, answers } = ctx;
    const questions = visibleQuestions(page, answers);
    const steps = questionPages(def, answers);
    const step = Math.max(1, steps.findIndex((p) => p.id === page.id) + 1);
    const fieldErrors: FieldError[] = problemMessages(tr, errors);
    const files: Record<string, FileRef[]> = {};
    for (const q of questions) if (q.type === "file") files[q.id] = (answers[q.id] as FileRef[] | undefined) ?? [];
    const change = (request.query as Record<string, unknown>).change === "1";
    const action = `${localizePath(locale, applyPath.page(def.slug, draft.id, page.id))}${change ? "?change=1" : ""}`;
    const previous = steps[step - 2];
    const title = `${page.title[locale]} – ${def.title[locale]}`;
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      backLink: previous
        ? localizePath(locale, applyPath.page(def.slug, draft.id, previous.id))
        : localizePath(locale, applyPath.start(def.slug)),
      body: (
        <QuestionPage
          def={def}
          page={page}
          questions={questions}
          step={step}
          steps={steps.length}
          state={{
            values,
            errors: new Map(fieldErrors.map((e) => [e.field, e.message])),
            files,
            fileHref: fileHref(request),
            sources: draft.sources,
          }}
          errors={fieldErrors}
          action={action}
          multipart={questions.some((q) => q.type === "file")}
          adding={adding}
          expiresAt={draft.expiresAt}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  };

  /** The page asked for, if the person has reached it; otherwise where they should be. */
  const reachable = (def: Definition, answers: Answers, pageId: string): { page: Page } | { redirect: string } => {
    const pages = visiblePages(def, answers);
    const index = pages.findIndex((p) => p.id === pageId);
    const incomplete = firstIncomplete(def, answers);
    const incompleteIndex = incomplete ? pages.findIndex((p) => p.id === incomplete.id) : pages.length;
    const page = pages[index];
    if (!page || index > incompleteIndex) return { redirect: incomplete ? incomplete.id : "check" };
    return { page };
  };

  const toPage = (request: FastifyRequest, def: Definition, draft: Draft, target: string) =>
    localizePath(
      request.locale,
      target === "check" ? applyPath.check(def.slug, draft.id) : applyPath.page(def.slug, draft.id, target),
    );

  app.get("/eservices/:slug/:draft/check", guarded, async (request, reply) => {
    const { def, draft } = await ownDraft(db, request);
    return checkPage(request, reply, def, draft, []);
  });

  const checkPage = (request: FastifyRequest, reply: FastifyReply, def: Definition, draft: Draft, errors: FieldError[]) => {
    const { locale, tr } = request;
    const incomplete = firstIncomplete(def, draft.answers);
    if (incomplete) return reply.redirect(toPage(request, def, draft, incomplete.id), 303);
    const sections: CheckSection[] = questionPages(def, draft.answers).map((page) => ({
      title: page.title[locale],
      rows: visibleQuestions(page, draft.answers).map((q) => ({
        key: q.label[locale],
        value: (
          <>
            {answerText(q, draft.answers[q.id], locale, tr, fileHref(request))}
            <SourceLine source={draft.sources[q.id]} />
          </>
        ),
        change: {
          href: `${toPage(request, def, draft, page.id)}?change=1`,
          label: tr.t("eservices.check.change"),
          hiddenText: q.label[locale],
        },
      })),
    }));
    const fee = feeWords(def, draft.answers, locale, tr);
    const title = tr.t("eservices.check.title");
    const last = questionPages(def, draft.answers).at(-1);
    return reply.page({
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : `${title} – ${def.title[locale]}`,
      backLink: last ? toPage(request, def, draft, last.id) : undefined,
      body: (
        <CheckAnswersPage
          def={def}
          sections={sections}
          feeText={fee.text}
          feeWorking={fee.working}
          action={localizePath(locale, `/eservices/${def.slug}/${draft.id}/submit`)}
          errors={errors}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  };

  app.post("/eservices/:slug/:draft/submit", guardedPost, async (request, reply) => {
    const params = parseOrRefuse(pageParams.omit({ page: true }), request.params, { notFound: true });
    const user = await currentUser(db, request);
    // Submitted already (a double click, a refresh, a retry): the same case, not a second.
    const done = await applications.submitted(user, params.draft);
    if (done) return reply.redirect(`${localizePath(request.locale, requestPath(done.reference))}?submitted=1`, 303);
    const { def, draft } = await ownDraft(db, request);
    const { fields } = readForm(request.body);
    if (fields.declaration !== "yes") {
      return checkPage(request, reply, def, draft, [
        problemMessage(request.tr, { field: "declaration", key: "forms.errors.declaration" }),
      ]);
    }
    const result = await applications.submit(user, draft, def);
    if (!result) {
      const incomplete = firstIncomplete(def, draft.answers);
      return reply.redirect(toPage(request, def, draft, incomplete?.id ?? "check"), 303);
    }
    return reply.redirect(`${localizePath(request.locale, requestPath(result.case.reference))}?submitted=1`, 303);
  });

  app.post("/eservices/:slug/:draft/delete", guardedPost, async (request, reply) => {
    const { user, draft } = await ownDraft(db, request);
    await applications.discard(user, draft);
    return reply.redirect(`${localizePath(request.locale, "/my")}?draftDeleted=1`, 303);
  });

  app.get("/eservices/:slug/:draft/:page", guarded, async (request, reply) => {
    const { user, def, draft: saved } = await ownDraft(db, request);
    const { page: pageId } = parseOrRefuse(pageParams, request.params, { notFound: true });
    if (!def.pages.some((p) => p.id === pageId)) throw new NotFoundError();
    const found = reachable(def, saved.answers, pageId);
    if ("redirect" in found) return reply.redirect(toPage(request, def, saved, found.redirect), 303);
    const page = found.page;
    if ("stop" in page) {
      const previous = visiblePages(def, saved.answers)
        .filter((p) => !("stop" in p))
        .at(-1);
      return reply.page({
        title: `${page.title[request.locale]} – ${def.title[request.locale]}`,
        body: (
          <StopPage
            def={def}
            page={page}
            back={
              previous
                ? `${toPage(request, def, saved, previous.id)}?change=1`
                : localizePath(request.locale, applyPath.start(def.slug))
            }
          />
        ),
        noindex: true,
      });
    }
    // Questions a registry answers that are still open are asked for again (the registry may be back).
    const draft = opts.prefill ? await opts.prefill.fill(user, def, saved, visibleQuestions(page, saved.answers)) : saved;
    const adding = (request.query as Record<string, unknown>).add;
    return renderQuestions(
      request,
      reply,
      { def, draft, page, answers: draft.answers },
      formValuesOf(page, draft.answers),
      // A date it holds that breaks its rule (from a registry, or given before the window moved) is explained at once.
      brokenRules(page, draft.answers),
      typeof adding === "string" ? adding : undefined,
    );
  });

  app.post("/eservices/:slug/:draft/:page", guardedPost, async (request, reply) => {
    const { def, draft } = await ownDraft(db, request);
    const { page: pageId } = parseOrRefuse(pageParams, request.params, { notFound: true });
    if (!def.pages.some((p) => p.id === pageId)) throw new NotFoundError();
    const found = reachable(def, draft.answers, pageId);
    if ("redirect" in found) return reply.redirect(toPage(request, def, draft, found.redirect), 303);
    const page = found.page;
    if ("stop" in page) return reply.redirect(toPage(request, def, draft, page.id), 303);
    const form = readForm(request.body);
    const questions = visibleQuestions(page, draft.answers);
    const outcome = await applications.answerPage(draft, page, form, labelOf(request.locale));
    const action = typeof form.fields.action === "string" ? form.fields.action : "";
    if (outcome.errors.length) {
      const adding = action.startsWith("add-") ? action.slice(4) : undefined;
      return renderQuestions(
        request,
        reply,
        { def, draft, page, answers: outcome.answers },
        echoedValues(form.fields),
        outcome.errors,
        adding,
      );
    }
    if (action.startsWith("add-") && questions.some((q) => q.type === "group" && `add-${q.id}` === action)) {
      return reply.redirect(
        `${toPage(request, def, draft, page.id)}?add=${action.slice(4)}${(request.query as Record<string, unknown>).change === "1" ? "&change=1" : ""}#${action.slice(4)}`,
        303,
      );
    }
    const changing = (request.query as Record<string, unknown>).change === "1";
    const incomplete = firstIncomplete(def, outcome.answers);
    const next = changing ? incomplete : nextPage(def, outcome.answers, page.id);
    return reply.redirect(toPage(request, def, draft, next ? next.id : "check"), 303);
  });
}
