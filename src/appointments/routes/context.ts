import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { findService } from "../../catalogue/service.js";
import { findCaseById, findDefinition } from "../../eservices/service.js";
import type { Db } from "../../platform/db/client.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { slugSchema } from "../../platform/http/slug.js";
import type { Bookings } from "../booking.js";
import { type Centre, centreBySlug } from "../repository.js";

export interface BookingRouteOptions {
  db: Db;
  bookings: Bookings;
}

const slug = slugSchema({ max: 80 });
export const serviceParams = z.object({ service: slug });
export const centreParams = serviceParams.extend({ centre: slug });
export const dayParams = centreParams.extend({ day: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/) });
export const idParams = z.object({ id: z.uuid() });
/** A time of day as the radios carry it ("07:15"); a case id rides along when booking as an e-service's step. */
export const timeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const caseField = z.uuid().optional().catch(undefined);

/** The e-service request named in the query or form, as the journey carries it on (never trusted: see ownCaseFor). */
export function caseOf(source: unknown): string | undefined {
  return caseField.parse((source as Record<string, unknown> | undefined)?.case);
}

/** The service's title in the page's language; a service the catalogue does not publish is not found. */
export async function serviceTitle(db: Db, request: FastifyRequest, serviceSlug: string): Promise<string> {
  const service = await findService(db, serviceSlug);
  if (!service) throw new NotFoundError();
  return service.title[request.locale];
}

/** The centre in the address, published and offering the service in the address; anything else is not found. */
export async function centreOf(db: Db, request: FastifyRequest): Promise<{ serviceSlug: string; centre: Centre }> {
  const { service, centre: centreSlug } = parseOrRefuse(centreParams, request.params, { notFound: true });
  const centre = await centreBySlug(db, centreSlug);
  if (!centre?.published || !centre.services.some((s) => s.serviceSlug === service)) throw new NotFoundError();
  return { serviceSlug: service, centre };
}

/**
 * The request a booking is for, checked on the server: it must be the
 * person's own and for this service's e-service. Someone else's request, or
 * one for another service, is not found.
 */
export async function ownCaseFor(db: Db, userId: string, serviceSlug: string, caseId: string | undefined) {
  if (!caseId) return undefined;
  const kase = await findCaseById(db, caseId);
  if (!kase || kase.userId !== userId) throw new NotFoundError();
  const def = await findDefinition(db, kase.eservice, kase.version);
  if (def?.service !== serviceSlug) throw new NotFoundError();
  return kase.id;
}
