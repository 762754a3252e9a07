import { Reference } from "../../../platform/design/Bidi.js";
import { Button } from "../../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { TextInput } from "../../../platform/design/fields.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { SummaryList } from "../../../platform/design/SummaryList.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { dohaDate } from "../../../platform/time/doha.js";
import type { Booking } from "../../repository.js";
import { deskPaths } from "../context.js";
import { clockTime } from "../day.js";
import { DayName } from "./DayPages.js";
import { StatusTag } from "./StatusTag.js";

export interface FoundBooking {
  booking: Booking;
  centre: string;
  service: string;
  /** The person's name, when they have an account. */
  name: string | undefined;
  dayHref: string;
}

/** The counter's check-in: a reference to type (or the QR code's page), the booking found, and the button that checks the person in. */
export function CheckInPage({
  typed,
  found,
  errors,
  done,
}: {
  typed: string;
  found: FoundBooking | undefined;
  errors: FieldError[];
  done: string | undefined;
}) {
  const { t, href, csrfToken } = usePage();
  const b = found?.booking;
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      {done ? (
        <NotificationBanner variant="success">
          <p>{t("centreStaff.checkIn.done", { reference: done })}</p>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{t("centreStaff.checkIn.title")}</h1>
      <p class="lead">{t("centreStaff.checkIn.lead")}</p>
      <form method="get" action={href(deskPaths.checkIn)}>
        <TextInput
          name="reference"
          label={t("centreStaff.checkIn.reference")}
          hint={t("centreStaff.checkIn.referenceHint")}
          value={found ? found.booking.reference : typed}
          width="10"
          dir="ltr"
          spellcheck={false}
          autocomplete="off"
          error={errors.find((e) => e.field === "reference")?.message}
        />
        <Button variant={found ? "secondary" : "primary"}>{t("centreStaff.checkIn.find")}</Button>
      </form>
      {found && b ? (
        <section aria-labelledby="found-title">
          <h2 class="heading-l" id="found-title">
            {t("centreStaff.checkIn.found")}
          </h2>
          <SummaryList
            rows={[
              { key: t("centreStaff.day.reference"), value: <Reference>{b.reference}</Reference> },
              { key: t("centreStaff.day.name"), value: found.name ?? t("centreStaff.none") },
              { key: t("centreStaff.day.service"), value: found.service },
              { key: t("centreStaff.checkIn.centre"), value: found.centre },
              {
                key: t("centreStaff.checkIn.when"),
                value: (
                  <>
                    <DayName day={dohaDate(b.startsAt)} /> <bdi dir="ltr">{clockTime(b.startsAt)}</bdi>
                  </>
                ),
              },
              { key: t("centreStaff.day.status"), value: <StatusTag status={b.status} /> },
            ]}
          />
          {b.status === "booked" ? (
            <form method="post" action={href(deskPaths.checkIn)}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="reference" value={b.reference} />
              <button class="button" type="submit" id="check-in">
                {t("centreStaff.checkIn.button")}
              </button>
            </form>
          ) : null}
          <p>
            <a href={href(found.dayHref)}>{t("centreStaff.checkIn.day")}</a>
          </p>
        </section>
      ) : null}
    </div>
  );
}
