/**
 * What the agency workspace reads and writes: an agency's own catalogue
 * rows whether published or not, and the writes a published version makes.
 * Every function names the agency, and touches only that agency's rows.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import {
  agencies,
  events,
  news,
  serviceCategories,
  serviceDocuments,
  serviceLifeEvents,
  servicePersonas,
  serviceRelated,
  services,
} from "../tables.js";

export type ServiceRow = typeof services.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
export type NewsRow = typeof news.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type DocumentRow = typeof serviceDocuments.$inferSelect;

/** The catalogue refused a write: the slug belongs to another agency, or a named row is not the agency's. */
export class NotTheAgencysError extends Error {}

async function agencyId(db: Db, agency: string): Promise<number> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, agency));
  if (!row) throw new NotTheAgencysError(`no agency ${agency}`);
  return row.id;
}

export async function agencyRow(db: Db, slug: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  return row;
}

export type AgencyProfile = Omit<AgencyRow, "id" | "slug" | "type" | "parentId" | "createdAt" | "updatedAt">;

export async function writeAgencyProfile(tx: Db, slug: string, profile: AgencyProfile): Promise<void> {
  await tx
    .update(agencies)
    .set({ ...profile, updatedAt: new Date() })
    .where(eq(agencies.slug, slug));
}

/** Every service of the agency, published or not, by title. */
export async function agencyServiceRows(db: Db, agency: string): Promise<ServiceRow[]> {
  return db
    .select({ service: services })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(eq(agencies.slug, agency))
    .orderBy(asc(services.titleAr))
    .then((rows) => rows.map((r) => r.service));
}

/** The address and title of every service of the agency, published or not, by address. */
export async function agencyServiceTitles(
  db: Db,
  agency: string,
): Promise<{ slug: string; title: { ar: string; en: string } }[]> {
  const rows = await db
    .select({ slug: services.slug, titleAr: services.titleAr, titleEn: services.titleEn })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(eq(agencies.slug, agency))
    .orderBy(asc(services.slug));
  return rows.map((r) => ({ slug: r.slug, title: { ar: r.titleAr, en: r.titleEn } }));
}

/** One of the agency's services, published or not, with the slugs of its personas, categories and life events. */
export async function serviceForEditing(
  db: Db,
  agency: string,
  slug: string,
): Promise<
  { service: ServiceRow; personas: string[]; categories: string[]; lifeEvents: string[]; related: string[] } | undefined
> {
  const [row] = await db
    .select({ service: services })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(and(eq(services.slug, slug), eq(agencies.slug, agency)));
  if (!row) return undefined;
  const id = row.service.id;
  const slugs = (link: typeof servicePersonas) =>
    db
      .select({ slug: link.slug })
      .from(link)
      .where(eq(link.serviceId, id))
      .then((r) => r.map((x) => x.slug));
  const [personas, categories, lifeEvents, related] = await Promise.all([
    slugs(servicePersonas),
    slugs(serviceCategories),
    slugs(serviceLifeEvents),
    db
      .select({ slug: services.slug })
      .from(serviceRelated)
      .innerJoin(services, eq(serviceRelated.relatedId, services.id))
      .where(eq(serviceRelated.serviceId, id))
      .orderBy(asc(serviceRelated.position))
      .then((r) => r.map((x) => x.slug)),
  ]);
  return { service: row.service, personas, categories, lifeEvents, related };
}

/** The slugs among these that name no service. */
export async function unknownServiceSlugs(db: Db, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const found = await db.select({ slug: services.slug }).from(services).where(inArray(services.slug, slugs));
  const known = new Set(found.map((r) => r.slug));
  return slugs.filter((slug) => !known.has(slug));
}

/** True when a service with this slug exists (for any agency). */
export async function serviceSlugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: services.id }).from(services).where(eq(services.slug, slug));
  return Boolean(row);
}

export type ServiceWrite = Omit<ServiceRow, "id" | "agencyId" | "popularity" | "published" | "createdAt" | "updatedAt"> & {
  personas: string[];
  categories: string[];
  lifeEvents: string[];
  /** Slugs of related services, in order (unknown ones are left out; publishing checks them first). */
  related: string[];
};

/** Creates or replaces the agency's service and its links, published. */
export async function writeService(tx: Db, agency: string, input: ServiceWrite): Promise<void> {
  const owner = await agencyId(tx, agency);
  const { personas, categories, lifeEvents, related, ...columns } = input;
  const [existing] = await tx.select().from(services).where(eq(services.slug, input.slug));
  if (existing && existing.agencyId !== owner) throw new NotTheAgencysError(`service ${input.slug} is another agency's`);
  let id: number;
  if (existing) {
    await tx
      .update(services)
      .set({ ...columns, published: true, updatedAt: new Date() })
      .where(eq(services.id, existing.id));
    id = existing.id;
  } else {
    const [made] = await tx
      .insert(services)
      .values({ ...columns, agencyId: owner, published: true })
      .returning({ id: services.id });
    if (!made) throw new Error("service not created");
    id = made.id;
  }
  for (const [link, slugs] of [
    [servicePersonas, personas],
    [serviceCategories, categories],
    [serviceLifeEvents, lifeEvents],
  ] as const) {
    await tx.delete(link).where(eq(link.serviceId, id));
    if (slugs.length) await tx.insert(link).values(slugs.map((slug) => ({ serviceId: id, slug })));
  }
  await tx.delete(serviceRelated).where(eq(serviceRelated.serviceId, id));
  const targets = related.length
    ? await tx.select({ id: services.id, slug: services.slug }).from(services).where(inArray(services.slug, related))
    : [];
  const idOf = new Map(targets.map((t) => [t.slug, t.id]));
  const rows = related
    .map((slug, position) => ({ serviceId: id, relatedId: idOf.get(slug) ?? 0, position }))
    .filter((r) => r.relatedId !== 0 && r.relatedId !== id);
  if (rows.length) await tx.insert(serviceRelated).values(rows);
}

/** Publishes or withdraws one of the agency's services (a withdrawn service's page is not found). */
export async function setServicePublished(tx: Db, agency: string, slug: string, published: boolean): Promise<void> {
  const owner = await agencyId(tx, agency);
  await tx
    .update(services)
    .set({ published, updatedAt: new Date() })
    .where(and(eq(services.slug, slug), eq(services.agencyId, owner)));
}

type ArticleWrite = Pick<NewsRow, "slug" | "titleAr" | "titleEn" | "summaryAr" | "summaryEn" | "bodyAr" | "bodyEn">;

export async function agencyNewsRows(db: Db, agency: string): Promise<NewsRow[]> {
  const owner = await agencyId(db, agency);
  return db.select().from(news).where(eq(news.agencyId, owner)).orderBy(desc(news.publishedAt));
}

export async function newsForEditing(db: Db, agency: string, slug: string): Promise<NewsRow | undefined> {
  const owner = await agencyId(db, agency);
  const [row] = await db
    .select()
    .from(news)
    .where(and(eq(news.slug, slug), eq(news.agencyId, owner)));
  return row;
}

export async function newsSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.select({ id: news.id }).from(news).where(eq(news.slug, slug))).length > 0;
}

/** Creates or replaces the agency's news item. */
export async function writeNews(tx: Db, agency: string, input: ArticleWrite & { publishedAt: Date }): Promise<void> {
  const owner = await agencyId(tx, agency);
  const [existing] = await tx.select().from(news).where(eq(news.slug, input.slug));
  if (existing && existing.agencyId !== owner) throw new NotTheAgencysError(`news ${input.slug} is another agency's`);
  if (existing) await tx.update(news).set(input).where(eq(news.id, existing.id));
  else await tx.insert(news).values({ ...input, agencyId: owner });
}

export async function deleteNews(tx: Db, agency: string, slug: string): Promise<void> {
  const owner = await agencyId(tx, agency);
  await tx.delete(news).where(and(eq(news.slug, slug), eq(news.agencyId, owner)));
}

export async function agencyEventRows(db: Db, agency: string): Promise<EventRow[]> {
  const owner = await agencyId(db, agency);
  return db.select().from(events).where(eq(events.agencyId, owner)).orderBy(desc(events.startsAt));
}

export async function eventForEditing(db: Db, agency: string, slug: string): Promise<EventRow | undefined> {
  const owner = await agencyId(db, agency);
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), eq(events.agencyId, owner)));
  return row;
}

export async function eventSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.select({ id: events.id }).from(events).where(eq(events.slug, slug))).length > 0;
}

export async function writeEvent(
  tx: Db,
  agency: string,
  input: ArticleWrite & Pick<EventRow, "placeAr" | "placeEn" | "startsAt" | "endsAt">,
): Promise<void> {
  const owner = await agencyId(tx, agency);
  const [existing] = await tx.select().from(events).where(eq(events.slug, input.slug));
  if (existing && existing.agencyId !== owner) throw new NotTheAgencysError(`event ${input.slug} is another agency's`);
  if (existing) await tx.update(events).set(input).where(eq(events.id, existing.id));
  else await tx.insert(events).values({ ...input, agencyId: owner });
}

export async function deleteEvent(tx: Db, agency: string, slug: string): Promise<void> {
  const owner = await agencyId(tx, agency);
  await tx.delete(events).where(and(eq(events.slug, slug), eq(events.agencyId, owner)));
}

/** The agency's downloadable forms, with the slug of the service each belongs to. */
export async function agencyDocumentRows(db: Db, agency: string): Promise<(DocumentRow & { serviceSlug: string })[]> {
  const rows = await db
    .select({ doc: serviceDocuments, serviceSlug: services.slug })
    .from(serviceDocuments)
    .innerJoin(services, eq(serviceDocuments.serviceId, services.id))
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(eq(agencies.slug, agency))
    .orderBy(asc(services.slug), asc(serviceDocuments.position));
  return rows.map((r) => ({ ...r.doc, serviceSlug: r.serviceSlug }));
}

export async function documentForEditing(
  db: Db,
  agency: string,
  slug: string,
): Promise<(DocumentRow & { serviceSlug: string }) | undefined> {
  const rows = await agencyDocumentRows(db, agency);
  return rows.find((r) => r.slug === slug);
}

export async function documentSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.select({ id: serviceDocuments.id }).from(serviceDocuments).where(eq(serviceDocuments.slug, slug))).length > 0;
}

/** Creates or replaces a downloadable form of one of the agency's services. */
export async function writeDocument(
  tx: Db,
  agency: string,
  input: Pick<DocumentRow, "slug" | "titleAr" | "titleEn" | "fileName" | "contentType" | "sizeBytes" | "storageKey"> & {
    serviceSlug: string;
  },
): Promise<void> {
  const owner = await agencyId(tx, agency);
  const { serviceSlug, ...columns } = input;
  const [service] = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.slug, serviceSlug), eq(services.agencyId, owner)));
  if (!service) throw new NotTheAgencysError(`service ${serviceSlug} is not the agency's`);
  const [existing] = await tx.select().from(serviceDocuments).where(eq(serviceDocuments.slug, input.slug));
  if (existing) {
    const own = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.id, existing.serviceId), eq(services.agencyId, owner)));
    if (!own.length) throw new NotTheAgencysError(`document ${input.slug} is another agency's`);
    await tx
      .update(serviceDocuments)
      .set({ ...columns, serviceId: service.id })
      .where(eq(serviceDocuments.id, existing.id));
  } else {
    await tx.insert(serviceDocuments).values({ ...columns, serviceId: service.id, position: 100 });
  }
}

export async function deleteDocument(tx: Db, agency: string, slug: string): Promise<void> {
  const owned = await agencyServiceRows(tx, agency);
  const ids = owned.map((s) => s.id);
  if (ids.length) {
    await tx.delete(serviceDocuments).where(and(eq(serviceDocuments.slug, slug), inArray(serviceDocuments.serviceId, ids)));
  }
}
