import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { agencies } from "../tables.js";

/** A name in Arabic and English. */
export interface AgencyName {
  ar: string;
  en: string;
}

/**
 * The one agency-name lookup: agencies' names in both languages, by slug, in
 * one query — every agency, or only those named. A named slug the catalogue
 * does not have is its own name, so a page never shows a blank.
 */
export async function agencyNames(db: Db, slugs?: readonly string[]): Promise<Map<string, AgencyName>> {
  const wanted = slugs === undefined ? undefined : [...new Set(slugs)];
  if (wanted?.length === 0) return new Map();
  const query = db.select({ slug: agencies.slug, ar: agencies.nameAr, en: agencies.nameEn }).from(agencies);
  const rows = await (wanted === undefined
    ? query
    : query.where(wanted.length === 1 ? eq(agencies.slug, wanted[0] as string) : inArray(agencies.slug, wanted)));
  const names = new Map(rows.map((r) => [r.slug, { ar: r.ar, en: r.en }]));
  for (const slug of wanted ?? []) if (!names.has(slug)) names.set(slug, { ar: slug, en: slug });
  return names;
}

/** One agency's name in both languages (see agencyNames); its slug when the catalogue does not have it. */
export async function agencyName(db: Db, slug: string): Promise<AgencyName> {
  return (await agencyNames(db, [slug])).get(slug) ?? { ar: slug, en: slug };
}

/** Every agency as a select option (its slug, its names), in Arabic alphabetical order. */
export async function agencyOptions(db: Db): Promise<{ value: string; label: AgencyName }[]> {
  return [...(await agencyNames(db))]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.ar.localeCompare(b.label.ar, "ar"));
}
