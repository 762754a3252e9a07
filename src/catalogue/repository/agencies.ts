import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { bumpVersion } from "../../platform/db/versions.js";
import { type AgencyType, CATALOGUE_VERSION } from "../model.js";
import { agencies, services } from "../tables.js";
import type { Agency, AgencyRef, AgencySummary } from "../types.js";

type AgencyRow = typeof agencies.$inferSelect;

function toRef(row: Pick<AgencyRow, "slug" | "nameAr" | "nameEn">): AgencyRef {
  return { slug: row.slug, name: { ar: row.nameAr, en: row.nameEn } };
}

function toSummary(row: AgencyRow, serviceCount: number): AgencySummary {
  return {
    ...toRef(row),
    type: row.type as AgencyType,
    shortName: { ar: row.shortNameAr, en: row.shortNameEn },
    serviceCount,
  };
}

const publishedServiceCount =
  sql<number>`(select count(*) from ${services} where ${services.agencyId} = ${agencies.id} and ${services.published})`.mapWith(
    Number,
  );

/** Every agency with the number of its published services. */
export async function listAgencies(db: Db): Promise<AgencySummary[]> {
  const rows = await db.select({ agency: agencies, serviceCount: publishedServiceCount }).from(agencies);
  return rows.map((r) => toSummary(r.agency, r.serviceCount));
}

export async function findAgency(db: Db, slug: string): Promise<Agency | undefined> {
  const [row] = await db
    .select({ agency: agencies, serviceCount: publishedServiceCount })
    .from(agencies)
    .where(eq(agencies.slug, slug));
  if (!row) return undefined;
  const a = row.agency;
  const [parent] = a.parentId ? await db.select().from(agencies).where(eq(agencies.id, a.parentId)) : [];
  const children = await db.select().from(agencies).where(eq(agencies.parentId, a.id));
  return {
    ...toSummary(a, row.serviceCount),
    description: { ar: a.descriptionAr, en: a.descriptionEn },
    website: a.website,
    phone: a.phone,
    email: a.email,
    address: { ar: a.addressAr, en: a.addressEn },
    openingHours: { ar: a.openingHoursAr, en: a.openingHoursEn },
    location: { lat: a.latitude, lng: a.longitude },
    parent: parent ? toRef(parent) : undefined,
    children: children.map(toRef),
  };
}

export async function countAgencies(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return Number(row?.n ?? 0);
}

/** Every agency with the text search indexes. */
export async function agenciesForSearch(db: Db): Promise<(AgencySummary & { description: { ar: string; en: string } })[]> {
  const rows = await db.select({ agency: agencies, serviceCount: publishedServiceCount }).from(agencies);
  return rows.map((r) => ({
    ...toSummary(r.agency, r.serviceCount),
    description: { ar: r.agency.descriptionAr, en: r.agency.descriptionEn },
  }));
}

/** An agency's own fields as stored, for the administrators' form (the slug never changes once made: other areas name agencies by it). */
export type AgencyRecord = typeof agencies.$inferSelect;
export type AgencyFields = Omit<typeof agencies.$inferInsert, "id" | "slug" | "createdAt" | "updatedAt">;

export async function agencyRecord(db: Db, slug: string): Promise<AgencyRecord | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  return row;
}

/** Adds an agency and bumps the catalogue's change counter (search indexes refresh); undefined when the slug is taken. */
export async function createAgency(db: Db, slug: string, fields: AgencyFields): Promise<AgencyRecord | undefined> {
  const [row] = await db
    .insert(agencies)
    .values({ slug, ...fields })
    .onConflictDoNothing({ target: agencies.slug })
    .returning();
  if (row) await bumpVersion(db, CATALOGUE_VERSION);
  return row;
}

/** Changes an agency's fields (not its slug) and bumps the catalogue's change counter; undefined when there is none. */
export async function updateAgency(db: Db, slug: string, fields: AgencyFields): Promise<AgencyRecord | undefined> {
  const [row] = await db
    .update(agencies)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(agencies.slug, slug))
    .returning();
  if (row) await bumpVersion(db, CATALOGUE_VERSION);
  return row;
}

/** Each agency's own words, by its slug: its names, and the titles and keywords of its published services (two queries). */
export async function agencyWords(db: Db): Promise<Map<string, string[]>> {
  const [agencyRows, serviceRows] = await Promise.all([
    db
      .select({
        slug: agencies.slug,
        nameAr: agencies.nameAr,
        nameEn: agencies.nameEn,
        shortAr: agencies.shortNameAr,
        shortEn: agencies.shortNameEn,
      })
      .from(agencies),
    db
      .select({
        agency: agencies.slug,
        titleAr: services.titleAr,
        titleEn: services.titleEn,
        keywordsAr: services.keywordsAr,
        keywordsEn: services.keywordsEn,
      })
      .from(services)
      .innerJoin(agencies, eq(services.agencyId, agencies.id))
      .where(eq(services.published, true)),
  ]);
  const texts = new Map<string, string[]>();
  for (const a of agencyRows) texts.set(a.slug, [a.nameAr, a.nameEn, a.shortAr, a.shortEn]);
  for (const s of serviceRows) texts.get(s.agency)?.push(s.titleAr, s.titleEn, s.keywordsAr, s.keywordsEn);
  return texts;
}
