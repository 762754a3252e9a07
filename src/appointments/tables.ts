import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Appointments: visits to an agency's service centres.
 *
 * A centre offers some of its agency's services, each taking a number of
 * minutes at a number of counters: every service's day is cut into slots of
 * its length within the centre's opening hours, each slot with as many places
 * as counters. A slot's row is made the first time someone holds a place in
 * it; its `taken` count is raised and lowered in the same statement that
 * checks it, and a CHECK keeps it within the places, so two people can never
 * share the last place whatever the timing.
 */

/** Opening hours: for each weekday (0 Sunday … 6 Saturday), the periods it is open, "HH:MM-HH:MM", in Doha time. */
export type WeekHours = Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", string[]>;

export const appointmentCentres = pgTable(
  "appointment_centres",
  {
    id: uuid("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agency: text("agency").notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    addressAr: text("address_ar").notNull().default(""),
    addressEn: text("address_en").notNull().default(""),
    /** The area of the country it is in (a municipality slug), to list the nearest first. */
    area: text("area").notNull(),
    mapUrl: text("map_url").notNull().default(""),
    hours: jsonb("hours").$type<WeekHours>().notNull(),
    /** How many days ahead people may book (today counts as day 0). */
    bookAheadDays: integer("book_ahead_days").notNull().default(30),
    /** Until how many hours before a visit people may move or cancel it. */
    changeCutoffHours: integer("change_cutoff_hours").notNull().default(2),
    /** False while the agency has it off the public site. */
    published: boolean("published").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointment_centres_agency_idx").on(t.agency)],
);

/** The services a centre offers: how long a visit takes, at how many counters, how many active bookings one person may hold. */
export const appointmentCentreServices = pgTable(
  "appointment_centre_services",
  {
    centreId: uuid("centre_id").notNull(),
    serviceSlug: text("service_slug").notNull(),
    minutes: integer("minutes").notNull(),
    counters: integer("counters").notNull(),
    perPerson: integer("per_person").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.serviceSlug] }),
    index("appointment_centre_services_service_idx").on(t.serviceSlug),
    check(
      "appointment_centre_services_sane",
      sql`${t.minutes} between 5 and 480 and ${t.counters} between 1 and 200 and ${t.perPerson} between 1 and 10`,
    ),
  ],
);

/** Days a centre is closed: a public holiday or a closure for that day (the reason in both languages). */
export const appointmentClosures = pgTable(
  "appointment_closures",
  {
    centreId: uuid("centre_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    reasonAr: text("reason_ar").notNull().default(""),
    reasonEn: text("reason_en").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.day] })],
);

/** A slot that at least one person has held a place in. `taken` counts holds and bookings that occupy it. */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: uuid("id").primaryKey(),
    centreId: uuid("centre_id").notNull(),
    serviceSlug: text("service_slug").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    places: integer("places").notNull(),
    taken: integer("taken").notNull().default(0),
  },
  (t) => [
    unique("appointment_slots_one").on(t.centreId, t.serviceSlug, t.startsAt),
    check("appointment_slots_within_places", sql`${t.taken} >= 0 and ${t.taken} <= ${t.places}`),
  ],
);

/**
 * held: a place kept for a few minutes while the person confirms; booked;
 * checked-in (arrived); no-show; cancelled (by the person, or by the centre
 * closing); expired (a hold not confirmed in time). Cancelled and expired
 * give their place back; the others keep it (a visit made or missed used it).
 */
export type BookingStatus = "held" | "booked" | "checked-in" | "no-show" | "cancelled" | "expired";

export const appointmentBookings = pgTable(
  "appointment_bookings",
  {
    id: uuid("id").primaryKey(),
    reference: text("reference").notNull().unique(),
    /** Shown as a QR code at the counter; never guessable from the reference. */
    checkInCode: text("check_in_code").notNull().unique(),
    userId: uuid("user_id").notNull(),
    centreId: uuid("centre_id").notNull(),
    serviceSlug: text("service_slug").notNull(),
    slotId: uuid("slot_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    minutes: integer("minutes").notNull(),
    status: text("status").$type<BookingStatus>().notNull(),
    holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }),
    /** The e-service request the visit belongs to (the medical commission's), when booked as its step. */
    caseId: uuid("case_id"),
    /** The language the person booked in: reminders are written in it. */
    locale: text("locale").notNull().default("ar"),
    remindedDayBefore: boolean("reminded_day_before").notNull().default(false),
    remindedHoursBefore: boolean("reminded_hours_before").notNull().default(false),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Why it was cancelled: "person", "closure", "staff". */
    cancelledBy: text("cancelled_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointment_bookings_user_idx").on(t.userId, t.status),
    index("appointment_bookings_day_idx").on(t.centreId, t.startsAt),
    index("appointment_bookings_slot_idx").on(t.slotId, t.status),
    index("appointment_bookings_holds_idx").on(t.status, t.holdExpiresAt),
    index("appointment_bookings_reminders_idx").on(t.status, t.startsAt),
  ],
);

/**
 * The waiting list: a person who found no free time on a day asks to be
 * offered the first place that frees up at that centre for that service on
 * that day. An offer is a hold made for them (status "offered", with the
 * hold's booking), which they confirm like any hold, or which lapses.
 */
export type WaitStatus = "waiting" | "offered" | "done" | "withdrawn";

export const appointmentWaitlist = pgTable(
  "appointment_waitlist",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    centreId: uuid("centre_id").notNull(),
    serviceSlug: text("service_slug").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    status: text("status").$type<WaitStatus>().notNull().default("waiting"),
    bookingId: uuid("booking_id"),
    locale: text("locale").notNull().default("ar"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointment_waitlist_queue_idx").on(t.centreId, t.serviceSlug, t.day, t.status, t.createdAt),
    uniqueIndex("appointment_waitlist_one_per_person")
      .on(t.userId, t.centreId, t.serviceSlug, t.day)
      .where(sql`status in ('waiting', 'offered')`),
  ],
);
