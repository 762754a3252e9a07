import type { Translator } from "../platform/i18n/messages.js";
import { csvDocument } from "../platform/text/csv.js";
import type { ServiceMonth } from "../statistics/service.js";

/**
 * Completed e-transactions per month and service as CSV: a header row in
 * the reader's language, then one row per month and service, oldest first,
 * with the service's title in both languages.
 */
export function transactionsCsv(rows: ServiceMonth[], tr: Translator): string {
  const header = [
    tr.t("statistics.csv.month"),
    tr.t("statistics.csv.service"),
    tr.t("statistics.csv.titleAr"),
    tr.t("statistics.csv.titleEn"),
    tr.t("statistics.csv.online"),
    tr.t("statistics.csv.other"),
    tr.t("statistics.csv.total"),
  ];
  return csvDocument([
    header,
    ...rows.map((r) => [r.month, r.serviceSlug, r.titleAr, r.titleEn, r.online, r.other, r.online + r.other]),
  ]);
}
