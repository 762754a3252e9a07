import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import { bumpVersion } from "../../platform/db/versions.js";
import { CATALOGUE_VERSION } from "../model.js";
import { categories, lifeEvents, personas, serviceCategories, serviceLifeEvents, servicePersonas, services } from "../tables.js";
import type { Term } from "../types.js";

export type TermKind = "persona" | "category" | "lifeEvent";

const tables = { persona: personas, category: categories, lifeEvent: lifeEvents } as const;

type TermRow = typeof personas.$inferSelect;

export function toTerm(row: TermRow, parent?: Pick<TermRow, "nameAr" | "nameEn"> | null): Term {
  return {
    slug: row.slug,
    parent: row.parentSlug ?? undefined,
    parentName: parent ? { ar: parent.nameAr, en: parent.nameEn } : undefined,
    name: { ar: row.nameAr, en: row.nameEn },
    description: { ar: row.descriptionAr, en: row.descriptionEn },
  };
}

/** The terms of a kind with their parent's name, in their set order; optionally only one. */
async function selectTerms(db: Db, kind: TermKind, slug?: string): Promise<Term[]> {
  const table = tables[kind];
  const parent = alias(table, "parent_term");
  const rows = await db
    .select({ term: table, parent: { nameAr: parent.nameAr, nameEn: parent.nameEn } })
    .from(table)
    .leftJoin(parent, eq(table.parentSlug, parent.slug))
    .where(slug ? eq(table.slug, slug) : undefined)
    .orderBy(asc(table.position));
  return rows.map((r) => toTerm(r.term, r.parent));
}

/** Every term of a kind, in their set order. */
export function listTerms(db: Db, kind: TermKind): Promise<Term[]> {
  return selectTerms(db, kind);
}

export async function findTerm(db: Db, kind: TermKind, slug: string): Promise<Term | undefined> {
  return (await selectTerms(db, kind, slug))[0];
}

/** A term as stored, with its order, for the administrators' forms. */
export type TermRecord = typeof personas.$inferSelect;
export type TermFields = Omit<TermRecord, "slug">;

const links = { persona: servicePersonas, category: serviceCategories, lifeEvent: serviceLifeEvents } as const;

/** Every term of a kind as stored, in their set order. */
export function termRecords(db: Db, kind: TermKind): Promise<TermRecord[]> {
  const table = tables[kind];
  return db.select().from(table).orderBy(asc(table.position), asc(table.slug));
}

export async function termRecord(db: Db, kind: TermKind, slug: string): Promise<TermRecord | undefined> {
  const table = tables[kind];
  const [row] = await db.select().from(table).where(eq(table.slug, slug));
  return row;
}

/** Adds a term and bumps the catalogue's change counter; false when the slug is taken. */
export async function createTerm(db: Db, kind: TermKind, slug: string, fields: TermFields): Promise<boolean> {
  const made = await db
    .insert(tables[kind])
    .values({ slug, ...fields })
    .onConflictDoNothing()
    .returning({ slug: tables[kind].slug });
  if (made.length) await bumpVersion(db, CATALOGUE_VERSION);
  return made.length > 0;
}

/** Changes a term's names, description, parent and order (not its slug) and bumps the catalogue's change counter. */
export async function updateTerm(db: Db, kind: TermKind, slug: string, fields: TermFields): Promise<TermRecord | undefined> {
  const table = tables[kind];
  const [row] = await db.update(table).set(fields).where(eq(table.slug, slug)).returning();
  if (row) await bumpVersion(db, CATALOGUE_VERSION);
  return row;
}

/** Where a term is used: the services filed under it and the terms under it. */
export interface TermUsage {
  services: { slug: string; title: { ar: string; en: string } }[];
  children: { slug: string; name: { ar: string; en: string } }[];
}

export async function termUsage(db: Db, kind: TermKind, slug: string): Promise<TermUsage> {
  const table = tables[kind];
  const link = links[kind];
  const [used, children] = await Promise.all([
    db
      .select({ slug: services.slug, ar: services.titleAr, en: services.titleEn })
      .from(link)
      .innerJoin(services, eq(link.serviceId, services.id))
      .where(eq(link.slug, slug))
      .orderBy(asc(services.slug)),
    db.select().from(table).where(eq(table.parentSlug, slug)).orderBy(asc(table.position)),
  ]);
  return {
    services: used.map((s) => ({ slug: s.slug, title: { ar: s.ar, en: s.en } })),
    children: children.map((c) => ({ slug: c.slug, name: { ar: c.nameAr, en: c.nameEn } })),
  };
}

/** Removes a term that nothing uses (the caller checks termUsage in the same transaction) and bumps the catalogue's change counter. */
export async function deleteTerm(db: Db, kind: TermKind, slug: string): Promise<TermRecord | undefined> {
  const table = tables[kind];
  const [row] = await db.delete(table).where(eq(table.slug, slug)).returning();
  if (row) await bumpVersion(db, CATALOGUE_VERSION);
  return row;
}
