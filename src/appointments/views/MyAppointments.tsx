import { Reference } from "../../platform/design/Bidi.js";
import { Button } from "../../platform/design/Button.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { SummaryList, type SummaryRow } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { Tag, type TagColour } from "../../platform/design/Tag.js";
import { formatTime, formatWeekdayDate } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { Appointment, Standing } from "../mine.js";
import { appointmentPaths, myAppointmentsPath } from "../paths.js";
import { bookingPaths } from "./paths.js";

const standingColour: Record<Standing, TagColour> = {
  held: "yellow",
  booked: "blue",
  attended: "green",
  missed: "red",
  cancelled: "grey",
  closed: "grey",
  passed: "grey",
  lapsed: "grey",
};

/** How a visit stands, as a tag: the words carry the meaning, the colour only helps. */
export function StandingTag({ standing }: { standing: Standing }) {
  const { t } = usePage();
  return <Tag colour={standingColour[standing]}>{t(`myAppointments.standing.${standing}`)}</Tag>;
}

/** The day and the time of a visit in Doha, in the page's language. */
export function useWhen() {
  const { locale } = usePage();
  return { day: (at: Date) => formatWeekdayDate(at, locale), time: (at: Date) => formatTime(at, locale) };
}

/** Appointments as a table: service (linking to the appointment), centre, day, time and how each stands. */
export function AppointmentTable({ items, caption }: { items: Appointment[]; caption: string }) {
  const { t, href, locale } = usePage();
  const when = useWhen();
  return (
    <Table
      caption={caption}
      columns={[
        { label: t("myAppointments.list.service") },
        { label: t("myAppointments.list.centre") },
        { label: t("myAppointments.list.day") },
        { label: t("myAppointments.list.time") },
        { label: t("myAppointments.list.status") },
      ]}
      rows={items.map((a) => [
        <a href={href(appointmentPaths.page(a.booking.id))} key="service">
          {a.service[locale]}
        </a>,
        a.centre.name[locale],
        when.day(a.booking.startsAt),
        <bdi key="time">{when.time(a.booking.startsAt)}</bdi>,
        <StandingTag standing={a.standing} key="status" />,
      ])}
    />
  );
}

/** All of the person's appointments: those ahead, then the earlier ones with how each went. */
export function MyAppointmentsPage({
  upcoming,
  past,
  notice,
}: {
  upcoming: Appointment[];
  past: Appointment[];
  notice?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <div>
      {notice ? (
        <NotificationBanner variant="success">
          <p>{notice}</p>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{t("myAppointments.title")}</h1>
      <p class="lead">{t("myAppointments.lead")}</p>
      <h2 class="heading-l">{t("myAppointments.upcoming.title")}</h2>
      {upcoming.length ? (
        <AppointmentTable items={upcoming} caption={t("myAppointments.upcoming.caption")} />
      ) : (
        <p class="empty-state">{t("myAppointments.upcoming.empty")}</p>
      )}
      <h2 class="heading-l">{t("myAppointments.past.title")}</h2>
      {past.length ? (
        <AppointmentTable items={past} caption={t("myAppointments.past.caption")} />
      ) : (
        <p class="empty-state">{t("myAppointments.past.empty")}</p>
      )}
    </div>
  );
}

/** The rows that say what and where a visit is (its page, and the steps that change it). */
export function appointmentRows(
  a: Appointment,
  t: (key: string, values?: Record<string, string | number>) => string,
  locale: "ar" | "en",
  when: ReturnType<typeof useWhen>,
): SummaryRow[] {
  return [
    { key: t("myAppointments.page.reference"), value: <Reference>{a.booking.reference}</Reference> },
    { key: t("myAppointments.page.service"), value: a.service[locale] },
    { key: t("myAppointments.page.centre"), value: a.centre.name[locale] },
    { key: t("myAppointments.page.day"), value: when.day(a.booking.startsAt) },
    { key: t("myAppointments.page.time"), value: <bdi>{when.time(a.booking.startsAt)}</bdi> },
  ];
}

/** Where to go, and how to reach the centre when it is too late to change anything here. */
function CentreContact({ a }: { a: Appointment }) {
  const { t, locale, href } = usePage();
  return (
    <p>
      {t("myAppointments.page.contact", { centre: a.centre.name[locale] })}{" "}
      <a href={href(`/agencies/${a.centre.agency}`)}>{t("myAppointments.page.contactLink")}</a>
    </p>
  );
}

export interface AppointmentPageProps {
  a: Appointment;
  bring: { ar: string; en: string }[];
  /** The QR code's SVG markup, made on the server (a booked visit still ahead). */
  qr?: string | undefined;
  /** Where a held place is confirmed (the booking pages' own step). */
  confirmHref: string;
  notice?: string | undefined;
}

/** One appointment: what, where and when; the QR code for the counter; the calendar file; change or cancel. */
export function AppointmentPage(p: AppointmentPageProps) {
  const { t, locale, href } = usePage();
  const when = useWhen();
  const { a } = p;
  const b = a.booking;
  const rows = appointmentRows(a, t, locale, when);
  rows.push(
    { key: t("myAppointments.page.duration"), value: t("myAppointments.page.minutes", { count: b.minutes }) },
    { key: t("myAppointments.page.address"), value: a.centre.address[locale] || a.centre.name[locale] },
  );
  if (a.centre.mapUrl)
    rows.push({
      key: t("myAppointments.page.map"),
      value: (
        <a href={a.centre.mapUrl} rel="noopener noreferrer">
          {t("myAppointments.page.mapLink")}
          <span class="visually-hidden">{` ${a.centre.name[locale]}`}</span>
        </a>
      ),
    });
  rows.push({ key: t("myAppointments.page.status"), value: <StandingTag standing={a.standing} /> });
  const service = a.service[locale];
  return (
    <div class="narrow-wide">
      {p.notice ? (
        <NotificationBanner variant="success">
          <p>{p.notice}</p>
        </NotificationBanner>
      ) : null}
      {a.standing === "held" && b.holdExpiresAt ? (
        <NotificationBanner variant="warning" title={t("myAppointments.held.title")}>
          <p>{t("myAppointments.held.body", { until: `${when.day(b.holdExpiresAt)} ${when.time(b.holdExpiresAt)}` })}</p>
          <Button href={p.confirmHref}>{t("myAppointments.held.confirm")}</Button>
        </NotificationBanner>
      ) : null}
      {a.standing === "closed" ? (
        <NotificationBanner variant="warning" title={t("myAppointments.closed.title")}>
          <p>{t("myAppointments.closed.body", { centre: a.centre.name[locale] })}</p>
          <p>
            <a href={href(bookingPaths.days(b.serviceSlug, a.centre.slug, b.caseId ?? undefined))}>
              {t("myAppointments.closed.choose")}
            </a>
          </p>
        </NotificationBanner>
      ) : null}
      <p class="caption">{t("myAppointments.page.caption")}</p>
      <h1 class="heading-xl">{service}</h1>
      <SummaryList rows={rows} />
      {p.bring.length ? (
        <section aria-labelledby="bring-title">
          <h2 class="heading-m" id="bring-title">
            {t("myAppointments.page.bring")}
          </h2>
          <ul class="list list--bullet">
            {p.bring.map((d) => (
              <li key={d.en}>{d[locale]}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.qr ? (
        <section aria-labelledby="counter-title">
          <h2 class="heading-m" id="counter-title">
            {t("myAppointments.page.counterTitle")}
          </h2>
          <figure class="appointment-qr">
            <div
              class="appointment-qr__code"
              role="img"
              aria-label={t("myAppointments.page.qrLabel", { reference: b.reference })}
              // The SVG is made on the server by the qrcode library from the booking's check-in address: no text from anyone.
              dangerouslySetInnerHTML={{ __html: p.qr }}
            />
            <figcaption>
              <p>{t("myAppointments.page.qrCaption")}</p>
              <p class="appointment-qr__reference">
                <Reference>{b.reference}</Reference>
              </p>
            </figcaption>
          </figure>
        </section>
      ) : null}
      {a.standing === "booked" ? (
        <section aria-labelledby="manage-title">
          <h2 class="heading-m" id="manage-title">
            {t("myAppointments.page.manageTitle")}
          </h2>
          <p>
            <a href={href(appointmentPaths.calendar(b.id))} download>
              {t("myAppointments.page.calendar")}
            </a>
          </p>
          {a.changeable ? (
            <div class="button-group">
              <Button variant="secondary" href={href(appointmentPaths.move(b.id))}>
                {t("myAppointments.page.move")}
                <span class="visually-hidden">{` ${service}`}</span>
              </Button>
              <Button variant="warning" href={href(appointmentPaths.cancel(b.id))}>
                {t("myAppointments.page.cancel")}
                <span class="visually-hidden">{` ${service}`}</span>
              </Button>
            </div>
          ) : (
            <>
              <p>{t("myAppointments.tooLate.body", { hours: a.centre.changeCutoffHours })}</p>
              <CentreContact a={a} />
            </>
          )}
        </section>
      ) : null}
      <p>
        <a href={href(myAppointmentsPath)}>{t("myAppointments.all")}</a>
      </p>
    </div>
  );
}

export { CentreContact };
