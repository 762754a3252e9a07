import { Button } from "../../platform/design/Button.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { Select } from "../../platform/design/fields.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dohaNoon } from "../../platform/time/doha.js";
import { AREA_SLUGS, type Area } from "../areas.js";
import type { Centre, Closure } from "../repository.js";
import { weekInWords } from "../words.js";
import { bookingPaths } from "./paths.js";

export interface CentresPageProps {
  serviceSlug: string;
  serviceTitle: string;
  centres: { centre: Centre; closures: Closure[] }[];
  area: Area | undefined;
  caseId: string | undefined;
}

/** Choosing a centre for a service: the area form, then each centre with its address, map, hours and next closures. */
export function CentresPage(p: CentresPageProps) {
  const { t, tr, href, locale } = usePage();
  return (
    <div class="narrow-wide">
      <p class="caption">{p.serviceTitle}</p>
      <h1 class="heading-xl">{t("booking.centres.title")}</h1>
      <p class="lead">{t("booking.centres.lead")}</p>
      <form method="get" action={href(bookingPaths.centres(p.serviceSlug))} class="booking-area">
        {p.caseId ? <input type="hidden" name="case" value={p.caseId} /> : null}
        <Select
          name="area"
          label={t("booking.centres.areaLabel")}
          hint={t("booking.centres.areaHint")}
          value={p.area ?? ""}
          items={[
            { value: "", label: t("booking.centres.anyArea") },
            ...AREA_SLUGS.map((a) => ({ value: a, label: t(`booking.areas.${a}`) })),
          ]}
        />
        <Button variant="secondary">{t("booking.centres.sort")}</Button>
      </form>
      <h2 class="heading-l">
        {p.area
          ? t("booking.centres.nearest", { area: t(`booking.areas.${p.area}`), count: p.centres.length })
          : t("booking.centres.all", { count: p.centres.length })}
      </h2>
      {p.centres.map(({ centre, closures }) => (
        <section class="booking-centre" aria-labelledby={`centre-${centre.slug}`} key={centre.slug}>
          <h3 class="heading-m" id={`centre-${centre.slug}`}>
            {centre.name[locale]}
          </h3>
          <p>
            {centre.address[locale]}
            {AREA_SLUGS.includes(centre.area as Area) ? ` (${t(`booking.areas.${centre.area}`)})` : null}
          </p>
          {centre.mapUrl ? (
            <p>
              <a href={centre.mapUrl}>{t("booking.centres.map", { centre: centre.name[locale] })}</a>
            </p>
          ) : null}
          <h4 class="heading-s">{t("booking.centres.hours")}</h4>
          <SummaryList rows={weekInWords(centre.hours, tr).map((d) => ({ key: d.day, value: d.hours }))} />
          {closures.length ? (
            <>
              <h4 class="heading-s">{t("booking.centres.closures")}</h4>
              <ul class="list list--bullet">
                {closures.map((c) => (
                  <li key={c.day}>
                    <DateDisplay date={dohaNoon(c.day)} />
                    {c.reason[locale] ? t("booking.centres.closureReason", { reason: c.reason[locale] }) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Button href={href(bookingPaths.days(p.serviceSlug, centre.slug, p.caseId))} variant="secondary">
            {t("booking.centres.choose", { centre: centre.name[locale] })}
          </Button>
        </section>
      ))}
    </div>
  );
}
