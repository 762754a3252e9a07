import { Button } from "../../platform/design/Button.js";
import { ConfirmStep } from "../../platform/design/ConfirmStep.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Radios, Select } from "../../platform/design/fields.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dohaDate, dohaDateTimeLocal, dohaNoon } from "../../platform/time/doha.js";
import type { Appointment } from "../mine.js";
import { appointmentPaths } from "../paths.js";
import { appointmentRows, CentreContact, useWhen } from "./MyAppointments.js";

/** A slot's time as the move form sends it: "HH:MM" in Doha. */
export function timeValue(at: Date): string {
  return dohaDateTimeLocal(at).slice(11, 16);
}

export interface MovePageProps {
  a: Appointment;
  /** The days the centre takes bookings now (YYYY-MM-DD). */
  days: string[];
  /** The day chosen, with its free times (the visit's own time left out). */
  day?: string | undefined;
  times?: Date[] | undefined;
  chosenTime?: string | undefined;
  errors?: FieldError[];
}

/** Moving a visit: choose a day (a plain GET form), then one of its free times (posted). */
export function MovePage(p: MovePageProps) {
  const { t, locale, href, csrfToken } = usePage();
  const when = useWhen();
  const { a } = p;
  const errors = p.errors ?? [];
  const pagePath = href(appointmentPaths.move(a.booking.id));
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("myAppointments.move.title")}</h1>
      <p class="lead">{t("myAppointments.move.lead", { centre: a.centre.name[locale] })}</p>
      <h2 class="heading-m">{t("myAppointments.move.current")}</h2>
      <SummaryList rows={appointmentRows(a, t, locale, when)} />
      <form method="get" action={pagePath} class="appointment-times">
        <Select
          name="day"
          label={t("myAppointments.move.day")}
          hint={t("myAppointments.move.dayHint")}
          error={errorFor(errors, "day")}
          // The visit's own day until another is chosen.
          value={p.day ?? dohaDate(a.booking.startsAt)}
          items={p.days.map((d) => ({ value: d, label: when.day(dohaNoon(d)) }))}
        />
        <Button variant="secondary">{t("myAppointments.move.showTimes")}</Button>
      </form>
      {p.day && p.times ? (
        p.times.length ? (
          <form method="post" action={pagePath}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="day" value={p.day} />
            <Radios
              name="time"
              legend={t("myAppointments.move.times", { day: when.day(dohaNoon(p.day)) })}
              error={errorFor(errors, "time")}
              value={p.chosenTime}
              items={p.times.map((at) => ({ value: timeValue(at), label: when.time(at) }))}
            />
            <div class="button-group">
              <Button>{t("myAppointments.move.submit")}</Button>
              <a href={href(appointmentPaths.page(a.booking.id))}>{t("myAppointments.move.keep")}</a>
            </div>
          </form>
        ) : (
          <p class="empty-state" id="time">
            {t("myAppointments.move.noTimes", { day: when.day(dohaNoon(p.day)) })}
          </p>
        )
      ) : (
        <p>
          <a href={href(appointmentPaths.page(a.booking.id))}>{t("myAppointments.move.keep")}</a>
        </p>
      )}
    </div>
  );
}

/** The step before cancelling: what is cancelled, that the place goes to someone else, and a way back. */
export function CancelPage({ a, errors = [] }: { a: Appointment; errors?: FieldError[] }) {
  const { t, locale, href } = usePage();
  const when = useWhen();
  return (
    <>
      <ErrorSummary errors={errors} />
      <ConfirmStep
        title={t("myAppointments.cancel.title")}
        warning={t("myAppointments.cancel.warning")}
        rows={appointmentRows(a, t, locale, when)}
        action={href(appointmentPaths.cancel(a.booking.id))}
        fields={{}}
        confirmLabel={t("myAppointments.cancel.submit")}
        cancelHref={href(appointmentPaths.page(a.booking.id))}
        destructive
      />
    </>
  );
}

/** After the cut-off (or once the visit is no longer booked): no forms, how to reach the centre instead. */
export function TooLatePage({ a, errors = [] }: { a: Appointment; errors?: FieldError[] }) {
  const { t, locale, href } = usePage();
  const when = useWhen();
  const booked = a.standing === "booked";
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl" id="change">
        {t(booked ? "myAppointments.tooLate.title" : "myAppointments.notActive.title")}
      </h1>
      {booked ? (
        <>
          <p class="lead">{t("myAppointments.tooLate.body", { hours: a.centre.changeCutoffHours })}</p>
          <CentreContact a={a} />
        </>
      ) : (
        <p class="lead">{t("myAppointments.notActive.body")}</p>
      )}
      <SummaryList rows={appointmentRows(a, t, locale, when)} />
      <p>
        <a href={href(appointmentPaths.page(a.booking.id))}>{t("myAppointments.back")}</a>
      </p>
    </div>
  );
}
