import { Reference } from "../../../platform/design/Bidi.js";
import { Button } from "../../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { Select, TextInput } from "../../../platform/design/fields.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { Table } from "../../../platform/design/Table.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { dohaNoon } from "../../../platform/time/doha.js";
import type { Centre, Closure } from "../../repository.js";
import { deskPaths } from "../context.js";
import { clockTime, type DeskSlot } from "../day.js";
import { StatusTag } from "./StatusTag.js";

/** A day in words: "Sunday, 20 December 2026". */
export function DayName({ day }: { day: string }) {
  const { t, date } = usePage();
  const noon = dohaNoon(day);
  return (
    <time dateTime={day}>
      {t("centreStaff.dayName", { weekday: t(`centreStaff.weekdays.${noon.getUTCDay()}`), date: date(noon) })}
    </time>
  );
}

/** The agency's centres, each with its day today, and the way to check people in. */
export function DeskHome({ centres, today }: { centres: Centre[]; today: string }) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("centreStaff.home.title")}</h1>
      <p class="lead">{t("centreStaff.home.lead")}</p>
      <p>
        <Button href={href(deskPaths.checkIn)}>{t("centreStaff.checkIn.title")}</Button>
      </p>
      {centres.length ? (
        <Table
          caption={t("centreStaff.home.centres")}
          firstCellIsHeader
          columns={[
            { label: t("centreStaff.home.centre") },
            { label: t("centreStaff.home.area") },
            { label: t("centreStaff.home.actions") },
          ]}
          rows={centres.map((c) => [
            <a key="n" href={href(deskPaths.day(c.slug, today))}>
              {c.name[locale]}
            </a>,
            t(`booking.areas.${c.area}`),
            <a key="c" href={href(deskPaths.close(c.slug))}>
              {t("centreStaff.home.close")}
              <span class="visually-hidden"> {c.name[locale]}</span>
            </a>,
          ])}
        />
      ) : (
        <p>{t("centreStaff.home.none")}</p>
      )}
    </div>
  );
}

export interface DayPageProps {
  centre: Centre;
  day: string;
  typedDay: string;
  previous: string;
  next: string;
  slots: DeskSlot[];
  titles: Map<string, string>;
  names: Map<string, string>;
  counter: number | undefined;
  closure: Closure | undefined;
  done: string | undefined;
  errors: FieldError[];
  now: Date;
}

/** A centre's day: its visits by time and counter, the days either side, a day to go to, and marking no-shows. */
export function DayPage(p: DayPageProps) {
  const { t, href, locale, csrfToken, number } = usePage();
  const most = Math.max(1, ...p.centre.services.map((s) => s.counters));
  const rows = p.slots.flatMap((slot) =>
    slot.rows
      .filter((r) => p.counter === undefined || r.counter === p.counter)
      .map((r) => {
        const b = r.booking;
        const over = b.startsAt.getTime() + b.minutes * 60_000 <= p.now.getTime();
        return [
          <time key="t" dateTime={slot.startsAt.toISOString()} dir="ltr">
            {clockTime(slot.startsAt)}
          </time>,
          p.titles.get(slot.serviceSlug) ?? slot.serviceSlug,
          r.counter === undefined ? t("centreStaff.none") : number(r.counter),
          <Reference key="r">{b.reference}</Reference>,
          p.names.get(b.userId) ?? t("centreStaff.none"),
          <StatusTag key="s" status={b.status} />,
          b.status === "booked" && over ? (
            <form key="a" method="post" action={href(deskPaths.noShow(p.centre.slug, p.day))} class="workspace-inline-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="booking" value={b.id} />
              <button class="button button--secondary" type="submit" id={`booking-${b.reference}`}>
                {t("centreStaff.day.noShow")}
                <span class="visually-hidden"> {b.reference}</span>
              </button>
            </form>
          ) : (
            ""
          ),
        ];
      }),
  );
  return (
    <div>
      <ErrorSummary errors={p.errors} />
      {p.done ? (
        <NotificationBanner variant="success">
          <p>{t(`centreStaff.done.${p.done}`)}</p>
        </NotificationBanner>
      ) : null}
      <p class="caption">{p.centre.name[locale]}</p>
      <h1 class="heading-xl">
        <DayName day={p.day} />
      </h1>
      {p.closure ? (
        <NotificationBanner variant="warning" title={t("centreStaff.day.closed")}>
          <p>{p.closure.reason[locale]}</p>
          <form method="post" action={href(deskPaths.reopen(p.centre.slug))}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="day" value={p.day} />
            <Button variant="secondary">{t("centreStaff.day.reopen")}</Button>
          </form>
        </NotificationBanner>
      ) : null}
      <nav class="pagination" aria-label={t("centreStaff.day.otherDays")}>
        <a class="pagination__prev" href={href(deskPaths.day(p.centre.slug, p.previous))} rel="prev">
          {t("centreStaff.day.previous")}
          <span class="visually-hidden">
            {" "}
            <DayName day={p.previous} />
          </span>
        </a>
        <a class="pagination__next" href={href(deskPaths.day(p.centre.slug, p.next))} rel="next">
          {t("centreStaff.day.next")}
          <span class="visually-hidden">
            {" "}
            <DayName day={p.next} />
          </span>
        </a>
      </nav>
      <form method="get" action={href(deskPaths.centre(p.centre.slug))}>
        <input type="hidden" name="from" value={p.day} />
        <div class="two-columns">
          <TextInput
            name="day"
            label={t("centreStaff.day.pick")}
            hint={t("centreStaff.day.pickHint")}
            value={p.typedDay}
            width="10"
            inputMode="numeric"
            dir="ltr"
            error={p.errors.find((e) => e.field === "day")?.message}
          />
          <Select
            name="counter"
            label={t("centreStaff.day.counter")}
            value={p.counter ? String(p.counter) : ""}
            items={[
              { value: "", label: t("centreStaff.day.allCounters") },
              ...Array.from({ length: most }, (_, i) => ({ value: String(i + 1), label: number(i + 1) })),
            ]}
          />
        </div>
        <Button variant="secondary">{t("centreStaff.day.show")}</Button>
      </form>
      {rows.length ? (
        <Table
          caption={t("centreStaff.day.caption", { count: rows.length })}
          columns={[
            { label: t("centreStaff.day.time") },
            { label: t("centreStaff.day.service") },
            { label: t("centreStaff.day.counterColumn"), numeric: true },
            { label: t("centreStaff.day.reference") },
            { label: t("centreStaff.day.name") },
            { label: t("centreStaff.day.status") },
            { label: t("centreStaff.day.action") },
          ]}
          rows={rows}
        />
      ) : (
        <p>{t("centreStaff.day.empty")}</p>
      )}
      <p>
        <a href={`${href(deskPaths.close(p.centre.slug))}?day=${p.day}`}>{t("centreStaff.day.close")}</a>
      </p>
    </div>
  );
}
