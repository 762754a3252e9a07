import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Radios } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dohaNoon } from "../../platform/time/doha.js";
import type { FreeTime } from "../booking.js";
import type { Centre } from "../repository.js";
import { clockOf, dayInWords, timeOfDay } from "../words.js";
import { bookingPaths } from "./paths.js";

export interface TimesPageProps {
  serviceSlug: string;
  serviceTitle: string;
  centre: Centre;
  day: string;
  times: FreeTime[];
  caseId: string | undefined;
  /** Signed in: the form holds the time (a POST); otherwise it leads to signing in first (a GET). */
  signedIn: boolean;
  /** Where signing in comes back to this day (for the waiting list). */
  signInHref: string;
  selected?: string | undefined;
  errors?: FieldError[];
  /** Just put on this day's waiting list. */
  waiting?: boolean;
}

/** Choosing a time on a day: the free times as radios, the full ones named, and the waiting list when nothing is free. */
export function TimesPage(p: TimesPageProps) {
  const { t, href, locale, csrfToken, hijri } = usePage();
  const free = p.times.filter((x) => x.free > 0);
  const full = p.times.filter((x) => x.free === 0);
  const action = href(bookingPaths.times(p.serviceSlug, p.centre.slug, p.day));
  const error = p.errors?.[0]?.message;
  return (
    <div class="narrow-wide">
      <ErrorSummary errors={p.errors ?? []} />
      {p.waiting ? (
        <NotificationBanner variant="success">
          <p>{t("booking.waitlist.joined")}</p>
        </NotificationBanner>
      ) : null}
      <p class="caption">{p.serviceTitle}</p>
      <h1 class="heading-xl">{t("booking.times.title")}</h1>
      <p class="lead">{t("booking.times.where", { day: dayInWords(p.day, locale), centre: p.centre.name[locale] })}</p>
      <p class="hint">{t("components.date.hijri", { date: hijri(dohaNoon(p.day)) })}</p>
      {free.length ? (
        <form method={p.signedIn ? "post" : "get"} action={action} novalidate>
          {p.signedIn ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
          {p.caseId ? <input type="hidden" name="case" value={p.caseId} /> : null}
          <Radios
            name="time"
            legend={t("booking.times.legend")}
            hint={p.signedIn ? t("booking.times.hint") : t("booking.times.hintSignIn")}
            error={error}
            value={p.selected}
            items={free.map((x) => ({
              value: clockOf(x.startsAt),
              label: timeOfDay(x.startsAt, locale),
              hint: t("booking.times.places", { count: x.free }),
            }))}
          />
          <Button>{p.signedIn ? t("booking.times.continue") : t("booking.times.signInToContinue")}</Button>
        </form>
      ) : (
        <section aria-labelledby="waitlist-title">
          <h2 class="heading-m" id="waitlist-title">
            {t("booking.waitlist.title")}
          </h2>
          <p>{t(p.times.length ? "booking.times.allFull" : "booking.times.noTimes")}</p>
          {p.times.length ? (
            <>
              <p>{t("booking.waitlist.explain")}</p>
              {p.signedIn ? (
                <form method="post" action={href(bookingPaths.waitlist(p.serviceSlug, p.centre.slug, p.day))}>
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  {error ? (
                    <p class="error-message" id="waitlist">
                      {error}
                    </p>
                  ) : null}
                  <Button variant="secondary">{t("booking.waitlist.join")}</Button>
                </form>
              ) : (
                <p>
                  <a href={p.signInHref}>{t("booking.waitlist.signIn")}</a>
                </p>
              )}
            </>
          ) : null}
        </section>
      )}
      {full.length && free.length ? (
        <p>
          {t("booking.times.full", { times: full.map((x) => timeOfDay(x.startsAt, locale)).join(locale === "ar" ? "، " : ", ") })}
        </p>
      ) : null}
      <p>
        <a href={href(bookingPaths.days(p.serviceSlug, p.centre.slug, p.caseId))}>{t("booking.times.otherDay")}</a>
      </p>
    </div>
  );
}
