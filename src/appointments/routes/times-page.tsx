import type { FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { localizePath } from "../../platform/i18n/locales.js";
import type { Centre } from "../repository.js";
import { bookingPaths } from "../views/paths.js";
import { TimesPage } from "../views/TimesPage.js";
import { type BookingRouteOptions, caseOf, serviceTitle, timeField } from "./context.js";

/** A bookable day of a service at a centre. */
export interface DayWhere {
  serviceSlug: string;
  centre: Centre;
  day: string;
}

/**
 * A day's times page: 200, or a refusal's status with its message in the
 * error summary (a time just taken, a hold that lapsed, the waiting list).
 */
export async function timesPage(
  { db, bookings }: BookingRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  { serviceSlug, centre, day }: DayWhere,
  extra: { status?: number; errors?: FieldError[]; caseId?: string | undefined } = {},
) {
  const title = await serviceTitle(db, request, serviceSlug);
  const query = request.query as Record<string, unknown>;
  const caseId = extra.caseId ?? caseOf(query);
  const here = localizePath(request.locale, bookingPaths.times(serviceSlug, centre.slug, day, caseId));
  const heading = request.tr.t("booking.times.title");
  const lapsed = query.lapsed === "1" ? [{ field: "time", message: request.tr.t("appointments.refused.hold-expired") }] : [];
  const errors = extra.errors ?? lapsed;
  return reply.page({
    status: extra.status ?? 200,
    title: errors.length ? request.tr.t("errors.titlePrefix", { title: heading }) : `${heading} — ${title}`,
    breadcrumbs: [
      { label: title, path: `/services/${serviceSlug}` },
      { label: request.tr.t("booking.centres.title"), path: bookingPaths.centres(serviceSlug, caseId) },
      { label: centre.name[request.locale], path: bookingPaths.days(serviceSlug, centre.slug, caseId) },
      { label: heading },
    ],
    body: (
      <TimesPage
        serviceSlug={serviceSlug}
        serviceTitle={title}
        centre={centre}
        day={day}
        times={await bookings.freeTimes(centre, serviceSlug, day)}
        caseId={caseId}
        signedIn={request.viewer?.stage === "full"}
        signInHref={`${localizePath(request.locale, "/sign-in")}?returnTo=${encodeURIComponent(here)}`}
        selected={timeField.safeParse(query.time).data}
        errors={errors}
        waiting={query.waiting === "1"}
      />
    ),
    noindex: true,
    hideFeedback: errors.length > 0,
  });
}
