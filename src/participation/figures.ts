import { sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";

/** The strategy's target: participation grows by a fifth each year. */
export const PARTICIPATION_GROWTH_TARGET = 0.2;

export interface ParticipationFigures {
  /** The last twelve months, oldest first: YYYY-MM and how many people took part. */
  months: { month: string; participants: number }[];
  lastYear: number;
  yearBefore: number;
  /** Growth of the last twelve months over the twelve before; undefined without a year before to compare with. */
  growth: number | undefined;
  target: number;
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

function monthsBack(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  return out;
}

/**
 * People taking part, per month: each person who voted, commented on a
 * consultation or answered an identified survey counts once a month;
 * an anonymous survey answer counts as one participant (it cannot be
 * linked to the person's other participation, by design).
 */
export async function participationFigures(db: Db, now = new Date()): Promise<ParticipationFigures> {
  const months = monthsBack(now, 24);
  const from = `${months[0]}-01`;
  const result = await db.execute(sql`
    select month, count(*)::int as participants from (
      select distinct to_char(created_at at time zone 'UTC', 'YYYY-MM') as month, user_id::text as who
        from poll_votes where created_at >= ${from}::date
      union
      select distinct to_char(created_at at time zone 'UTC', 'YYYY-MM'), user_id::text
        from consultation_comments where created_at >= ${from}::date
      union
      select distinct month, coalesce(user_id::text, 'anonymous:' || survey_id::text || ':' || respondent_key)
        from survey_responses where month >= ${months[0]}
    ) people group by month`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    month: string;
    participants: number;
  }[];
  const byMonth = new Map(rows.map((r) => [r.month, Number(r.participants)]));
  const series = months.map((month) => ({ month, participants: byMonth.get(month) ?? 0 }));
  const sum = (part: typeof series) => part.reduce((n, m) => n + m.participants, 0);
  const yearBefore = sum(series.slice(0, 12));
  const lastYear = sum(series.slice(12));
  return {
    months: series.slice(12),
    lastYear,
    yearBefore,
    growth: yearBefore > 0 ? (lastYear - yearBefore) / yearBefore : undefined,
    target: PARTICIPATION_GROWTH_TARGET,
  };
}
