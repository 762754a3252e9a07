import { sql } from "drizzle-orm";
import { agenciesWithRole } from "../../accounts/service.js";
import { servicesDueForReview as catalogueServicesDue, type ServiceDue } from "../../catalogue/service.js";
import type { Db } from "../../platform/db/client.js";
import { addDays } from "../../platform/time/doha.js";
import { contentReviewReminders } from "./tables.js";

/**
 * The workspace reads the catalogue it looks after through the catalogue's
 * service (services with their review dates: last reviewed + the review
 * interval, computed, never stored) and the people to tell through the
 * accounts' service; it keeps only its own record of the reminders sent.
 */

export type ReviewItem = Omit<ServiceDue, "agency">;

/** An agency's published services whose review date is on or before `until`, most overdue first. */
export async function servicesDueForReview(db: Db, o: { agency: string; months: number; until: string }): Promise<ReviewItem[]> {
  const due = await catalogueServicesDue(db, { agencies: [o.agency], months: o.months, dueBy: o.until });
  return due.map(({ agency: _, ...item }) => item);
}

export type OverdueService = ServiceDue;

/**
 * Published services past their review date (before `today`) that no
 * reminder has been sent about for that date, of agencies that have at
 * least one editor to tell; by agency, most overdue first. Three queries,
 * whatever the number of services: the agencies with editors, their
 * overdue services, and which of those were reminded about already.
 */
export async function overdueNotReminded(db: Db, months: number, today: string): Promise<OverdueService[]> {
  const withEditors = await agenciesWithRole(db, "editor");
  const overdue = await catalogueServicesDue(db, { agencies: withEditors, months, dueBy: addDays(today, -1) });
  if (overdue.length === 0) return [];
  const reminded = await remindedAlready(db, overdue);
  return overdue.filter((s) => !reminded.has(`${s.id} ${s.dueOn}`));
}

/** Which of these services were reminded about for this review date already ("id day" keys), in one query. */
async function remindedAlready(db: Db, items: { id: number; dueOn: string }[]): Promise<Set<string>> {
  // The pairs go as two array parameters, so the query has four parameters however many services there are.
  const ids = `{${items.map((i) => i.id).join(",")}}`;
  const days = `{${items.map((i) => i.dueOn).join(",")}}`;
  const rows = await db
    .select({
      serviceId: contentReviewReminders.serviceId,
      dueOn: sql<string>`to_char(${contentReviewReminders.dueOn}, 'YYYY-MM-DD')`,
    })
    .from(contentReviewReminders)
    .where(
      sql`(${contentReviewReminders.serviceId}, ${contentReviewReminders.dueOn}) in (select * from unnest(${ids}::int[], ${days}::date[]))`,
    );
  return new Set(rows.map((r) => `${r.serviceId} ${r.dueOn}`));
}

/**
 * Records the reminders about to be sent; returns the services this call
 * recorded. A row already there (an earlier pass, or another instance at
 * the same moment: the key waits for its transaction) is left out, so
 * nobody is told twice about the same review date.
 */
export async function claimReminders(tx: Db, agency: string, items: { id: number; dueOn: string }[]): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  const rows = await tx
    .insert(contentReviewReminders)
    .values(items.map((i) => ({ serviceId: i.id, dueOn: i.dueOn, agency })))
    .onConflictDoNothing()
    .returning({ serviceId: contentReviewReminders.serviceId });
  return new Set(rows.map((r) => r.serviceId));
}
