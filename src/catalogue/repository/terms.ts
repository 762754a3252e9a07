import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import { categories, lifeEvents, personas } from "../tables.js";
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
