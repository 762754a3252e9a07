import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { DayAvailability } from "../availability.js";
import type { Centre } from "../repository.js";
import { dayInWords } from "../words.js";
import { bookingPaths } from "./paths.js";

export interface DaysPageProps {
  serviceSlug: string;
  serviceTitle: string;
  centre: Centre;
  days: DayAvailability[];
  caseId: string | undefined;
}

/** Choosing a day at a centre: every bookable day as a link, with how many times are still free, or "Full". */
export function DaysPage(p: DaysPageProps) {
  const { t, href, locale } = usePage();
  // Today once its last time has passed has nothing to offer, not even a waiting list.
  const days = p.days.filter((d) => d.times > 0);
  return (
    <div class="narrow-wide">
      <p class="caption">{p.serviceTitle}</p>
      <h1 class="heading-xl">{t("booking.days.title")}</h1>
      <p class="lead">
        {p.centre.name[locale]}
        {p.centre.address[locale] ? ` — ${p.centre.address[locale]}` : ""}
      </p>
      {days.length === 0 ? (
        <p>{t("booking.days.none")}</p>
      ) : (
        <>
          <p>{t("booking.days.hint")}</p>
          <ul class="list booking-days">
            {days.map((d) => (
              <li key={d.day} class="booking-days__item">
                <a href={href(bookingPaths.times(p.serviceSlug, p.centre.slug, d.day, p.caseId))}>{dayInWords(d.day, locale)}</a>{" "}
                {d.freeTimes > 0 ? (
                  <span class="hint">{t("booking.days.free", { count: d.freeTimes })}</span>
                ) : (
                  <Tag colour="grey">{t("booking.days.full")}</Tag>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={href(bookingPaths.centres(p.serviceSlug, p.caseId))}>{t("booking.days.otherCentre")}</a>
      </p>
    </div>
  );
}
