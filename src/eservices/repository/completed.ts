import { and, count, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { cases, eserviceDefinitions } from "../tables.js";

/** Statuses that end a case: the agency decided it (approved or rejected). */
export const completedStatuses = ["approved", "rejected"] as const;

export interface CompletedCasesRow {
  /** YYYY-MM of the decision (UTC). */
  month: string;
  /** The catalogue service the e-service completes (from the definition the case was made with). */
  service: string;
  completed: number;
}

/**
 * Cases decided on the portal, per month of the decision and catalogue
 * service, from `from` (inclusive) to `to` (exclusive), for the transaction
 * statistics. Read only.
 */
export async function completedCasesByMonth(db: Db, from: Date, to: Date): Promise<CompletedCasesRow[]> {
  const month = sql<string>`to_char(${cases.decidedAt} at time zone 'UTC', 'YYYY-MM')`;
  const service = sql<string>`${eserviceDefinitions.definition} ->> 'service'`;
  const rows = await db
    .select({ month, service, completed: count() })
    .from(cases)
    .innerJoin(
      eserviceDefinitions,
      and(eq(eserviceDefinitions.slug, cases.eservice), eq(eserviceDefinitions.version, cases.version)),
    )
    .where(
      and(
        inArray(cases.status, [...completedStatuses]),
        isNotNull(cases.decidedAt),
        gte(cases.decidedAt, from),
        lt(cases.decidedAt, to),
      ),
    )
    .groupBy(month, service);
  return rows.map((r) => ({ month: r.month, service: r.service, completed: Number(r.completed) }));
}
