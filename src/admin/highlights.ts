import { asc, eq } from "drizzle-orm";
import { servicesBySlugs } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { bumpVersion } from "../platform/db/versions.js";
import { homeHighlights } from "./tables.js";

/** The change counter bumped when highlights change, so cached home pages are rebuilt on every instance. */
export const HIGHLIGHTS_VERSION = "home-highlights";

export type Highlight = typeof homeHighlights.$inferSelect;
export type HighlightFields = Omit<Highlight, "id" | "updatedAt">;

/** A highlight as the home page shows it: a title in each language and the (unlocalised) address it opens. */
export interface HomeHighlight {
  title: { ar: string; en: string };
  path: string;
}

/** Every highlight, in their set order. */
export function listHighlights(db: Db): Promise<Highlight[]> {
  return db.select().from(homeHighlights).orderBy(asc(homeHighlights.position), asc(homeHighlights.id));
}

export async function findHighlight(db: Db, id: number): Promise<Highlight | undefined> {
  const [row] = await db.select().from(homeHighlights).where(eq(homeHighlights.id, id));
  return row;
}

export async function createHighlight(db: Db, fields: HighlightFields): Promise<Highlight> {
  const [row] = await db.insert(homeHighlights).values(fields).returning();
  if (!row) throw new Error("highlight not saved");
  await bumpVersion(db, HIGHLIGHTS_VERSION);
  return row;
}

export async function updateHighlight(db: Db, id: number, fields: HighlightFields): Promise<Highlight | undefined> {
  const [row] = await db
    .update(homeHighlights)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(homeHighlights.id, id))
    .returning();
  if (row) await bumpVersion(db, HIGHLIGHTS_VERSION);
  return row;
}

export async function deleteHighlight(db: Db, id: number): Promise<Highlight | undefined> {
  const [row] = await db.delete(homeHighlights).where(eq(homeHighlights.id, id)).returning();
  if (row) await bumpVersion(db, HIGHLIGHTS_VERSION);
  return row;
}

/**
 * The active highlights for the home page, in order. A service that is no
 * longer published is left out, so the home page never links to a missing page.
 */
export async function activeHighlights(db: Db): Promise<HomeHighlight[]> {
  const rows = await db
    .select()
    .from(homeHighlights)
    .where(eq(homeHighlights.active, true))
    .orderBy(asc(homeHighlights.position), asc(homeHighlights.id));
  const slugs = rows.flatMap((r) => (r.kind === "service" && r.serviceSlug ? [r.serviceSlug] : []));
  const published = new Set((await servicesBySlugs(db, slugs)).map((s) => s.slug));
  return rows.flatMap((r) => {
    const title = { ar: r.titleAr, en: r.titleEn };
    if (r.kind === "service")
      return r.serviceSlug && published.has(r.serviceSlug) ? [{ title, path: `/services/${r.serviceSlug}` }] : [];
    return r.path ? [{ title, path: r.path }] : [];
  });
}
