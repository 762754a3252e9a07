import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  type Area,
  type Bookings,
  type Centre,
  centreBySlug,
  centresOffering,
  isArea,
  kilometresBetween,
  nearestFirst,
} from "../appointments/service.js";
import type { Db } from "../platform/db/client.js";
import { NotFoundError } from "../platform/http/errors.js";
import { dohaWallClock } from "../platform/time/doha.js";
import {
  centresParams,
  centresQuery,
  centresResponse,
  daysParams,
  daysResponse,
  langQuery,
  timesParams,
  timesResponse,
} from "./appointments-schemas.js";
import { apiError } from "./schemas.js";

export interface AppointmentApiOptions {
  db: Db;
  bookings: Bookings;
}

const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/**
 * How long a public answer may be kept. None of them depends on who asks (no
 * cookie or token is read, and the bodies hold both languages; the language
 * asked for only changes a refusal's message, and refusals are never kept):
 *
 * - a service's centres and a centre's days change only when the agency edits
 *   the centre or closes a day, so a minute is harmless;
 * - free times change with every booking. They are still kept five seconds:
 *   on a busy day many people ask for the same day at once, and a list a few
 *   seconds old only means a time shown free may be refused as full when
 *   held, which the database decides anyway (the hold is the authority, never
 *   the list). Longer would show full times as free too often.
 */
export const CENTRES_CACHE = "public, max-age=60";
export const TIMES_CACHE = "public, max-age=5";

/** Doha's wall clock for an instant: its day, time and ISO 8601 form with the +03:00 offset. */
export function dohaFields(startsAt: Date, minutes: number) {
  const wall = dohaWallClock(startsAt).toISOString();
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
    day: wall.slice(0, 10),
    time: wall.slice(11, 16),
    localStartsAt: `${wall.slice(0, 19)}+03:00`,
  };
}

/** A published centre offering the service, or 404 (an address that names nothing). */
async function offering(db: Db, centreSlug: string, serviceSlug: string) {
  const centre = await centreBySlug(db, centreSlug);
  const offered = centre?.published ? centre.services.find((s) => s.serviceSlug === serviceSlug) : undefined;
  if (!centre || !offered) throw new NotFoundError();
  return { centre, offered };
}

function hoursByName(centre: Centre): Record<string, string[]> {
  return Object.fromEntries(WEEKDAY_NAMES.map((name, i) => [name, centre.hours[String(i) as keyof Centre["hours"]] ?? []]));
}

/**
 * /api/v1/appointments: where a service can be booked and its free times,
 * for the mobile app and anyone else. Public and the same for everyone.
 */
export async function appointmentApiRoutes(app: FastifyInstance, { db, bookings }: AppointmentApiOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const refusals = { 400: apiError, 404: apiError };
  // A refusal is never kept by a cache (its message is in the caller's language), nor anything setting a cookie.
  app.addHook("onSend", async (_request, reply) => {
    if (reply.statusCode >= 300 || reply.hasHeader("set-cookie")) reply.header("cache-control", "no-store");
  });

  api.get(
    "/api/v1/appointments/services/:service/centres",
    { schema: { params: centresParams, querystring: centresQuery, response: { 200: centresResponse, ...refusals } } },
    async (request, reply) => {
      const { service } = request.params;
      const area = isArea(request.query.area) ? (request.query.area as Area) : undefined;
      const centres = await centresOffering(db, service);
      if (centres.length === 0) throw new NotFoundError();
      const items = nearestFirst(centres, area).map((centre) => {
        const km = area ? kilometresBetween(area, centre.area) : undefined;
        const offered = centre.services.find((s) => s.serviceSlug === service);
        return {
          id: centre.slug,
          agency: centre.agency,
          name: centre.name,
          address: centre.address,
          area: centre.area,
          mapUrl: centre.mapUrl,
          distanceKm: km !== undefined && Number.isFinite(km) ? Math.round(km * 10) / 10 : null,
          hours: hoursByName(centre),
          bookAheadDays: centre.bookAheadDays,
          changeCutoffHours: centre.changeCutoffHours,
          minutes: offered?.minutes ?? 0,
          counters: offered?.counters ?? 0,
          perPerson: offered?.perPerson ?? 1,
        };
      });
      reply.header("cache-control", CENTRES_CACHE);
      return { service, area: area ?? null, items };
    },
  );

  api.get(
    "/api/v1/appointments/centres/:centre/services/:service/days",
    { schema: { params: daysParams, querystring: langQuery, response: { 200: daysResponse, ...refusals } } },
    async (request, reply) => {
      const { centre } = await offering(db, request.params.centre, request.params.service);
      const days = await bookings.days(centre);
      reply.header("cache-control", CENTRES_CACHE);
      return {
        centre: centre.slug,
        service: request.params.service,
        timeZone: "Asia/Qatar" as const,
        days: days.map((day) => ({ day })),
      };
    },
  );

  api.get(
    "/api/v1/appointments/centres/:centre/services/:service/days/:day/times",
    { schema: { params: timesParams, querystring: langQuery, response: { 200: timesResponse, ...refusals } } },
    async (request, reply) => {
      const { centre, offered } = await offering(db, request.params.centre, request.params.service);
      const times = await bookings.freeTimes(centre, offered.serviceSlug, request.params.day);
      reply.header("cache-control", TIMES_CACHE);
      return {
        centre: centre.slug,
        service: offered.serviceSlug,
        day: request.params.day,
        timeZone: "Asia/Qatar" as const,
        times: times.map((t) => ({ ...dohaFields(t.startsAt, offered.minutes), free: t.free, places: t.places })),
      };
    },
  );
}
