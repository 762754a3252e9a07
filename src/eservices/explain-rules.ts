import { allQuestions, type Definition } from "../forms/engine/definition.js";
import type { Db } from "../platform/db/client.js";
import type { Translator } from "../platform/i18n/messages.js";
import { latestDefinition } from "./repository/definitions.js";

/**
 * The rules an e-service declares, as sentences for the person before they
 * start (the start page) and on the service page: who may apply, the time
 * window around a date, the age of the person named, and how a renewal's
 * validity is counted. Written from the definition the engine enforces, so
 * what is said and what is done cannot drift apart.
 */
export function explainRules(def: Definition, tr: Translator): string[] {
  const locale = tr.locale;
  const out: string[] = [];
  const allowed = def.eligibility.residency;
  if (allowed)
    out.push(
      tr.t("eservices.rules.who", {
        who: allowed.map((r) => tr.t(`accounts.residency.${r}`)).join(locale === "ar" ? "، " : ", "),
      }),
    );
  for (const { question: q } of allQuestions(def)) {
    if (q.type !== "date") continue;
    const w = q.window;
    if (w) {
      const event = w.event[locale];
      if (w.opensDaysBefore !== undefined && w.closesDaysAfter !== undefined)
        out.push(tr.t("eservices.rules.window.opensAndCloses", { opens: w.opensDaysBefore, closes: w.closesDaysAfter, event }));
      else if (w.opensDaysBefore !== undefined)
        out.push(tr.t("eservices.rules.window.opens", { days: w.opensDaysBefore, event }));
      else if (w.closesDaysAfter !== undefined)
        out.push(tr.t("eservices.rules.window.closes", { days: w.closesDaysAfter, event }));
      if (w.closesDaysBefore !== undefined)
        out.push(tr.t("eservices.rules.window.closesBefore", { days: w.closesDaysBefore, event }));
    }
    const a = q.age;
    if (a) {
      const of = a.of[locale];
      if (a.min !== undefined && a.max !== undefined)
        out.push(tr.t("eservices.rules.age.minMax", { of, min: a.min, max: a.max }));
      else if (a.min !== undefined) out.push(tr.t("eservices.rules.age.min", { of, min: a.min }));
      else if (a.max !== undefined) out.push(tr.t("eservices.rules.age.max", { of, max: a.max }));
    }
  }
  const issues = def.issues;
  if (issues?.expiryQuestion && (issues.validForMonths || issues.validForYearsFrom))
    out.push(tr.t("eservices.rules.validity", { document: issues.title[locale] }));
  return out;
}

/** The rules of an e-service's newest version in words, for the catalogue's service page (empty when there is none). */
export function onlineRules(db: Db) {
  return async (eservice: string, tr: Translator): Promise<string[]> => {
    const def = await latestDefinition(db, eservice);
    return def ? explainRules(def, tr) : [];
  };
}
