import { Ltr } from "../../platform/design/Bidi.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dohaNoon } from "../../platform/time/doha.js";
import type { BilingualText } from "../model.js";

export interface CentrePreviewProps {
  name: BilingualText;
  address: BilingualText;
  area: string;
  mapUrl: string;
  /** Each weekday's hours as written, Sunday first ("" = closed). */
  hours: string[];
  services: { serviceSlug: string; title: BilingualText | undefined; minutes: number; counters: number }[];
  closures: { day: string; reason: BilingualText }[];
}

/** A service centre as people booking a visit see it: where it is, when it is open, what it offers, the days it is closed. */
export function CentrePreview(p: CentrePreviewProps) {
  const { t, locale, date, number } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{p.name[locale]}</h1>
      <SummaryList
        rows={[
          { key: t("centreStaff.preview.address"), value: p.address[locale] },
          { key: t("centreStaff.preview.area"), value: p.area ? t(`booking.areas.${p.area}`) : "" },
          ...(p.mapUrl
            ? [{ key: t("centreStaff.preview.map"), value: <a href={p.mapUrl}>{t("centreStaff.preview.mapLink")}</a> }]
            : []),
        ]}
      />
      <Table
        caption={t("centreStaff.preview.hours")}
        firstCellIsHeader
        columns={[{ label: t("centreStaff.preview.day") }, { label: t("centreStaff.preview.open") }]}
        rows={p.hours.map((h, i) => [
          t(`centreStaff.weekdays.${i}`),
          h ? <Ltr key="h">{h}</Ltr> : t("centreStaff.preview.closed"),
        ])}
      />
      <Table
        caption={t("centreStaff.preview.services")}
        columns={[
          { label: t("centreStaff.preview.service") },
          { label: t("centreStaff.preview.minutes"), numeric: true },
          { label: t("centreStaff.preview.counters"), numeric: true },
        ]}
        rows={p.services.map((s) => [s.title?.[locale] ?? s.serviceSlug, number(s.minutes), number(s.counters)])}
      />
      {p.closures.length ? (
        <>
          <h2 class="heading-m">{t("centreStaff.preview.closures")}</h2>
          <ul class="list list--bullet">
            {p.closures.map((c) => (
              <li key={c.day}>{t("centreStaff.preview.closure", { date: date(dohaNoon(c.day)), reason: c.reason[locale] })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
