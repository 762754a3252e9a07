import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { dohaDate } from "../platform/time/doha.js";
import type { Tell } from "./booking.js";
import { checkLimits, insertHold, rowsOf, takePlace } from "./places.js";
import type { Centre } from "./repository.js";
import { appointmentWaitlist } from "./tables.js";

/** How long a place offered from the waiting list is kept for the person to confirm. */
export const OFFER_HOURS = 12;

/**
 * A place freed on a day goes to the first person waiting for that
 * service at that centre on that day: a hold is made for them (kept
 * OFFER_HOURS, never past the visit) and they are told.
 */
export async function offerFreedPlace(
  tx: Db,
  tell: Tell,
  centre: Centre,
  serviceSlug: string,
  startsAt: Date,
  now: Date,
): Promise<void> {
  if (startsAt.getTime() <= now.getTime()) return;
  const day = dohaDate(startsAt);
  const [waiter] = await tx
    .select()
    .from(appointmentWaitlist)
    .where(
      and(
        eq(appointmentWaitlist.centreId, centre.id),
        eq(appointmentWaitlist.serviceSlug, serviceSlug),
        eq(appointmentWaitlist.day, day),
        eq(appointmentWaitlist.status, "waiting"),
      ),
    )
    .orderBy(asc(appointmentWaitlist.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!waiter) return;
  const offered = centre.services.find((s) => s.serviceSlug === serviceSlug);
  if (!offered) return;
  // Never wait for the person here: they may be booking at this moment, waiting for this very place.
  const locked = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`appointments:${waiter.userId}`})) as ok`),
  )[0]?.ok;
  if (!locked) return;
  try {
    await checkLimits(tx, waiter.userId, serviceSlug, offered.perPerson, now);
  } catch {
    await tx.update(appointmentWaitlist).set({ status: "withdrawn" }).where(eq(appointmentWaitlist.id, waiter.id));
    return offerFreedPlace(tx, tell, centre, serviceSlug, startsAt, now);
  }
  const slotId = await takePlace(tx, centre, offered, startsAt, now);
  if (!slotId) return;
  const until = Math.min(now.getTime() + OFFER_HOURS * 3_600_000, startsAt.getTime());
  const hold = await insertHold(tx, {
    userId: waiter.userId,
    centreId: centre.id,
    offered,
    slotId,
    startsAt,
    expiresAt: new Date(until),
    locale: waiter.locale,
  });
  await tx
    .update(appointmentWaitlist)
    .set({ status: "offered", bookingId: hold.id })
    .where(eq(appointmentWaitlist.id, waiter.id));
  await tell(tx, "offered", hold, centre);
}

/** A person's place on a day's waiting list, while it lasts. */
export interface Wait {
  id: string;
  centreId: string;
  serviceSlug: string;
  day: string;
  /** waiting; or offered, with the hold made for them (bookingId) to confirm. */
  status: "waiting" | "offered";
  bookingId: string | null;
  createdAt: Date;
}

/** The waiting lists a person is on (waiting or offered a place), soonest day first. */
export async function waitsOfPerson(db: Db, userId: string): Promise<Wait[]> {
  const rows = await db
    .select()
    .from(appointmentWaitlist)
    .where(and(eq(appointmentWaitlist.userId, userId), inArray(appointmentWaitlist.status, ["waiting", "offered"])))
    .orderBy(asc(appointmentWaitlist.day), asc(appointmentWaitlist.createdAt));
  return rows.map((r) => ({
    id: r.id,
    centreId: r.centreId,
    serviceSlug: r.serviceSlug,
    day: r.day,
    status: r.status as Wait["status"],
    bookingId: r.bookingId,
    createdAt: r.createdAt,
  }));
}
