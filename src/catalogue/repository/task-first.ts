import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { agencies, serviceCategories, serviceLifeEvents, services } from "../tables.js";
import type { ServiceSummary, Term } from "../types.js";
import { type ServiceFilters, summaryColumns, toSummary, whereOf } from "./services.js";
import { listTerms } from "./terms.js";

/** How many top tasks a persona's or topic's page leads with, and how many services each group shows. */
export const TOP_TASKS = 5;
export const GROUP_SIZE = 3;

export interface ServiceGroup {
  term: Term;
  /** The group's services in scope, most used first, at most GROUP_SIZE. */
  services: ServiceSummary[];
  /** How many services in scope the group has in all. */
  total: number;
}

export interface TaskFirst {
  /** What people come to do most: the scope's services by use, most used first. */
  topTasks: ServiceSummary[];
  /** The scope's services by topic (or by life event on a topic's page), in the terms' set order. */
  groups: ServiceGroup[];
}

const links = { category: serviceCategories, lifeEvent: serviceLifeEvents } as const;

/**
 * A persona's, topic's or life event's page, task first: its top tasks in
 * the order of `ranked` (slugs, most used first: last month's completed
 * transactions, the home page's and the facts page's ranking), topped up
 * by the catalogue's popularity; then its services grouped by `by`.
 */
export async function taskFirst(
  db: Db,
  scope: ServiceFilters,
  by: "category" | "lifeEvent",
  ranked: string[],
): Promise<TaskFirst> {
  const link = links[by];
  const [rows, terms] = await Promise.all([
    db
      .select({ ...summaryColumns, term: link.slug })
      .from(services)
      .innerJoin(agencies, eq(services.agencyId, agencies.id))
      .leftJoin(link, eq(link.serviceId, services.id))
      .where(whereOf(scope))
      .orderBy(desc(services.popularity), asc(services.id)),
    listTerms(db, by),
  ]);
  const rank = new Map(ranked.map((slug, i) => [slug, i]));
  const byUse = (a: ServiceSummary, b: ServiceSummary) =>
    (rank.get(a.slug) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.slug) ?? Number.MAX_SAFE_INTEGER) || b.popularity - a.popularity;
  const summaries = new Map<string, ServiceSummary>();
  const members = new Map<string, ServiceSummary[]>();
  for (const row of rows) {
    const summary = summaries.get(row.slug) ?? toSummary(row);
    summaries.set(row.slug, summary);
    if (row.term) members.set(row.term, [...(members.get(row.term) ?? []), summary]);
  }
  const topTasks = [...summaries.values()].sort(byUse).slice(0, TOP_TASKS);
  const groups = terms
    .filter((term) => members.has(term.slug))
    .map((term) => {
      const list = (members.get(term.slug) ?? []).sort(byUse);
      return { term, services: list.slice(0, GROUP_SIZE), total: list.length };
    });
  return { topTasks, groups };
}
