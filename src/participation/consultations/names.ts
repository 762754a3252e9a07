import { namesOf } from "../../accounts/service.js";
import type { Db } from "../../platform/db/client.js";
import type { Locale } from "../../platform/i18n/locales.js";

/** Words that begin a compound first name ("Abdul Rahman", "عبد الله"). */
const COMPOUND_STARTS = new Set(["عبد", "abd", "abdul", "abdel", "abdal"]);

/** The first name of a full name: what a comment shows of the person who wrote it. */
export function firstName(full: string): string {
  const words = full.trim().split(/\s+/).filter(Boolean);
  const [first = "", second] = words;
  return COMPOUND_STARTS.has(first.toLowerCase()) && second ? `${first} ${second}` : first;
}

/** The first names of the people who wrote comments, in the page's language (none for a person no longer found). */
export async function firstNames(db: Db, userIds: string[], locale: Locale): Promise<Map<string, string>> {
  const names = await namesOf(db, [...new Set(userIds)]);
  return new Map([...names].map(([id, name]) => [id, firstName(name[locale] || name.ar || name.en)]));
}
