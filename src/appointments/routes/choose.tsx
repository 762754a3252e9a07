import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireViewer } from "../../accounts/sessions.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../../platform/http/forms.js";
import { PUBLIC_PAGE } from "../../platform/http/page-cache.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { dohaMoment, dohaToday } from "../../platform/time/doha.js";
import { isArea, nearestFirst } from "../areas.js";
import { availableDays } from "../availability.js";
import { BookingRefused } from "../booking.js";
import { centresOffering, closuresFrom } from "../repository.js";
import { CentresPage } from "../views/CentresPage.js";
import { DaysPage } from "../views/DaysPage.js";
import { bookingPaths } from "../views/paths.js";
import {
  type BookingRouteOptions,
  caseOf,
  centreOf,
  dayParams,
  ownCaseFor,
  serviceParams,
  serviceTitle,
  timeField,
} from "./context.js";
import { type DayWhere, timesPage } from "./times-page.js";

/** How many of a centre's coming closures its card names. */
const CLOSURES_SHOWN = 3;

/** Choosing where and when: a centre (public), a day and a time (live, private); holding the time; the waiting list. */
export async function chooseRoutes(app: FastifyInstance, opts: BookingRouteOptions) {
  const { db, bookings } = opts;
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  /** The centre and bookable day in the address; a day people may not book now is not found. */
  async function dayOf(request: FastifyRequest): Promise<DayWhere> {
    const { serviceSlug, centre } = await centreOf(db, request);
    const { day } = parseOrRefuse(dayParams, request.params, { notFound: true });
    if (!(await bookings.days(centre)).includes(day)) throw new NotFoundError();
    return { serviceSlug, centre, day };
  }

  // The same page for everyone: the centres, their hours and closures (no free times, nothing about the visitor).
  app.get("/appointments/:service", PUBLIC_PAGE, async (request, reply) => {
    const { service } = parseOrRefuse(serviceParams, request.params, { notFound: true });
    const query = request.query as Record<string, unknown>;
    const area = isArea(query.area) ? query.area : undefined;
    const [title, offering] = await Promise.all([serviceTitle(db, request, service), centresOffering(db, service)]);
    if (offering.length === 0) throw new NotFoundError();
    const today = dohaToday(bookings.now());
    const centres = await Promise.all(
      nearestFirst(offering, area).map(async (centre) => ({
        centre,
        closures: (await closuresFrom(db, centre.id, today)).slice(0, CLOSURES_SHOWN),
      })),
    );
    const heading = request.tr.t("booking.centres.title");
    return reply.page({
      title: `${heading} — ${title}`,
      description: request.tr.t("booking.centres.lead"),
      breadcrumbs: [{ label: title, path: `/services/${service}` }, { label: heading }],
      body: <CentresPage serviceSlug={service} serviceTitle={title} centres={centres} area={area} caseId={caseOf(query)} />,
    });
  });

  app.get("/appointments/:service/:centre", async (request, reply) => {
    const { serviceSlug, centre } = await centreOf(db, request);
    const title = await serviceTitle(db, request, serviceSlug);
    const heading = request.tr.t("booking.days.title");
    const caseId = caseOf(request.query);
    return reply.page({
      title: `${heading} — ${title}`,
      breadcrumbs: [
        { label: title, path: `/services/${serviceSlug}` },
        { label: request.tr.t("booking.centres.title"), path: bookingPaths.centres(serviceSlug, caseId) },
        { label: heading },
      ],
      body: (
        <DaysPage
          serviceSlug={serviceSlug}
          serviceTitle={title}
          centre={centre}
          days={await availableDays(bookings, centre, serviceSlug)}
          caseId={caseId}
        />
      ),
      noindex: true,
    });
  });

  // Anyone may look; a person not signed in who chooses a time signs in first and comes back to it chosen.
  app.get("/appointments/:service/:centre/:day", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query.time !== undefined && request.viewer?.stage !== "full") return requireViewer(request, reply);
    return timesPage(opts, request, reply, await dayOf(request));
  });

  app.post("/appointments/:service/:centre/:day", guardedPost, async (request, reply) => {
    const where = await dayOf(request);
    const { serviceSlug, centre, day } = where;
    const body = formBody(request.body);
    const userId = request.viewer?.id ?? "";
    const caseId = await ownCaseFor(db, userId, serviceSlug, caseOf(body));
    const time = timeField.safeParse(body.time);
    if (!time.success) {
      const message = request.tr.t("booking.times.choose");
      return timesPage(opts, request, reply, where, { status: 400, errors: [{ field: "time", message }], caseId });
    }
    try {
      const held = await bookings.hold({
        userId,
        centreSlug: centre.slug,
        serviceSlug,
        startsAt: dohaMoment(day, time.data),
        locale: request.locale,
        caseId,
      });
      return reply.redirect(localizePath(request.locale, bookingPaths.held(held.id)), 303);
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const message = request.tr.t(error.messageKey);
      return timesPage(opts, request, reply, where, { status: 409, errors: [{ field: "time", message }], caseId });
    }
  });

  app.post("/appointments/:service/:centre/:day/waitlist", guardedPost, async (request, reply) => {
    const where = await dayOf(request);
    const { serviceSlug, centre, day } = where;
    try {
      await bookings.joinWaitlist(request.viewer?.id ?? "", centre, serviceSlug, day, request.locale);
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const message = request.tr.t(error.messageKey);
      return timesPage(opts, request, reply, where, { status: 409, errors: [{ field: "waitlist", message }] });
    }
    return reply.redirect(`${localizePath(request.locale, bookingPaths.times(serviceSlug, centre.slug, day))}?waiting=1`, 303);
  });
}
