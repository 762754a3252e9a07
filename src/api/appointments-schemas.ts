import { z } from "zod";
import { AREA_SLUGS } from "../appointments/service.js";
import { slugSchema } from "../platform/http/slug.js";
import { bilingual } from "./schemas.js";

/**
 * The shapes of /api/v1/appointments (free times, public) and
 * /api/v1/me/appointments (the person's bookings, signed in). Every time is
 * given twice: the instant (ISO 8601, UTC) and Doha's wall clock (Qatar keeps
 * UTC+3 all year), so an app shows the centre's local time whatever the
 * phone's time zone.
 */

const slug = slugSchema({ max: 120 });
const lang = z.enum(["ar", "en"]).optional();

/** A Doha calendar day, YYYY-MM-DD, that exists (2027-02-30 does not). */
export const daySchema = z.iso
  .date()
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === d;
  }, "Not a calendar day")
  .meta({ description: "A day in Doha, YYYY-MM-DD", examples: ["2026-12-20"] });

/** An instant with its offset (Z or ±HH:MM), as an app sends a time it was given. */
const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => Number.isFinite(Date.parse(v)), "Not an instant")
  .meta({ description: "The visit's start, ISO 8601 with Z or an offset", examples: ["2026-12-20T04:00:00Z"] });

const serviceParam = slug.meta({ description: "The service's slug", examples: ["medical-commission-registration"] });
const centreParam = slug.meta({ description: "The centre's id (its slug)", examples: ["medical-commission-madinat-khalifa"] });

export const centresParams = z.object({ service: serviceParam }).strict();
export const centresQuery = z
  .object({
    area: z
      .enum(AREA_SLUGS as [string, ...string[]])
      .optional()
      .meta({ description: "The municipality the person is in: centres nearest it come first, with their distance" }),
    lang,
  })
  .strict();
export const daysParams = z.object({ centre: centreParam, service: serviceParam }).strict();
export const timesParams = daysParams.extend({ day: daySchema }).strict();
export const langQuery = z.object({ lang }).strict();

const weekHours = z
  .object(Object.fromEntries(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, z.array(z.string())])))
  .meta({ description: "Each weekday's opening periods in Doha time, HH:MM-HH:MM; an empty list when closed" });

export const centreItem = z.object({
  id: z.string(),
  agency: z.string(),
  name: bilingual,
  address: bilingual,
  area: z.string(),
  mapUrl: z.string(),
  /** Kilometres from the middle of the area asked for to the middle of the centre's; null when no area was asked. */
  distanceKm: z.number().nullable(),
  hours: weekHours,
  bookAheadDays: z.number().int(),
  changeCutoffHours: z.number().int(),
  /** The asked service at this centre. */
  minutes: z.number().int(),
  counters: z.number().int(),
  perPerson: z.number().int(),
});

export const centresResponse = z.object({ service: z.string(), area: z.string().nullable(), items: z.array(centreItem) });

export const daysResponse = z.object({
  centre: z.string(),
  service: z.string(),
  timeZone: z.literal("Asia/Qatar"),
  /** The days people may book now, soonest first (closed days and holidays left out). */
  days: z.array(z.object({ day: z.string() })),
});

const dohaTime = {
  /** The start, an instant in UTC. */
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The day and time on Doha's clock. */
  day: z.string(),
  time: z.string(),
  /** The start on Doha's clock with its offset, e.g. 2026-12-20T07:00:00+03:00. */
  localStartsAt: z.string(),
};

export const timesResponse = z.object({
  centre: z.string(),
  service: z.string(),
  day: z.string(),
  timeZone: z.literal("Asia/Qatar"),
  times: z.array(z.object({ ...dohaTime, free: z.number().int(), places: z.number().int() })),
});

export const bookingStatus = z.enum(["held", "booked", "checked-in", "no-show", "cancelled", "expired"]);

export const bookingItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: bookingStatus,
  service: z.string(),
  centre: z.object({ id: z.string(), name: bilingual, address: bilingual, mapUrl: z.string() }),
  ...dohaTime,
  minutes: z.number().int(),
  /** Until when a held place is kept: confirm before then. Null once booked. */
  holdExpiresAt: z.iso.datetime().nullable(),
  /** Until when it may be moved or cancelled (the centre's cut-off). */
  changeUntil: z.iso.datetime(),
  /** The value of the QR code shown at the counter. */
  checkInCode: z.string(),
  createdAt: z.iso.datetime(),
});

export const bookingsQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
    state: z
      .enum(["active", "all"])
      .default("active")
      .meta({ description: "active: held and booked visits still ahead; all: every booking, past ones and cancelled ones too" }),
    lang,
  })
  .strict();

export const bookingParams = z
  .object({ id: z.uuid().meta({ description: "The booking's id", examples: ["3f2b8c1e-7d4a-4e0b-9c57-1a2b3c4d5e6f"] }) })
  .strict();

export const holdBody = z
  .object({
    centre: slug.meta({ description: "The centre's id (its slug)" }),
    service: slug.meta({ description: "The service's slug" }),
    startsAt: instant,
  })
  .strict();

export const moveBody = z.object({ startsAt: instant }).strict();

export const waitlistBody = z
  .object({ centre: slug, service: slug, day: daySchema.meta({ description: "The day in Doha to be offered a freed place on" }) })
  .strict();

export const waitItem = z.object({
  id: z.uuid(),
  centre: z.object({ id: z.string(), name: bilingual }),
  service: z.string(),
  day: z.string(),
  /** waiting; or offered: a place was freed and held for the person (bookingId), to confirm before it lapses. */
  status: z.enum(["waiting", "offered", "withdrawn"]),
  bookingId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});

export const waitlistResponse = waitItem;
export const waitsResponse = z.object({ items: z.array(waitItem) });
