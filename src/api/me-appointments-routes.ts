import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type Provider from "oidc-provider";
import { z } from "zod";
import {
  type Booking,
  type Bookings,
  bookingById,
  bookingsOfPerson,
  type Centre,
  centreById,
  centreBySlug,
  type Wait,
  waitsOfPerson,
} from "../appointments/service.js";
import type { Db } from "../platform/db/client.js";
import { BadRequestError, ConflictError, NotFoundError } from "../platform/http/errors.js";
import { dohaFields } from "./appointments-routes.js";
import {
  bookingItem,
  bookingParams,
  bookingsQuery,
  holdBody,
  langQuery,
  moveBody,
  waitlistBody,
  waitlistResponse,
  waitsResponse,
} from "./appointments-schemas.js";
import { bearerRateKey, FAILURES_PER_MINUTE, failureRateKey, requireBearer } from "./bearer.js";
import { apiError, ME_SCOPE, SECURITY_SCHEME } from "./schemas.js";

export interface MeAppointmentOptions {
  db: Db;
  bookings: Bookings;
  provider: Provider;
  accountExists(id: string): Promise<boolean>;
}

/** Calls per token (or per address without one) per minute: the same as the other signed-in calls. */
const LIMIT = { max: 120, timeWindow: "1 minute", keyGenerator: bearerRateKey };

type Item = z.infer<typeof bookingItem>;

/** A hold nobody confirmed in time, which the background job has not let go yet: it is over all the same. */
const lapsed = (b: Booking, now: Date) =>
  b.status === "held" && b.holdExpiresAt !== null && b.holdExpiresAt.getTime() <= now.getTime();

/** A booking as the API gives it, with its centre (a lapsed hold as expired). */
export function bookingOut(b: Booking, centre: Centre | undefined, now: Date): Item {
  return {
    id: b.id,
    reference: b.reference,
    status: lapsed(b, now) ? "expired" : b.status,
    service: b.serviceSlug,
    centre: {
      id: centre?.slug ?? "",
      name: centre?.name ?? { ar: "", en: "" },
      address: centre?.address ?? { ar: "", en: "" },
      mapUrl: centre?.mapUrl ?? "",
    },
    ...dohaFields(b.startsAt, b.minutes),
    minutes: b.minutes,
    holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
    changeUntil: new Date(b.startsAt.getTime() - (centre?.changeCutoffHours ?? 0) * 3_600_000).toISOString(),
    checkInCode: b.checkInCode,
    createdAt: b.createdAt.toISOString(),
  };
}

/**
 * /api/v1/me/appointments: the signed-in person's visits (a mobile app
 * acting for them with a bearer token carrying hukoomi.me): listing, holding
 * a time, confirming, moving, cancelling, the waiting list. The person is
 * the token's subject, never a parameter; another person's booking is "not
 * found". The token is checked before anything else (onRequest), so a call
 * without one is a 401 whatever else is wrong with it. No anti-forgery token:
 * a bearer token is never sent by a browser on its own, as a cookie is.
 */
export async function meAppointmentRoutes(app: FastifyInstance, { db, bookings, provider, accountExists }: MeAppointmentOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const failures = app.createRateLimit({ max: FAILURES_PER_MINUTE, timeWindow: "1 minute", keyGenerator: failureRateKey });
  const guard = requireBearer({ provider, accountExists, scope: ME_SCOPE, failures });
  const security = [{ [SECURITY_SCHEME]: [ME_SCOPE] }];
  const refusals = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 429: apiError };
  const changes = { ...refusals, 409: apiError };
  const common = { onRequest: guard, config: { rateLimit: LIMIT } };
  const userOf = (request: { bearer?: { userId: string } }) => {
    if (!request.bearer) throw new Error("bearer guard missing");
    return request.bearer.userId;
  };
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store");
  });
  const out = async (b: Booking) => bookingOut(b, await centreById(db, b.centreId), bookings.now());
  const own = async (userId: string, id: string) => {
    const b = await bookingById(db, id);
    if (!b || b.userId !== userId) throw new NotFoundError();
    return b;
  };
  /** The centre and service named in a body: a 400 (not 404) when they name none, as for any bad field. */
  const named = async (centreSlug: string, serviceSlug: string) => {
    const centre = await centreBySlug(db, centreSlug);
    if (!centre?.published) throw new BadRequestError("appointments.api.unknownCentre");
    if (!centre.services.some((s) => s.serviceSlug === serviceSlug)) throw new BadRequestError("appointments.api.unknownService");
    return centre;
  };

  api.get(
    "/api/v1/me/appointments",
    {
      ...common,
      schema: {
        querystring: bookingsQuery,
        security,
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            items: z.array(bookingItem),
          }),
          ...refusals,
        },
      },
    },
    async (request) => {
      const userId = userOf(request);
      const { page, pageSize, state } = request.query;
      const now = bookings.now();
      const all = await bookingsOfPerson(db, userId, state === "active" ? ["held", "booked"] : undefined);
      const listed = state === "active" ? all.filter((b) => b.startsAt.getTime() > now.getTime() && !lapsed(b, now)) : all;
      const items: Item[] = [];
      // Each centre read once per list (the few centres a person books at).
      const centres = new Map<string, Centre | undefined>();
      const centreOf = async (id: string) => {
        if (!centres.has(id)) centres.set(id, await centreById(db, id));
        return centres.get(id);
      };
      for (const b of listed.slice((page - 1) * pageSize, page * pageSize))
        items.push(bookingOut(b, await centreOf(b.centreId), now));
      return { total: listed.length, page, pageSize, items };
    },
  );

  api.get(
    "/api/v1/me/appointments/:id",
    {
      ...common,
      schema: { params: bookingParams, querystring: langQuery, security, response: { 200: bookingItem, ...refusals } },
    },
    async (request) => out(await own(userOf(request), request.params.id)),
  );

  api.post(
    "/api/v1/me/appointments",
    {
      ...common,
      schema: { body: holdBody, querystring: langQuery, security, response: { 200: bookingItem, 201: bookingItem, ...changes } },
    },
    async (request, reply) => {
      const userId = userOf(request);
      const { centre: centreSlug, service, startsAt: at } = request.body;
      const centre = await named(centreSlug, service);
      const startsAt = new Date(at);
      // Sent again (the answer was lost): the same live hold comes back, 200 rather than 201. Without this the
      // core would let the first hold go and make another; the person would still hold one place, under a new id.
      const now = bookings.now();
      const again = (await bookingsOfPerson(db, userId, ["held"])).find(
        (b) =>
          b.centreId === centre.id &&
          b.serviceSlug === service &&
          b.startsAt.getTime() === startsAt.getTime() &&
          (b.holdExpiresAt?.getTime() ?? 0) > now.getTime(),
      );
      if (again) return reply.code(200).send(bookingOut(again, centre, now));
      const held = await bookings.hold({ userId, centreSlug, serviceSlug: service, startsAt, locale: request.locale });
      return reply.code(201).send(bookingOut(held, centre, now));
    },
  );

  api.post(
    "/api/v1/me/appointments/:id/confirm",
    {
      ...common,
      schema: { params: bookingParams, querystring: langQuery, security, response: { 200: bookingItem, ...changes } },
    },
    async (request) => out(await bookings.confirm(userOf(request), request.params.id)),
  );

  api.post(
    "/api/v1/me/appointments/:id/move",
    {
      ...common,
      schema: {
        params: bookingParams,
        body: moveBody,
        querystring: langQuery,
        security,
        response: { 200: bookingItem, ...changes },
      },
    },
    async (request) => out(await bookings.move(userOf(request), request.params.id, new Date(request.body.startsAt))),
  );

  api.post(
    "/api/v1/me/appointments/:id/cancel",
    {
      ...common,
      schema: { params: bookingParams, querystring: langQuery, security, response: { 200: bookingItem, ...changes } },
    },
    async (request) => out(await bookings.cancel(userOf(request), request.params.id)),
  );

  const waitOut = (w: Wait, centre: Centre | undefined, status: Wait["status"] | "withdrawn" = w.status) => ({
    id: w.id,
    centre: { id: centre?.slug ?? "", name: centre?.name ?? { ar: "", en: "" } },
    service: w.serviceSlug,
    day: w.day,
    status,
    bookingId: w.bookingId,
    createdAt: w.createdAt.toISOString(),
  });

  api.get(
    "/api/v1/me/appointments/waitlist",
    { ...common, schema: { querystring: langQuery, security, response: { 200: waitsResponse, ...refusals } } },
    async (request) => {
      const waits = await waitsOfPerson(db, userOf(request));
      const items = [];
      for (const w of waits) items.push(waitOut(w, await centreById(db, w.centreId)));
      return { items };
    },
  );

  api.post(
    "/api/v1/me/appointments/waitlist",
    {
      ...common,
      schema: { body: waitlistBody, querystring: langQuery, security, response: { 201: waitlistResponse, ...changes } },
    },
    async (request, reply) => {
      const userId = userOf(request);
      const { centre: centreSlug, service, day } = request.body;
      const centre = await named(centreSlug, service);
      await bookings.joinWaitlist(userId, centre, service, day, request.locale);
      const wait = (await waitsOfPerson(db, userId)).find(
        (w) => w.centreId === centre.id && w.serviceSlug === service && w.day === day,
      );
      if (!wait) throw new NotFoundError();
      return reply.code(201).send(waitOut(wait, centre));
    },
  );

  api.post(
    "/api/v1/me/appointments/waitlist/:id/leave",
    {
      ...common,
      schema: { params: bookingParams, querystring: langQuery, security, response: { 200: waitlistResponse, ...refusals } },
    },
    async (request) => {
      const userId = userOf(request);
      const wait = (await waitsOfPerson(db, userId)).find((w) => w.id === request.params.id);
      if (!wait) throw new NotFoundError();
      // A place offered is a hold of the person's own: they confirm it or cancel it, as any hold.
      if (wait.status === "offered") throw new ConflictError("appointments.api.offered");
      await bookings.leaveWaitlist(userId, wait.id);
      return waitOut(wait, await centreById(db, wait.centreId), "withdrawn");
    },
  );
}
