import type { ServiceFacts as Facts, ServiceFee } from "../../forms/engine/facts.js";
import { money } from "../../forms/money.js";
import { SummaryList, type SummaryRow } from "../../platform/design/SummaryList.js";
import type { Locale } from "../../platform/i18n/locales.js";
import type { Translator } from "../../platform/i18n/messages.js";
import { usePage } from "../../platform/layout/page-context.js";

/** A service's fee in words: free, its amounts ("QAR 500, QAR 1,000 or QAR 1,500"), or its rate. */
export function feeInWords(fee: ServiceFee, locale: Locale, tr: Translator): string {
  if (fee.type === "none") return tr.t("catalogue.facts.free");
  if (fee.type === "rate")
    return fee.minimum > 0
      ? tr.t("catalogue.facts.rateWithMinimum", { percent: fee.percent, minimum: money(fee.minimum, locale, tr) })
      : tr.t("catalogue.facts.rate", { percent: fee.percent });
  const amounts = [...new Set(fee.amounts)].sort((a, b) => a - b).map((a) => money(a, locale, tr));
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(amounts);
}

/** How long the agency takes, in words. */
export function workingDaysInWords(days: number, tr: Translator): string {
  return days === 0 ? tr.t("catalogue.facts.straightAway") : tr.t("catalogue.facts.workingDays", { days });
}

/**
 * A service's facts at a glance: what it costs, how long it takes and the
 * documents a person gives (who may use it is said with the rules, from the
 * e-service's definition, which publishing checks against the facts). The service page and the
 * start page of its e-service both show them with this one component, from
 * the facts the service states once.
 */
export function ServiceFacts({ facts, headingId = "service-facts" }: { facts: Facts; headingId?: string }) {
  const { t, tr, locale } = usePage();
  const rows: SummaryRow[] = [];
  if (facts.fee) rows.push({ key: t("catalogue.facts.fee"), value: feeInWords(facts.fee, locale, tr) });
  if (facts.workingDays !== undefined)
    rows.push({ key: t("catalogue.facts.time"), value: workingDaysInWords(facts.workingDays, tr) });
  if (facts.documents?.length)
    rows.push({
      key: t("catalogue.facts.documents"),
      value: (
        <ul class="list list--bullet">
          {facts.documents.map((d) => (
            <li key={d.id}>{d.title[locale]}</li>
          ))}
        </ul>
      ),
    });
  if (!rows.length) return null;
  return (
    <section class="service-facts" aria-labelledby={headingId}>
      <h2 class="heading-m" id={headingId}>
        {t("catalogue.facts.heading")}
      </h2>
      <SummaryList rows={rows} />
    </section>
  );
}
