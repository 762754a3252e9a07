import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Tag } from "../../platform/design/Tag.js";
import { formatDateTime } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import { answerPlain } from "../answer-plain.js";
import type { AnswerSource, AnswerSources } from "../engine/answers.js";
import type { Question } from "../engine/definition.js";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "the Ministry of Interior's residency record", in the page's language. */
function recordName(t: Translate, source: Exclude<AnswerSource, { kind: "profile" }>): string {
  return t(`registries.record.${source.registry}`);
}

/** What the form says under a question a registry answered (or that the person changed); nothing otherwise. */
export function sourceHint(source: AnswerSource | undefined, t: Translate, date: (d: Date) => string): string | undefined {
  if (source?.kind === "registry")
    return t("forms.prefill.fromRecord", { record: recordName(t, source), date: date(new Date(source.at)) });
  if (source?.kind === "edited") return t("forms.prefill.edited", { record: recordName(t, source) });
  return undefined;
}

/** The registries this page's questions could not be filled from, with why, once each. */
export function fallbacksOf(questions: Question[], sources: AnswerSources | undefined) {
  const seen = new Map<string, { registry: string; notFound: boolean }>();
  for (const q of questions) {
    const s = sources?.[q.id];
    if (s?.kind === "unverified" && !seen.has(s.registry))
      seen.set(s.registry, { registry: s.registry, notFound: s.reason === "not-found" });
  }
  return [...seen.values()];
}

/** The notice on a page whose registry questions were left for the person to answer. */
export function FallbackNotice({ fallbacks }: { fallbacks: { registry: string; notFound: boolean }[] }) {
  const { t } = usePage();
  if (!fallbacks.length) return null;
  return (
    <NotificationBanner title={t("forms.prefill.fallbackTitle")}>
      {fallbacks.map((f) => (
        <p key={f.registry}>
          {t(f.notFound ? "forms.prefill.notFound" : "forms.prefill.unavailable", {
            record: t(`registries.record.${f.registry}`),
          })}
        </p>
      ))}
    </NotificationBanner>
  );
}

/** Where an answer came from, under it on "check your answers". */
export function SourceLine({ source }: { source: AnswerSource | undefined }) {
  const { t, date } = usePage();
  if (!source || source.kind === "profile") return null;
  const record = recordName(t, source);
  const text =
    source.kind === "registry"
      ? t("forms.prefill.check.registry", { record, date: date(new Date(source.at)) })
      : source.kind === "edited"
        ? t("forms.prefill.check.edited", { record })
        : t("forms.prefill.check.unverified");
  return <p class="hint">{text}</p>;
}

/** For the officer: where an answer came from, and a visible flag on what the applicant typed or changed. */
export function OfficerSource({ q, source }: { q: Question; source: AnswerSource | undefined }) {
  const { t, locale, tr } = usePage();
  if (!source || source.kind === "profile") return null;
  const record = recordName(t, source);
  if (source.kind === "registry")
    return (
      <p class="hint">{t("forms.prefill.officer.registry", { record, date: formatDateTime(new Date(source.at), locale) })}</p>
    );
  if (source.kind === "edited")
    return (
      <p>
        <Tag colour="yellow">{t("forms.prefill.officer.edited")}</Tag>{" "}
        <span class="hint">
          {t("forms.prefill.officer.recordSaid", { record })} {answerPlain(q, source.original, locale, tr)}
        </span>
      </p>
    );
  return (
    <p>
      <Tag colour="red">{t("forms.prefill.officer.unverified")}</Tag>{" "}
      <span class="hint">
        {t(source.reason === "not-found" ? "forms.prefill.officer.notFound" : "forms.prefill.officer.unavailable", {
          record,
        })}
      </span>
    </p>
  );
}
