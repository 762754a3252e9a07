import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { requireViewer } from "../accounts/sessions.js";
import { fieldErrors } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { formBody } from "../platform/http/forms.js";
import { localizePath } from "../platform/i18n/locales.js";
import { dohaMoment } from "../platform/time/doha.js";
import { BookingRefused, type Bookings } from "./booking.js";
import { type Appointment, appointmentOfRequest } from "./mine.js";
import { appointmentPaths, myAppointmentsPath } from "./paths.js";
import { CancelPage, MovePage, TooLatePage } from "./views/ChangeAppointment.js";

const dayField = z
  .string({ message: "myAppointments.move.errors.day" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "myAppointments.move.errors.day");

/** The move form: a day the centre takes bookings, and one of its times ("HH:MM" in Doha). */
export const moveBody = z.object({
  day: dayField,
  time: z
    .string({ message: "myAppointments.move.errors.time" })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "myAppointments.move.errors.time"),
});

/** Moving and cancelling a visit: each checked again by the booking service, which has the last word. */
export async function changeRoutes(app: FastifyInstance, { bookings }: { bookings: Bookings }) {
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  const crumbs = (request: FastifyRequest, a: Appointment, label: string) => [
    { label: request.tr.t("accounts.my.title"), path: "/my" },
    { label: request.tr.t("myAppointments.title"), path: myAppointmentsPath },
    { label: a.service[request.locale], path: appointmentPaths.page(a.booking.id) },
    { label },
  ];

  /** Too late to change (or no longer booked): the page says so and how to reach the centre, with no form. */
  const tooLate = (request: FastifyRequest, reply: FastifyReply, a: Appointment, status = 200, errors: FieldError[] = []) => {
    const title = request.tr.t(a.standing === "booked" ? "myAppointments.tooLate.title" : "myAppointments.notActive.title");
    return reply.page({
      status,
      title: errors.length ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: crumbs(request, a, title),
      body: <TooLatePage a={a} errors={errors} />,
      noindex: true,
      hideFeedback: true,
    });
  };

  const refusal = (request: FastifyRequest, error: BookingRefused, field: string): FieldError[] => [
    {
      field: error.reason === "too-late" || error.reason === "not-active" ? "change" : field,
      message: request.tr.t(error.messageKey),
    },
  ];

  const movePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    a: Appointment,
    wanted: string | undefined,
    status = 200,
    errors: FieldError[] = [],
    chosenTime?: string,
  ) => {
    const days = await bookings.days(a.centre);
    const day = wanted && days.includes(wanted) ? wanted : undefined;
    const times = day
      ? (await bookings.freeTimes(a.centre, a.booking.serviceSlug, day))
          .filter((f) => f.free > 0 && f.startsAt.getTime() !== a.booking.startsAt.getTime())
          .map((f) => f.startsAt)
      : undefined;
    const dayProblem =
      wanted && !day && !errors.some((e) => e.field === "day")
        ? [{ field: "day", message: request.tr.t("myAppointments.move.errors.dayClosed") }]
        : [];
    const all = [...errors, ...dayProblem];
    const title = request.tr.t("myAppointments.move.title");
    return reply.page({
      status: dayProblem.length && status === 200 ? 400 : status,
      title: all.length ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: crumbs(request, a, title),
      body: <MovePage a={a} days={days} day={day} times={times} chosenTime={chosenTime} errors={all} />,
      stylesheets: ["css/my-appointments.css"],
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get(`${myAppointmentsPath}/:id/move`, guarded, async (request, reply) => {
    const a = await appointmentOfRequest(request, bookings);
    if (!a.changeable) return tooLate(request, reply, a);
    const day = (request.query as Record<string, unknown>).day;
    return movePage(request, reply, a, typeof day === "string" ? day.slice(0, 10) : undefined);
  });

  app.post(`${myAppointmentsPath}/:id/move`, guardedPost, async (request, reply) => {
    const a = await appointmentOfRequest(request, bookings);
    const body = formBody(request.body);
    const parsed = moveBody.safeParse(body);
    const day = typeof body.day === "string" ? body.day.slice(0, 10) : undefined;
    if (!parsed.success) return movePage(request, reply, a, day, 400, fieldErrors(parsed.error, request.tr));
    try {
      await bookings.move(a.booking.userId, a.booking.id, dohaMoment(parsed.data.day, parsed.data.time));
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const errors = refusal(request, error, "time");
      const now = await appointmentOfRequest(request, bookings);
      if (!now.changeable) return tooLate(request, reply, now, 409, errors);
      return movePage(request, reply, now, parsed.data.day, 409, errors, parsed.data.time);
    }
    return reply.redirect(`${localizePath(request.locale, appointmentPaths.page(a.booking.id))}?done=moved`, 303);
  });

  const cancelPage = (request: FastifyRequest, reply: FastifyReply, a: Appointment, status = 200, errors: FieldError[] = []) => {
    const title = request.tr.t("myAppointments.cancel.title");
    return reply.page({
      status,
      title: errors.length ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: crumbs(request, a, title),
      body: <CancelPage a={a} errors={errors} />,
      noindex: true,
      hideFeedback: true,
    });
  };

  app.get(`${myAppointmentsPath}/:id/cancel`, guarded, async (request, reply) => {
    const a = await appointmentOfRequest(request, bookings);
    return a.changeable ? cancelPage(request, reply, a) : tooLate(request, reply, a);
  });

  app.post(`${myAppointmentsPath}/:id/cancel`, guardedPost, async (request, reply) => {
    const a = await appointmentOfRequest(request, bookings);
    try {
      await bookings.cancel(a.booking.userId, a.booking.id);
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const errors = refusal(request, error, "main-content");
      const now = await appointmentOfRequest(request, bookings);
      return now.changeable ? cancelPage(request, reply, now, 409, errors) : tooLate(request, reply, now, 409, errors);
    }
    return reply.redirect(`${localizePath(request.locale, appointmentPaths.page(a.booking.id))}?done=cancelled`, 303);
  });
}
