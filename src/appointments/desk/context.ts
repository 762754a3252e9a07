import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { agenciesActedFor } from "../../accounts/model.js";
import { namesOf } from "../../accounts/service.js";
import { type AuditEntry, auditedBy, recordAudit } from "../../audit/log.js";
import { catalogueEditing } from "../../catalogue/service.js";
import type { Db } from "../../platform/db/client.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { slugSchema } from "../../platform/http/slug.js";
import { foldDigits, stripControlCharacters } from "../../platform/text/clean.js";
import type { Booking, Centre } from "../repository.js";
import { centreById, centreBySlug, centresOf } from "../repository.js";

/**
 * What the appointments desk's pages share: who may use them (officers of
 * the centre's agency), the centre or booking an address names (another
 * agency's is not found), the addresses, and the forms' schemas.
 */

export const deskPaths = {
  home: "/workspace/appointments",
  checkIn: "/workspace/appointments/check-in",
  centre: (centre: string) => `/workspace/appointments/${centre}`,
  day: (centre: string, day: string) => `/workspace/appointments/${centre}/${day}`,
  noShow: (centre: string, day: string) => `/workspace/appointments/${centre}/${day}/no-show`,
  close: (centre: string) => `/workspace/appointments/${centre}/close`,
  reopen: (centre: string) => `/workspace/appointments/${centre}/reopen`,
};

/** The agencies whose centres the viewer works at (officers; "all" for administrators). */
export function deskAgencies(request: FastifyRequest): string[] | "all" {
  return agenciesActedFor(request.viewer, "officer");
}

const mayUse = (request: FastifyRequest, agency: string) => {
  const mine = deskAgencies(request);
  return mine === "all" || mine.includes(agency);
};

/** The agencies a check-in or no-show may touch, as the booking service takes them. */
export async function actingAgencies(db: Db, request: FastifyRequest): Promise<string[]> {
  const mine = deskAgencies(request);
  return mine === "all" ? [...new Set((await centresOf(db)).map((c) => c.agency))] : mine;
}

/** The viewer's centres, by name in their language. */
export async function myCentres(db: Db, request: FastifyRequest): Promise<Centre[]> {
  const mine = deskAgencies(request);
  const centres = await centresOf(db, mine === "all" ? undefined : mine);
  return centres.sort((a, b) => a.name[request.locale].localeCompare(b.name[request.locale], request.locale));
}

export const centreParams = z.object({ centre: slugSchema({ max: 100, words: true }) });
const dayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => realDay(d));
export const dayParams = centreParams.extend({ day: dayText });

/** A YYYY-MM-DD that names a real day. */
export function realDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** A day as typed (Arabic-Indic digits, spaces around), or undefined when it is not a real YYYY-MM-DD. */
export function readDay(typed: unknown): string | undefined {
  const day = foldDigits(stripControlCharacters(String(typed ?? ""))).trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && realDay(day) ? day : undefined;
}

/** The centre in the address, if it is one of the viewer's agencies'; otherwise it is as good as missing. */
export async function centreFor(db: Db, request: FastifyRequest, slug: string): Promise<Centre> {
  const centre = await centreBySlug(db, slug);
  if (!centre || !mayUse(request, centre.agency)) throw new NotFoundError();
  return centre;
}

/** The booking's centre, if the viewer may see it. */
export async function centreOfBooking(db: Db, request: FastifyRequest, booking: Booking): Promise<Centre | undefined> {
  const centre = await centreById(db, booking.centreId);
  return centre && mayUse(request, centre.agency) ? centre : undefined;
}

/** The names of the agency's services, by slug (what the desk shows for a booking's service). */
export async function serviceTitles(db: Db, agency: string, locale: "ar" | "en"): Promise<Map<string, string>> {
  const rows = await catalogueEditing.agencyServiceRows(db, agency);
  return new Map(rows.map((r) => [r.slug, locale === "en" ? r.titleEn : r.titleAr]));
}

/** The people's names of bookings, by account, in the page's language (none for a booking whose account is gone). */
export async function peopleNames(db: Db, bookings: Booking[], locale: "ar" | "en"): Promise<Map<string, string>> {
  const names = await namesOf(db, [...new Set(bookings.map((b) => b.userId))]);
  return new Map([...names].map(([id, n]) => [id, n[locale]]));
}

/** Records a desk step in the audit log, in the step's own transaction. */
export const auditDesk =
  <T>(request: FastifyRequest, entry: Omit<AuditEntry, "actor" | "requestId">, after?: (result: T) => Record<string, unknown>) =>
  async (tx: Db, result: T) =>
    recordAudit(tx, { ...auditedBy(request), ...entry, after: { ...entry.after, ...after?.(result) } });
