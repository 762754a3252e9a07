import { and, asc, eq, gt, lte, or } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Notifier } from "../notifications/notifier.js";
import { type Db, inTransaction } from "../platform/db/client.js";
import { Periodic } from "../platform/jobs/periodic.js";
import { bookingValues, recipientOf } from "./notices.js";
import { appointmentPaths } from "./paths.js";
import { centreById, toBooking } from "./repository.js";
import { appointmentBookings } from "./tables.js";

/** The day-before reminder goes out from a day before the visit. */
export const DAY_BEFORE_MS = 24 * 3_600_000;
/** The last reminder goes out two hours before the visit. */
export const HOURS_BEFORE_MS = 2 * 3_600_000;
/** Bookings reminded in one pass at most (the next pass takes the rest). */
const BATCH = 200;

/**
 * Reminders of booked visits, by email and text message through the outbox,
 * in the language the person booked in: one the day before and one two hours
 * before, each once. Every instance runs the job; the bookings due are
 * claimed FOR UPDATE SKIP LOCKED in the transaction that records the
 * reminders and sets the flags, so two instances never remind twice.
 * A visit booked (or moved) less than a day ahead gets only the last
 * reminder; bookings of people without an account (the demo's demand) are
 * marked without a message.
 */
export class AppointmentReminders {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly log: FastifyBaseLogger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "appointment reminders");
  }

  /** One pass; returns how many reminders were written. */
  async runOnce(now = this.clock()): Promise<{ dayBefore: number; hoursBefore: number }> {
    const sent = await inTransaction(this.db, async (tx) => {
      const rows = await tx
        .select()
        .from(appointmentBookings)
        .where(
          and(
            eq(appointmentBookings.status, "booked"),
            gt(appointmentBookings.startsAt, now),
            lte(appointmentBookings.startsAt, new Date(now.getTime() + DAY_BEFORE_MS)),
            or(
              eq(appointmentBookings.remindedDayBefore, false),
              and(
                eq(appointmentBookings.remindedHoursBefore, false),
                lte(appointmentBookings.startsAt, new Date(now.getTime() + HOURS_BEFORE_MS)),
              ),
            ),
          ),
        )
        .orderBy(asc(appointmentBookings.startsAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      let dayBefore = 0;
      let hoursBefore = 0;
      for (const row of rows) {
        const b = toBooking(row);
        const left = b.startsAt.getTime() - now.getTime();
        const soon = left <= HOURS_BEFORE_MS;
        // Which reminder is due now, if any: the last one within two hours, else the day-before one
        // (only for a visit booked more than a day ahead: a fresh booking was just confirmed).
        const due: "soon" | "day" | undefined = soon
          ? row.remindedHoursBefore
            ? undefined
            : "soon"
          : !row.remindedDayBefore && b.createdAt.getTime() <= b.startsAt.getTime() - DAY_BEFORE_MS
            ? "day"
            : undefined;
        await tx
          .update(appointmentBookings)
          .set(soon ? { remindedDayBefore: true, remindedHoursBefore: true } : { remindedDayBefore: true })
          .where(eq(appointmentBookings.id, b.id));
        if (!due) continue;
        const [to, centre] = await Promise.all([recipientOf(tx, b), centreById(tx, b.centreId)]);
        if (!to || !centre) continue;
        await this.notifier.record(
          tx,
          to,
          due === "day" ? "appointment-reminder-day" : "appointment-reminder-soon",
          {
            ...(await bookingValues(tx, b, centre)),
            address: centre.address.ar && centre.address.en ? centre.address : centre.name,
          },
          appointmentPaths.page(b.id),
        );
        if (due === "day") dayBefore++;
        else hoursBefore++;
      }
      return { dayBefore, hoursBefore };
    });
    if (sent.dayBefore || sent.hoursBefore) this.log.info(sent, "appointment reminders written");
    return sent;
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
