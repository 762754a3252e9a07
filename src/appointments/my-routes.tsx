import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { requireViewer } from "../accounts/sessions.js";
import { privately } from "../platform/http/page-cache.js";
import { formatTime, formatWeekdayDate } from "../platform/i18n/format.js";
import { localizePath } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import type { Bookings } from "./booking.js";
import { visitCalendar } from "./calendar-file.js";
import { changeRoutes } from "./change-routes.js";
import { type Appointment, appointmentOfRequest, appointmentsOf, whatToBring } from "./mine.js";
import { appointmentPaths, checkInUrl, myAppointmentsPath } from "./paths.js";
import { AppointmentPage, MyAppointmentsPage } from "./views/MyAppointments.js";
import { bookingPaths } from "./views/paths.js";

export interface MyAppointmentRouteOptions {
  bookings: Bookings;
  /** The portal's public address: the QR code opens the counter's check-in page there; the calendar file links back. */
  baseUrl: string;
}

/** A notice after a step, by its name in the address (?done=moved), only of the steps this area takes. */
function noticeOf(request: FastifyRequest): string | undefined {
  const done = (request.query as Record<string, unknown>).done;
  return typeof done === "string" && ["moved", "cancelled"].includes(done)
    ? request.tr.t(`myAppointments.done.${done}`)
    : undefined;
}

/** My appointments: the list, each appointment's page with its QR code and calendar file (a held place is confirmed on the booking pages). */
export async function myAppointmentRoutes(app: FastifyInstance, opts: MyAppointmentRouteOptions) {
  const { bookings, baseUrl } = opts;
  const db = bookings.database;
  const guarded = { preHandler: requireViewer };

  app.get(myAppointmentsPath, guarded, async (request, reply) => {
    const { tr } = request;
    const { upcoming, past } = await appointmentsOf(db, request.viewer?.id ?? "", bookings.now());
    return reply.page({
      title: tr.t("myAppointments.title"),
      breadcrumbs: [{ label: tr.t("accounts.my.title"), path: "/my" }, { label: tr.t("myAppointments.title") }],
      body: <MyAppointmentsPage upcoming={upcoming} past={past} notice={noticeOf(request)} />,
      noindex: true,
    });
  });

  const appointmentPage = async (request: FastifyRequest, reply: FastifyReply, a: Appointment) => {
    const { tr, locale } = request;
    const b = a.booking;
    const [bring, qr] = await Promise.all([
      whatToBring(db, b.serviceSlug),
      a.standing === "booked"
        ? QRCode.toString(checkInUrl(baseUrl, b.checkInCode), { type: "svg", margin: 2, errorCorrectionLevel: "M" })
        : Promise.resolve(undefined),
    ]);
    const title = a.service[locale];
    return reply.page({
      title,
      breadcrumbs: [
        { label: tr.t("accounts.my.title"), path: "/my" },
        { label: tr.t("myAppointments.title"), path: myAppointmentsPath },
        { label: title },
      ],
      body: (
        <AppointmentPage
          a={a}
          bring={bring}
          qr={qr?.replace("<svg ", '<svg aria-hidden="true" focusable="false" ')}
          confirmHref={localizePath(locale, bookingPaths.held(b.id))}
          notice={noticeOf(request)}
        />
      ),
      stylesheets: ["css/my-appointments.css"],
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get(`${myAppointmentsPath}/:id`, guarded, async (request, reply) =>
    appointmentPage(request, reply, await appointmentOfRequest(request, bookings)),
  );

  app.get(`${myAppointmentsPath}/:id/calendar.ics`, guarded, async (request, reply) => {
    const a = await appointmentOfRequest(request, bookings);
    const b = a.booking;
    // Written in the language the person booked in, whichever page they downloaded it from.
    const locale = b.locale === "en" ? "en" : "ar";
    const tr = translator(locale);
    const address = a.centre.address[locale];
    const text = visitCalendar(
      {
        id: b.id,
        startsAt: b.startsAt,
        minutes: b.minutes,
        stamp: bookings.now(),
        summary: tr.t("myAppointments.calendar.summary", { service: a.service[locale] }),
        location: address ? `${a.centre.name[locale]}, ${address}` : a.centre.name[locale],
        description: tr.t("myAppointments.calendar.description", {
          reference: b.reference,
          day: formatWeekdayDate(b.startsAt, locale),
          time: formatTime(b.startsAt, locale),
        }),
        url: `${baseUrl}${localizePath(locale, appointmentPaths.page(b.id))}`,
        host: new URL(baseUrl).host,
      },
      tr.t("myAppointments.title"),
    );
    privately(reply);
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `attachment; filename="${b.reference}.ics"`)
      .send(text);
  });

  await changeRoutes(app, { bookings });
}
