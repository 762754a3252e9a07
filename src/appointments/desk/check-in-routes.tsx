import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireRole } from "../../accounts/guards.js";
import { logDataAccessOnce } from "../../accounts/service.js";
import { agencyName } from "../../catalogue/service.js";
import { problemMessage } from "../../forms/problems.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { formBody } from "../../platform/http/forms.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { stripControlCharacters } from "../../platform/text/clean.js";
import { dohaDate } from "../../platform/time/doha.js";
import { readBookingReference } from "../references.js";
import { BookingRefused } from "../refused.js";
import { type Booking, bookingByCheckInCode, bookingByReference, type Centre } from "../repository.js";
import { actingAgencies, auditDesk, centreOfBooking, deskPaths, peopleNames, serviceTitles } from "./context.js";
import type { DeskOptions } from "./routes.js";
import { CheckInPage, type FoundBooking } from "./views/CheckInPage.js";

type Looked =
  | { found: { booking: Booking; centre: Centre } }
  | { problem: "reference" | "unknown"; status: number }
  | { nothing: true };

/**
 * Checking a person in at the counter: the reference typed (any case,
 * Arabic-Indic digits), or the QR code of their booking page scanned, which
 * opens this page with ?code=. Only a booking at one of the officer's
 * agencies' centres is ever shown; any other is "not found".
 */
export async function checkInRoutes(app: FastifyInstance, { db, bookings }: DeskOptions) {
  const officer = { preHandler: requireRole("officer") };
  const officerPost = { preHandler: [...requireRole("officer"), app.csrfProtection] };

  async function lookUp(request: FastifyRequest, values: Record<string, unknown>): Promise<Looked> {
    const code = typeof values.code === "string" ? stripControlCharacters(values.code).trim().slice(0, 100) : "";
    const typed = typeof values.reference === "string" ? values.reference : "";
    let booking: Booking | undefined;
    if (code) booking = /^[A-Za-z0-9_-]{10,64}$/.test(code) ? await bookingByCheckInCode(db, code) : undefined;
    else if (typed.trim()) {
      const reference = readBookingReference(typed);
      if (!reference) return { problem: "reference", status: 400 };
      booking = await bookingByReference(db, reference);
    } else return { nothing: true };
    const centre = booking ? await centreOfBooking(db, request, booking) : undefined;
    return booking && centre ? { found: { booking, centre } } : { problem: "unknown", status: 404 };
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    p: { typed: string; found?: { booking: Booking; centre: Centre }; errors?: FieldError[]; status?: number; done?: string },
  ) {
    const { tr, locale } = request;
    let shown: FoundBooking | undefined;
    if (p.found) {
      const { booking, centre } = p.found;
      const [titles, names, agency] = await Promise.all([
        serviceTitles(db, centre.agency, locale),
        peopleNames(db, [booking], locale),
        agencyName(db, centre.agency),
      ]);
      // The officer has read the person's booking: they see it in "Who used my data" (once an hour, not per reload).
      if (names.has(booking.userId))
        await logDataAccessOnce(
          db,
          {
            subjectId: booking.userId,
            actorId: request.viewer?.id,
            agency: centre.agency,
            who: agency,
            action: "accounts.access.appointmentOpened",
            reference: booking.reference,
          },
          60,
        );
      shown = {
        booking,
        centre: centre.name[locale],
        service: titles.get(booking.serviceSlug) ?? booking.serviceSlug,
        name: names.get(booking.userId),
        dayHref: deskPaths.day(centre.slug, dohaDate(booking.startsAt)),
      };
    }
    const errors = p.errors ?? [];
    const title = tr.t("centreStaff.checkIn.title");
    return reply.page({
      status: p.status ?? (errors.length ? 400 : 200),
      title: errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [
        { label: tr.t("workspace.home.title"), path: "/workspace" },
        { label: tr.t("centreStaff.home.title"), path: deskPaths.home },
        { label: title },
      ],
      body: <CheckInPage typed={p.typed} found={shown} errors={errors} done={p.done} />,
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  }

  const refusal = (request: FastifyRequest, problem: "reference" | "unknown") => [
    problemMessage(request.tr, { field: "reference", key: `centreStaff.errors.${problem}` }),
  ];

  app.get(deskPaths.checkIn, officer, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const typed = typeof query.reference === "string" ? query.reference.slice(0, 40) : "";
    const doneRef = typeof query.done === "string" ? readBookingReference(query.done) : undefined;
    const looked = await lookUp(request, query);
    if ("problem" in looked)
      return page(request, reply, { typed, errors: refusal(request, looked.problem), status: looked.status });
    return page(request, reply, { typed, found: "found" in looked ? looked.found : undefined, done: doneRef });
  });

  app.post(deskPaths.checkIn, officerPost, async (request, reply) => {
    const body = formBody(request.body);
    const typed = typeof body.reference === "string" ? body.reference.slice(0, 40) : "";
    const looked = await lookUp(request, { reference: typed });
    if ("nothing" in looked) return page(request, reply, { typed, errors: refusal(request, "reference"), status: 400 });
    if ("problem" in looked)
      return page(request, reply, { typed, errors: refusal(request, looked.problem), status: looked.status });
    const { booking, centre } = looked.found;
    try {
      await bookings.checkIn(
        await actingAgencies(db, request),
        booking,
        auditDesk(
          request,
          {
            action: "appointment.checked-in",
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
      // The message links to the button when it is still there (not today), else to what was found.
      const field = booking.status === "booked" ? "check-in" : "found-title";
      const errors = [problemMessage(request.tr, { field, key: error.messageKey })];
      return page(request, reply, { typed, found: looked.found, errors, status: 409 });
    }
    return reply.redirect(`${localizePath(request.locale, deskPaths.checkIn)}?done=${booking.reference}`, 303);
  });
}
