import { asc, gte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { agencies, categories, lifeEvents, personas, services } from "../tables.js";

/** Services written, published or withdrawn at or after `since` (each write sets updated_at), and the latest such time. */
export async function serviceChangesSince(
  db: Db,
  since: Date | undefined,
): Promise<{ latest: Date | undefined; changed: { id: number; slug: string; published: boolean }[] }> {
  const [last] = await db.select({ latest: sql<string | null>`max(${services.updatedAt})` }).from(services);
  const latest = last?.latest ? new Date(last.latest) : undefined;
  if (!since) return { latest, changed: [] };
  const changed = await db
    .select({ id: services.id, slug: services.slug, published: services.published })
    .from(services)
    .where(gte(services.updatedAt, since))
    .orderBy(asc(services.id));
  return { latest, changed };
}

/**
 * What every service's searchable text borrows from other rows (its agency's
 * name; its personas', categories' and life events' names and descriptions),
 * as one string that changes whenever any of it does.
 */
export async function serviceTextSources(db: Db): Promise<string> {
  const [agencyRows, personaRows, categoryRows, lifeEventRows] = await Promise.all([
    db.select({ id: agencies.id, ar: agencies.nameAr, en: agencies.nameEn }).from(agencies).orderBy(asc(agencies.id)),
    db.select().from(personas).orderBy(asc(personas.slug)),
    db.select().from(categories).orderBy(asc(categories.slug)),
    db.select().from(lifeEvents).orderBy(asc(lifeEvents.slug)),
  ]);
  return JSON.stringify([agencyRows, personaRows, categoryRows, lifeEventRows]);
}
