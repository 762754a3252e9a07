import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Definition } from "../../forms/engine/definition.js";
import { Button } from "../../platform/design/Button.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Panel } from "../../platform/design/Panel.js";
import { assetUrl } from "../../platform/http/assets.js";
import { timeZone } from "../../platform/i18n/locales.js";
import type { Translator } from "../../platform/i18n/messages.js";
import { PageContext, type PageContextValue, usePage } from "../../platform/layout/page-context.js";
import type { TranslatedForms } from "./words.js";

/**
 * The pages of a translated form: sent in the language's own frame, with
 * views that read the definition's English (which the translation replaced)
 * and the form's words in the language; and the two pages only a translated
 * form has (before you start, and sent).
 */

/** A form in a language: the definition in it, the one published, and its words. */
export interface TranslatedForm {
  language: string;
  /** The definition with the language's texts in place of the English (what the views show). */
  def: Definition;
  /** The definition as published (what is submitted and processed). */
  original: Definition;
  tr: Translator;
}

/** Sends a page of a translated form in its language's frame; it is the person's own, never shared. */
export function sendTranslated(
  request: FastifyRequest,
  reply: FastifyReply,
  forms: TranslatedForms,
  form: TranslatedForm,
  page: { status?: number; title: string; backLink?: string | undefined; body: VNode },
) {
  const days = new Intl.DateTimeFormat(forms.dateTag(form.language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  });
  const ctx = {
    locale: "en",
    dir: forms.direction(form.language),
    tr: form.tr,
    url: request.url,
    navigation: [],
    asset: assetUrl,
    formatDay: (d: Date) => days.format(d),
  } as Omit<PageContextValue, "csrfToken"> as PageContextValue;
  let token: string | undefined;
  Object.defineProperty(ctx, "csrfToken", { get: () => (token ??= reply.generateCsrf()), enumerable: false });
  const body = (
    <>
      <BackLink href={page.backLink} />
      {page.body}
    </>
  );
  const html = renderToString(
    <PageContext.Provider value={ctx}>{forms.frame(request, form.language, { title: page.title, body })}</PageContext.Provider>,
  );
  return reply
    .code(page.status ?? 200)
    .header("cache-control", "private, no-cache")
    .header("vary", "Cookie")
    .type("text/html; charset=utf-8")
    .send(`<!doctype html>${html}`);
}

function BackLink({ href }: { href: string | undefined }) {
  const { t } = usePage();
  return href ? (
    <a class="back-link" href={href}>
      {t("components.backLink.label")}
    </a>
  ) : null;
}

export interface TranslatedStartProps {
  def: Definition;
  /** Where Start is posted. */
  startAction: string;
  /** Where to sign in first (coming back here), when no one is signed in. */
  signInHref: string | undefined;
  keepDays: number;
  drafts: { id: string; href: string; updatedAt: Date }[];
  /** Set when the signed-in person may not apply (the definition's residency rule). */
  refused: boolean;
}

/** Before you start, in the form's language: what it needs, then Start (or sign in first). */
export function TranslatedStartPage(p: TranslatedStartProps) {
  const { t, locale, csrfToken, date, number } = usePage();
  return (
    <div class="narrow">
      <h1 class="heading-xl">{p.def.title[locale]}</h1>
      <p class="lead">{p.def.summary[locale]}</p>
      <h2 class="heading-m">{t("form.beforeYouStart")}</h2>
      <ul class="list list--bullet">
        <li>{t("form.signInNeeded")}</li>
        {p.def.fee.type === "none" ? <li>{t("form.free")}</li> : null}
        <li>{t("form.saved", { days: number(p.keepDays) })}</li>
      </ul>
      {p.drafts.length ? (
        <NotificationBanner title={t("form.draftsTitle")}>
          <ul class="list">
            {p.drafts.map((d) => (
              <li key={d.id}>
                <a href={d.href}>{t("form.continueDraft", { date: date(d.updatedAt) })}</a>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      {p.refused ? (
        <NotificationBanner variant="warning" title={t("form.notEligible")}>
          <p>{t("form.notEligibleHelp")}</p>
        </NotificationBanner>
      ) : p.signInHref ? (
        <>
          <p>
            <a class="button" href={p.signInHref}>
              {t("form.signInToStart")}
            </a>
          </p>
          <p class="hint">{t("form.signInLanguage")}</p>
        </>
      ) : (
        <form method="post" action={p.startAction}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Button>{t("form.start")}</Button>
        </form>
      )}
    </div>
  );
}

/** The request is sent: its reference and what happens next, in the form's language. */
export function TranslatedSentPage({ def, reference, followHref }: { def: Definition; reference: string; followHref: string }) {
  const { t, locale } = usePage();
  return (
    <div class="narrow">
      <Panel title={t("form.sentTitle")}>
        <p>{t("form.reference")}</p>
        <p class="panel__reference" dir="ltr">
          {reference}
        </p>
      </Panel>
      <h2 class="heading-m">{t("form.nextSteps")}</h2>
      <p>{def.nextSteps[locale]}</p>
      <p>
        <a href={followHref} hrefLang="en">
          {t("form.followOnline")}
        </a>
      </p>
    </div>
  );
}
