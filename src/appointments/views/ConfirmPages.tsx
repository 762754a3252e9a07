import { requestPath } from "../../eservices/service.js";
import { Reference } from "../../platform/design/Bidi.js";
import { ConfirmStep } from "../../platform/design/ConfirmStep.js";
import { Panel } from "../../platform/design/Panel.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dohaDate } from "../../platform/time/doha.js";
import { HOLD_MINUTES } from "../booking.js";
import type { Booking, Centre } from "../repository.js";
import { dayInWords, timeOfDay } from "../words.js";
import { bookingPaths } from "./paths.js";

export interface VisitProps {
  booking: Booking;
  centre: Centre;
  serviceTitle: string;
}

/** What the visit is: service, centre, address, day and time (Doha). */
function useVisitRows({ booking, centre, serviceTitle }: VisitProps) {
  const { t, locale } = usePage();
  return [
    { key: t("booking.visit.service"), value: serviceTitle },
    { key: t("booking.visit.centre"), value: centre.name[locale] },
    { key: t("booking.visit.address"), value: centre.address[locale] },
    { key: t("booking.visit.day"), value: dayInWords(dohaDate(booking.startsAt), locale) },
    {
      key: t("booking.visit.time"),
      value: t("booking.visit.timeValue", { time: timeOfDay(booking.startsAt, locale), minutes: booking.minutes }),
    },
  ];
}

/** Check and confirm: the held time, how long it is kept, and the button that books it. */
export function CheckPage(p: VisitProps) {
  const { t, href, locale } = usePage();
  const rows = useVisitRows(p);
  const until = p.booking.holdExpiresAt ?? p.booking.startsAt;
  return (
    <ConfirmStep
      title={t("booking.check.title")}
      warning={t("booking.check.kept", { until: timeOfDay(until, locale), minutes: HOLD_MINUTES })}
      rows={rows}
      action={href(bookingPaths.held(p.booking.id))}
      fields={{}}
      confirmLabel={t("booking.check.confirm")}
      cancelHref={href(
        bookingPaths.times(p.booking.serviceSlug, p.centre.slug, dohaDate(p.booking.startsAt), p.booking.caseId ?? undefined),
      )}
    />
  );
}

/** The appointment is booked: its reference, what to bring, and where to manage it (and the request it is for, if any). */
export function BookedPage(p: VisitProps & { request?: string | undefined }) {
  const { t, href } = usePage();
  const rows = useVisitRows(p);
  return (
    <div class="narrow">
      <Panel title={t("booking.booked.title")}>
        <p>{t("booking.booked.reference")}</p>
        <p class="panel__reference">
          <Reference>{p.booking.reference}</Reference>
        </p>
      </Panel>
      <SummaryList rows={rows} />
      <h2 class="heading-m">{t("booking.booked.bringTitle")}</h2>
      <ul class="list list--bullet">
        <li>{t("booking.booked.bringId")}</li>
        <li>{t("booking.booked.bringReference")}</li>
        <li>{t("booking.booked.arrive")}</li>
      </ul>
      <h2 class="heading-m">{t("booking.booked.manageTitle")}</h2>
      <p>{t("booking.booked.manage")}</p>
      <p>
        <a href={href(bookingPaths.mine(p.booking.id))}>{t("booking.booked.mine")}</a>
      </p>
      {p.request ? (
        <p>
          <a href={href(requestPath(p.request))}>{t("booking.booked.request", { reference: p.request })}</a>
        </p>
      ) : null}
    </div>
  );
}
