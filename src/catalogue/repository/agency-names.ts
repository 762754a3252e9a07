import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { agencies } from "../tables.js";

/** An agency's name in both languages; its slug when the catalogue does not have it. */
export async function agencyName(db: Db, slug: string): Promise<{ ar: string; en: string }> {
  const [row] = await db.select({ ar: agencies.nameAr, en: agencies.nameEn }).from(agencies).where(eq(agencies.slug, slug));
  return row ?? { ar: slug, en: slug };
}

/** Every agency as a select option (its slug, its names), in Arabic alphabetical order. */
export async function agencyOptions(db: Db): Promise<{ value: string; label: { ar: string; en: string } }[]> {
  const rows = await db.select({ value: agencies.slug, ar: agencies.nameAr, en: agencies.nameEn }).from(agencies);
  return rows
    .map((r) => ({ value: r.value, label: { ar: r.ar, en: r.en } }))
    .sort((a, b) => a.label.ar.localeCompare(b.label.ar, "ar"));
}
