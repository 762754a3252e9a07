import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { requireViewer } from "../../accounts/sessions.js";
import type { Answers, FileRef } from "../../forms/engine/answers.js";
import { firstIncomplete, nextPage, questionPages, visiblePages, visibleQuestions } from "../../forms/engine/conditions.js";
import { allQuestions, type Definition, type Page } from "../../forms/engine/definition.js";
import { echoedValues, type FormValues, formValuesOf } from "../../forms/engine/form-values.js";
import { coverageOf, overlaid } from "../../forms/engine/overlay.js";
import { brokenRules } from "../../forms/engine/page.js";
import { type Problem, problemMessage, problemMessages } from "../../forms/problems.js";
import { SourceLine } from "../../forms/views/AnswerSource.js";
import { answerText } from "../../forms/views/answer-text.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { acceptMultipart, readForm } from "../../platform/http/multipart.js";
import { slugSchema } from "../../platform/http/slug.js";
import { localizePath, stripLocale } from "../../platform/i18n/locales.js";
import { translator } from "../../platform/i18n/messages.js";
import type { Applications } from "../applications.js";
import { draftSummaries } from "../dashboard.js";
import { filePath, requestPath } from "../paths.js";
import type { RegistryPrefill } from "../prefill.js";
import { findOwnCase } from "../repository/cases.js";
import { latestDefinition } from "../repository/definitions.js";
import type { Draft } from "../repository/drafts.js";
import { feeWords } from "../routes/apply.js";
import { currentUser, ownDraft, referenceParams } from "../routes/context.js";
import { CheckAnswersPage, type CheckSection, QuestionPage, StopPage } from "../views/ApplyPages.js";
import { sendTranslated, type TranslatedForm, TranslatedSentPage, TranslatedStartPage } from "./pages.js";
import { formTranslator } from "./translator.js";
import type { TranslatedForms } from "./words.js";

export type { TranslatedForms, Translation } from "./words.js";
export { formWordKeys } from "./words.js";

/** The e-services' door for drafts and submissions, which the forms use as the portal's own do. */
export interface FormDoor {
  db: Db;
  applications: Applications;
  prefill?: RegistryPrefill | undefined;
}

export interface TranslatedFormOptions extends FormDoor {
  forms: TranslatedForms;
}

const slug = slugSchema({ first: "letter", max: 41 });
const startParams = z.object({ lang: z.string(), slug });
const pageParams = z.object({ lang: z.string(), slug, draft: z.uuid(), page: slug });

/** Readers of these languages sign in (and follow their requests) on the portal's English pages. */
const accountsLocale = "en";

/**
 * E-service forms in the languages of another area (the workers' portal):
 * the same e-service (its definition, drafts, checks, uploads and
 * submission), every word in the language, in that area's frame.
 * <prefix>/eservices/<slug>, then /<draft>/<page>, /<draft>/check and
 * /sent/<reference>. A form whose translation is of another version than the
 * one in force is sent to the English form, so a reader never meets a
 * half-translated page.
 */
export async function translatedFormRoutes(app: FastifyInstance, opts: TranslatedFormOptions) {
  const { db, applications, forms } = opts;
  // Signing in, refusals and error pages around these forms speak English, the portal language these readers use.
  app.addHook("onRequest", async (request) => {
    request.locale = accountsLocale;
    request.tr = translator(accountsLocale);
  });
  await acceptMultipart(app, { mayUpload: (request) => Boolean(request.viewer) });
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };
  const at = `${forms.routePrefix}/eservices/:slug`;
  const paths = {
    start: (language: string, eservice: string) => `${forms.base(language)}/eservices/${eservice}`,
    page: (language: string, eservice: string, draft: string, page: string) =>
      `${forms.base(language)}/eservices/${eservice}/${draft}/${page}`,
    sent: (language: string, eservice: string, reference: string) =>
      `${forms.base(language)}/eservices/${eservice}/sent/${reference}`,
  };

  /** The translation asked for, if it covers this version of the definition; otherwise undefined. */
  const formOf = (request: FastifyRequest, language: string, def: Definition): TranslatedForm | undefined => {
    const translation = forms.translation(language, def.slug);
    const words = forms.words(language);
    if (!translation || !words) return undefined;
    // "Add another" (group questions) is not offered in translated forms yet: such a form stays in English.
    if (allQuestions(def).some(({ question }) => question.type === "group")) return undefined;
    const coverage = coverageOf(def, translation.texts);
    if (translation.version !== def.version || coverage.missing.length || coverage.unknown.length) {
      request.log.warn(
        { language, eservice: def.slug, version: def.version, translated: translation.version, missing: coverage.missing },
        "the translation of this e-service is not of the version in force: the English form is shown",
      );
      return undefined;
    }
    return { language, def: overlaid(def, translation.texts), original: def, tr: formTranslator(language, words, request.log) };
  };

  /** The language asked for, if the e-service is translated into it; otherwise there is no such page. */
  const languageOf = (lang: string, eservice: string): string => {
    if (!forms.translation(lang, eservice)) throw new NotFoundError();
    return lang;
  };

  /** The person's draft, in their language; the English form when this version has no translation. */
  const draftForm = async (request: FastifyRequest) => {
    const params = parseOrRefuse(pageParams.partial({ page: true }), request.params, { notFound: true });
    const language = languageOf(params.lang, params.slug);
    const { user, draft, def } = await ownDraft(db, request);
    return { user, draft, form: formOf(request, language, def), language };
  };

  /** The same address in the English form (for a draft whose version is not translated). */
  const inEnglish = (request: FastifyRequest, language: string) =>
    localizePath(accountsLocale, request.url.slice(forms.base(language).length));

  const send = (request: FastifyRequest, reply: FastifyReply, form: TranslatedForm, page: Parameters<typeof sendTranslated>[4]) =>
    sendTranslated(request, reply, forms, form, page);

  const pageHref = (form: TranslatedForm, draft: Draft, target: string) =>
    paths.page(form.language, form.def.slug, draft.id, target);

  const fileHref = (id: string) => localizePath(accountsLocale, filePath(id));

  app.get(at, async (request, reply) => {
    const params = parseOrRefuse(startParams, request.params, { notFound: true });
    const language = languageOf(params.lang, params.slug);
    const def = await latestDefinition(db, params.slug);
    if (!def) throw new NotFoundError();
    const form = formOf(request, language, def);
    if (!form) return reply.redirect(localizePath(accountsLocale, `/eservices/${def.slug}`), 302);
    const here = paths.start(language, def.slug);
    const signedIn = request.viewer?.stage === "full";
    const user = signedIn ? await currentUser(db, request) : undefined;
    const residencies = def.eligibility.residency;
    const refused = Boolean(user?.residency && residencies && !residencies.includes(user.residency as never));
    const drafts = user ? await draftSummaries(db, user.id, accountsLocale, def.slug) : [];
    return send(request, reply, form, {
      title: form.def.title.en,
      body: (
        <TranslatedStartPage
          def={form.def}
          startAction={`${here}/start`}
          signInHref={signedIn ? undefined : `${localizePath(accountsLocale, "/sign-in")}?returnTo=${encodeURIComponent(here)}`}
          keepDays={applications.keepDays}
          refused={refused}
          drafts={drafts.map((d) => ({
            id: d.id,
            updatedAt: d.updatedAt,
            href: `/workers/${language}${stripLocale(d.continueHref)}`,
          }))}
        />
      ),
    });
  });

  // A sign-in that interrupted "Start" comes back here: the start page again.
  app.get(`${at}/start`, async (request, reply) => {
    const params = parseOrRefuse(startParams, request.params, { notFound: true });
    return reply.redirect(paths.start(languageOf(params.lang, params.slug), params.slug), 303);
  });

  app.post(`${at}/start`, guardedPost, async (request, reply) => {
    const params = parseOrRefuse(startParams, request.params, { notFound: true });
    const language = languageOf(params.lang, params.slug);
    const def = await latestDefinition(db, params.slug);
    if (!def) throw new NotFoundError();
    const form = formOf(request, language, def);
    if (!form) return reply.redirect(localizePath(accountsLocale, `/eservices/${def.slug}`), 303);
    const user = await currentUser(db, request);
    const residencies = def.eligibility.residency;
    if (user.residency && residencies && !residencies.includes(user.residency as never)) {
      return reply.redirect(paths.start(language, def.slug), 303);
    }
    const started = await applications.start(user, def);
    const draft = opts.prefill ? await opts.prefill.fill(user, def, started) : started;
    const first = visiblePages(def, draft.answers)[0];
    return reply.redirect(pageHref(form, draft, first ? first.id : "check"), 303);
  });

  const renderQuestions = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: { form: TranslatedForm; draft: Draft; page: Extract<Page, { questions: unknown }>; answers: Answers },
    values: FormValues,
    problems: Problem[],
  ) => {
    const { form, draft, page, answers } = ctx;
    const { def, tr } = form;
    const questions = visibleQuestions(page, answers);
    const steps = questionPages(def, answers);
    const step = Math.max(1, steps.findIndex((p) => p.id === page.id) + 1);
    const errors: FieldError[] = problemMessages(tr, problems);
    const files: Record<string, FileRef[]> = {};
    for (const q of questions) if (q.type === "file") files[q.id] = (answers[q.id] as FileRef[] | undefined) ?? [];
    const change = (request.query as Record<string, unknown>).change === "1";
    const previous = steps[step - 2];
    const title = `${page.title.en} – ${def.title.en}`;
    return send(request, reply, form, {
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      backLink: previous ? pageHref(form, draft, previous.id) : paths.start(form.language, def.slug),
      body: (
        <QuestionPage
          def={def}
          page={page}
          questions={questions}
          step={step}
          steps={steps.length}
          state={{
            values,
            errors: new Map(errors.map((e) => [e.field, e.message])),
            files,
            fileHref,
            sources: draft.sources,
          }}
          errors={errors}
          action={`${pageHref(form, draft, page.id)}${change ? "?change=1" : ""}`}
          multipart={questions.some((q) => q.type === "file")}
          expiresAt={draft.expiresAt}
        />
      ),
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

  const checkPage = (request: FastifyRequest, reply: FastifyReply, form: TranslatedForm, draft: Draft, errors: FieldError[]) => {
    const { def, tr } = form;
    const incomplete = firstIncomplete(def, draft.answers);
    if (incomplete) return reply.redirect(pageHref(form, draft, incomplete.id), 303);
    const sections: CheckSection[] = questionPages(def, draft.answers).map((page) => ({
      title: page.title.en,
      rows: visibleQuestions(page, draft.answers).map((q) => ({
        key: q.label.en,
        value: (
          <>
            {answerText(q, draft.answers[q.id], "en", tr, fileHref)}
            <SourceLine source={draft.sources[q.id]} />
          </>
        ),
        change: {
          href: `${pageHref(form, draft, page.id)}?change=1`,
          label: tr.t("eservices.check.change"),
          hiddenText: q.label.en,
        },
      })),
    }));
    const fee = feeWords(def, draft.answers, "en", tr);
    const title = tr.t("eservices.check.title");
    const last = questionPages(def, draft.answers).at(-1);
    return send(request, reply, form, {
      status: errors.length ? 400 : 200,
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : `${title} – ${def.title.en}`,
      backLink: last ? pageHref(form, draft, last.id) : undefined,
      body: (
        <CheckAnswersPage
          def={def}
          sections={sections}
          feeText={fee.text}
          feeWorking={fee.working}
          action={paths.page(form.language, def.slug, draft.id, "submit")}
          errors={errors}
        />
      ),
    });
  };

  app.get(`${at}/:draft/check`, guarded, async (request, reply) => {
    const { draft, form, language } = await draftForm(request);
    if (!form) return reply.redirect(inEnglish(request, language), 303);
    return checkPage(request, reply, form, draft, []);
  });

  app.post(`${at}/:draft/submit`, guardedPost, async (request, reply) => {
    const params = parseOrRefuse(pageParams.omit({ page: true }), request.params, { notFound: true });
    const language = languageOf(params.lang, params.slug);
    const user = await currentUser(db, request);
    // Submitted already (a double click, a refresh, a retry): the same case, not a second.
    const done = await applications.submitted(user, params.draft);
    if (done) return reply.redirect(paths.sent(language, params.slug, done.reference), 303);
    const { draft, form } = await draftForm(request);
    if (!form) return reply.redirect(inEnglish(request, language), 307);
    const { fields } = readForm(request.body);
    if (fields.declaration !== "yes") {
      return checkPage(request, reply, form, draft, [
        problemMessage(form.tr, { field: "declaration", key: "forms.errors.declaration" }),
      ]);
    }
    const result = await applications.submit(user, draft, form.original);
    if (!result) {
      const incomplete = firstIncomplete(form.def, draft.answers);
      return reply.redirect(pageHref(form, draft, incomplete?.id ?? "check"), 303);
    }
    return reply.redirect(paths.sent(language, params.slug, result.case.reference), 303);
  });

  app.get(`${at}/sent/:reference`, guarded, async (request, reply) => {
    const params = parseOrRefuse(startParams, request.params, { notFound: true });
    const language = languageOf(params.lang, params.slug);
    const { reference } = parseOrRefuse(referenceParams, request.params, { notFound: true });
    const user = await currentUser(db, request);
    const kase = await findOwnCase(db, user.id, reference);
    if (!kase || kase.eservice !== params.slug) throw new NotFoundError();
    const def = await latestDefinition(db, kase.eservice);
    const form = def && def.version === kase.version ? formOf(request, language, def) : undefined;
    const follow = localizePath(accountsLocale, requestPath(kase.reference));
    if (!form) return reply.redirect(`${follow}?submitted=1`, 303);
    return send(request, reply, form, {
      title: form.tr.t("form.sentTitle"),
      body: <TranslatedSentPage def={form.def} reference={kase.reference} followHref={follow} />,
    });
  });

  app.get(`${at}/:draft/:page`, guarded, async (request, reply) => {
    const { user, draft: saved, form, language } = await draftForm(request);
    if (!form) return reply.redirect(inEnglish(request, language), 303);
    const { page: pageId } = parseOrRefuse(pageParams, request.params, { notFound: true });
    const { def } = form;
    if (!def.pages.some((p) => p.id === pageId)) throw new NotFoundError();
    const found = reachable(def, saved.answers, pageId);
    if ("redirect" in found) return reply.redirect(pageHref(form, saved, found.redirect), 303);
    const page = found.page;
    if ("stop" in page) {
      const previous = visiblePages(def, saved.answers)
        .filter((p) => !("stop" in p))
        .at(-1);
      return send(request, reply, form, {
        title: `${page.title.en} – ${def.title.en}`,
        body: (
          <StopPage
            def={def}
            page={page}
            back={previous ? `${pageHref(form, saved, previous.id)}?change=1` : paths.start(form.language, def.slug)}
          />
        ),
      });
    }
    // Questions a registry answers that are still open are asked for again (the registry may be back).
    const draft = opts.prefill
      ? await opts.prefill.fill(user, form.original, saved, visibleQuestions(page, saved.answers))
      : saved;
    return renderQuestions(
      request,
      reply,
      { form, draft, page, answers: draft.answers },
      formValuesOf(page, draft.answers),
      brokenRules(page, draft.answers),
    );
  });

  app.post(`${at}/:draft/:page`, guardedPost, async (request, reply) => {
    const { draft, form, language } = await draftForm(request);
    if (!form) return reply.redirect(inEnglish(request, language), 307);
    const { page: pageId } = parseOrRefuse(pageParams, request.params, { notFound: true });
    const { def } = form;
    if (!def.pages.some((p) => p.id === pageId)) throw new NotFoundError();
    const found = reachable(def, draft.answers, pageId);
    if ("redirect" in found) return reply.redirect(pageHref(form, draft, found.redirect), 303);
    const page = found.page;
    if ("stop" in page) return reply.redirect(pageHref(form, draft, page.id), 303);
    const posted = readForm(request.body);
    const outcome = await applications.answerPage(draft, page, posted, (q) => q.label.en);
    if (outcome.errors.length) {
      return renderQuestions(
        request,
        reply,
        { form, draft, page, answers: outcome.answers },
        echoedValues(posted.fields),
        outcome.errors,
      );
    }
    const changing = (request.query as Record<string, unknown>).change === "1";
    const incomplete = firstIncomplete(def, outcome.answers);
    const next = changing ? incomplete : nextPage(def, outcome.answers, page.id);
    return reply.redirect(pageHref(form, draft, next ? next.id : "check"), 303);
  });
}
