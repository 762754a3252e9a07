import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireViewer } from "../../accounts/sessions.js";
import { findCaseById } from "../../eservices/service.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { dohaDate } from "../../platform/time/doha.js";
import { BookingRefused } from "../booking.js";
import { type Booking, bookingById, centreById } from "../repository.js";
import { BookedPage, CheckPage } from "../views/ConfirmPages.js";
import { bookingPaths } from "../views/paths.js";
import { type BookingRouteOptions, idParams, serviceTitle } from "./context.js";
import { timesPage } from "./times-page.js";

/** Check and confirm a held time, and the confirmation: only ever the person's own booking (anyone else's is not found). */
export async function confirmRoutes(app: FastifyInstance, opts: BookingRouteOptions) {
  const { db, bookings } = opts;
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };

  async function own(request: FastifyRequest) {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const booking = await bookingById(db, id);
    if (!booking || booking.userId !== request.viewer?.id) throw new NotFoundError();
    const centre = await centreById(db, booking.centreId);
    if (!centre) throw new NotFoundError();
    return { booking, centre, title: await serviceTitle(db, request, booking.serviceSlug) };
  }

  const dayOf = (booking: Booking, centre: { slug: string }) =>
    bookingPaths.times(booking.serviceSlug, centre.slug, dohaDate(booking.startsAt), booking.caseId ?? undefined);

  app.get("/appointments/held/:id", guarded, async (request, reply) => {
    const { booking, centre, title } = await own(request);
    const { locale, tr } = request;
    if (booking.status === "booked") return reply.redirect(localizePath(locale, bookingPaths.booked(booking.id)), 303);
    const lapsed = !booking.holdExpiresAt || booking.holdExpiresAt.getTime() <= bookings.now().getTime();
    if (booking.status !== "held" || lapsed) {
      // Back to choosing a time; a hold that lapsed says so there.
      const back = localizePath(locale, dayOf(booking, centre));
      const said = booking.status === "expired" || booking.status === "held";
      return reply.redirect(said ? `${back}${back.includes("?") ? "&" : "?"}lapsed=1` : back, 303);
    }
    return reply.page({
      title: tr.t("booking.check.title"),
      backLink: localizePath(locale, dayOf(booking, centre)),
      body: <CheckPage booking={booking} centre={centre} serviceTitle={title} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  app.post("/appointments/held/:id", guardedPost, async (request, reply) => {
    const { booking, centre } = await own(request);
    try {
      const booked = await bookings.confirm(request.viewer?.id ?? "", booking.id);
      return reply.redirect(localizePath(request.locale, bookingPaths.booked(booked.id)), 303);
    } catch (error) {
      if (!(error instanceof BookingRefused)) throw error;
      const message = request.tr.t(error.messageKey);
      const day = dohaDate(booking.startsAt);
      // Back to choosing a time, with why; a day no longer bookable goes back to the days.
      if (!(await bookings.days(centre)).includes(day)) throw error;
      const where = { serviceSlug: booking.serviceSlug, centre, day };
      const caseId = booking.caseId ?? undefined;
      return timesPage(opts, request, reply, where, { status: 409, errors: [{ field: "time", message }], caseId });
    }
  });

  app.get("/appointments/booked/:id", guarded, async (request, reply) => {
    const { booking, centre, title } = await own(request);
    if (booking.status === "held") return reply.redirect(localizePath(request.locale, bookingPaths.held(booking.id)), 303);
    if (booking.status !== "booked" && booking.status !== "checked-in") throw new NotFoundError();
    // Booked as a request's next step: back to that request (the person's own, as it was checked when held).
    const kase = booking.caseId ? await findCaseById(db, booking.caseId) : undefined;
    const forRequest = kase?.userId === booking.userId ? kase.reference : undefined;
    return reply.page({
      title: request.tr.t("booking.booked.title"),
      breadcrumbs: [{ label: request.tr.t("accounts.my.title"), path: "/my" }, { label: booking.reference }],
      body: <BookedPage booking={booking} centre={centre} serviceTitle={title} request={forRequest} />,
      noindex: true,
    });
  });
}
