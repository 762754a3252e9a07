import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireRole } from "../../accounts/guards.js";
import { problemMessage } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { formatDate } from "../../platform/i18n/format.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { addDays, dohaNoon, dohaToday } from "../../platform/time/doha.js";
import type { Bookings } from "../booking.js";
import { BookingRefused } from "../refused.js";
import { bookingById, bookingsOnDay, type Centre, closuresFrom } from "../repository.js";
import { checkInRoutes } from "./check-in-routes.js";
import { closeRoutes } from "./close-routes.js";
import {
  actingAgencies,
  auditDesk,
  centreFor,
  centreParams,
  dayParams,
  deskPaths,
  myCentres,
  peopleNames,
  readDay,
  serviceTitles,
} from "./context.js";
import { deskSlots } from "./day.js";
import { DayPage, DeskHome } from "./views/DayPages.js";

export interface DeskOptions {
  db: Db;
  bookings: Bookings;
}

const DONE = ["no-show", "closed", "reopened"];

/**
 * The appointments desk of an agency's centres (its officers; administrators
 * too): the centres, each centre's day by time and counter with no-shows
 * marked, checking people in, and closing a centre for a day.
 */
export async function deskRoutes(app: FastifyInstance, opts: DeskOptions) {
  const { db, bookings } = opts;
  const officer = { preHandler: requireRole("officer") };
  const officerPost = { preHandler: [...requireRole("officer"), app.csrfProtection] };

  app.get(deskPaths.home, officer, async (request, reply) => {
    const centres = await myCentres(db, request);
    const title = request.tr.t("centreStaff.home.title");
    return reply.page({
      title,
      breadcrumbs: [{ label: request.tr.t("workspace.home.title"), path: "/workspace" }, { label: title }],
      body: <DeskHome centres={centres} today={dohaToday()} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  /** The day view, with what was just done or what stopped it. */
  async function dayPage(
    request: FastifyRequest,
    reply: FastifyReply,
    centre: Centre,
    day: string,
    extra: { errors?: FieldError[]; status?: number; typedDay?: string } = {},
  ) {
    const { tr, locale } = request;
    const query = request.query as Record<string, unknown>;
    const counter = Number(query.counter) || undefined;
    const [list, titles, closures] = await Promise.all([
      bookingsOnDay(db, centre.id, day),
      serviceTitles(db, centre.agency, locale),
      closuresFrom(db, centre.id, day),
    ]);
    const names = await peopleNames(db, list, locale);
    const done = typeof query.done === "string" && DONE.includes(query.done) ? query.done : undefined;
    const closure = closures.find((c) => c.day === day);
    const title = tr.t("centreStaff.day.title", { centre: centre.name[locale], date: formatDate(dohaNoon(day), locale) });
    const errors = extra.errors ?? [];
    return reply.page({
      status: extra.status ?? (errors.length ? 400 : 200),
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [
        { label: tr.t("workspace.home.title"), path: "/workspace" },
        { label: tr.t("centreStaff.home.title"), path: deskPaths.home },
        { label: centre.name[locale] },
      ],
      body: (
        <DayPage
          centre={centre}
          day={day}
          typedDay={extra.typedDay ?? day}
          previous={addDays(day, -1)}
          next={addDays(day, 1)}
          slots={deskSlots(list)}
          titles={titles}
          names={names}
          counter={counter}
          closure={closure}
          done={done}
          errors={errors}
          now={bookings.now()}
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  }

  // The day picker's form: to the day's address when the day is a date, else the day shown again with the problem.
  app.get("/workspace/appointments/:centre", officer, async (request, reply) => {
    const { centre: slug } = parseOrRefuse(centreParams, request.params, { notFound: true });
    const centre = await centreFor(db, request, slug);
    const query = request.query as Record<string, unknown>;
    const typed = typeof query.day === "string" ? query.day.slice(0, 40) : "";
    const day = typed ? readDay(typed) : dohaToday(bookings.now());
    const counter = Number(query.counter);
    const suffix = Number.isInteger(counter) && counter > 0 && counter <= 200 ? `?counter=${counter}` : "";
    if (day) return reply.redirect(`${localizePath(request.locale, deskPaths.day(centre.slug, day))}${suffix}`, 303);
    const from = readDay(query.from) ?? dohaToday(bookings.now());
    const errors = [problemMessage(request.tr, { field: "day", key: "centreStaff.errors.day" })];
    return dayPage(request, reply, centre, from, { errors, typedDay: typed });
  });

  app.get("/workspace/appointments/:centre/:day", officer, async (request, reply) => {
    const { centre: slug, day } = parseOrRefuse(dayParams, request.params, { notFound: true });
    return dayPage(request, reply, await centreFor(db, request, slug), day);
  });

  // A booked visit whose time has passed without the person: marked, audited, and the day shown again.
  app.post("/workspace/appointments/:centre/:day/no-show", officerPost, async (request, reply) => {
    const { centre: slug, day } = parseOrRefuse(dayParams, request.params, { notFound: true });
    const centre = await centreFor(db, request, slug);
    const id = String(formBody(request.body).booking ?? "");
    const booking = /^[0-9a-f-]{36}$/.test(id) ? await bookingById(db, id) : undefined;
    if (!booking || booking.centreId !== centre.id) return dayPage(request, reply, centre, day, { status: 404 });
    try {
      await bookings.markNoShow(
        await actingAgencies(db, request),
        booking.id,
        auditDesk(
          request,
          {
            action: "appointment.no-show",
            objectType: "appointment",
            objectId: booking.reference,
            agency: centre.agency,
            before: { status: booking.status },
          },
          (b) => ({ status: b.status }),
        ),
      );
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const errors = [problemMessage(request.tr, { field: `booking-${booking.reference}`, key: error.messageKey })];
      return dayPage(request, reply, centre, day, { errors, status: 409 });
    }
    return reply.redirect(`${localizePath(request.locale, deskPaths.day(centre.slug, day))}?done=no-show`, 303);
  });

  await checkInRoutes(app, opts);
  await closeRoutes(app, opts);
}
