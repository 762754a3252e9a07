import { readFileSync } from "node:fs";
import { asc, eq, sql } from "drizzle-orm";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { bumpVersion } from "../platform/db/versions.js";
import { slugSchema } from "../platform/http/slug.js";
import { fromRoot } from "../platform/paths.js";
import { bestBetTypes } from "./documents.js";
import type { BestBet } from "./engine.js";
import { searchAgencyNames, searchBestBets, searchSynonyms } from "./tables.js";

/** The change counter bumped when synonyms or best bets change. */
export const SEARCH_SETTINGS_VERSION = "search-settings";

const synonymsFile = z.array(z.array(z.string().min(1)).min(2));
const agencyNamesFile = z.record(slugSchema(), z.array(z.string().min(1)).min(1));
const bestBetsFile = z.array(
  z.object({ query: z.string().min(1), type: z.enum(bestBetTypes), slug: z.string().min(1) }).strict(),
);

/** The synonym groups and best bets shipped in content/search/, checked. */
export function readSearchSettingsFiles(folder = fromRoot("content", "search")) {
  return {
    synonyms: synonymsFile.parse(parseYaml(readFileSync(`${folder}/synonyms.yaml`, "utf8"))),
    bestBets: bestBetsFile.parse(parseYaml(readFileSync(`${folder}/best-bets.yaml`, "utf8"))),
    agencyNames: agencyNamesFile.parse(parseYaml(readFileSync(`${folder}/agency-names.yaml`, "utf8"))),
  };
}

/** Loads the shipped synonyms and best bets into an empty database, once; administrators edit them from there. */
export async function loadSearchSettings(db: Db): Promise<boolean> {
  const { synonyms, bestBets, agencyNames } = readSearchSettingsFiles();
  // Agency names came after the first two; a portal that already has them gets the names on its next start.
  await runOnce(db, "search-agency-names", async (tx) => {
    const rows = Object.entries(agencyNames).map(([agencySlug, names]) => ({ agencySlug, names }));
    if (rows.length) await tx.insert(searchAgencyNames).values(rows).onConflictDoNothing();
    await bumpVersion(tx, SEARCH_SETTINGS_VERSION);
  });
  return runOnce(db, "search-settings", async (tx) => {
    if (synonyms.length) await tx.insert(searchSynonyms).values(synonyms.map((terms) => ({ terms })));
    if (bestBets.length) {
      await tx
        .insert(searchBestBets)
        .values(bestBets.map((b, position) => ({ query: b.query, targetType: b.type, targetSlug: b.slug, position })));
    }
    await bumpVersion(tx, SEARCH_SETTINGS_VERSION);
  });
}

export async function readSynonyms(db: Db): Promise<string[][]> {
  const rows = await db.select({ terms: searchSynonyms.terms }).from(searchSynonyms).orderBy(asc(searchSynonyms.id));
  return rows.map((r) => r.terms);
}

export async function readBestBets(db: Db): Promise<BestBet[]> {
  const rows = await db.select().from(searchBestBets).orderBy(asc(searchBestBets.position));
  return rows.map((r) => ({ query: r.query, type: r.targetType as BestBet["type"], slug: r.targetSlug }));
}

/** A synonym group or best bet as stored, with its id, for administrators. */
export interface SynonymGroup {
  id: number;
  terms: string[];
}
export interface BestBetRow extends BestBet {
  id: number;
  position: number;
}

export async function listSynonymGroups(db: Db): Promise<SynonymGroup[]> {
  return db.select({ id: searchSynonyms.id, terms: searchSynonyms.terms }).from(searchSynonyms).orderBy(asc(searchSynonyms.id));
}

/** Adds a group of expressions that mean the same; every instance reloads its index. */
export async function addSynonymGroup(db: Db, terms: string[]): Promise<SynonymGroup> {
  const [row] = await db
    .insert(searchSynonyms)
    .values({ terms })
    .returning({ id: searchSynonyms.id, terms: searchSynonyms.terms });
  if (!row) throw new Error("synonyms not saved");
  await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return row;
}

/** Replaces a group's expressions; undefined when there is no such group. */
export async function updateSynonymGroup(db: Db, id: number, terms: string[]): Promise<SynonymGroup | undefined> {
  const [row] = await db
    .update(searchSynonyms)
    .set({ terms, updatedAt: new Date() })
    .where(eq(searchSynonyms.id, id))
    .returning({ id: searchSynonyms.id, terms: searchSynonyms.terms });
  if (row) await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return row;
}

export async function deleteSynonymGroup(db: Db, id: number): Promise<SynonymGroup | undefined> {
  const [row] = await db
    .delete(searchSynonyms)
    .where(eq(searchSynonyms.id, id))
    .returning({ id: searchSynonyms.id, terms: searchSynonyms.terms });
  if (row) await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return row;
}

export async function listBestBetRows(db: Db): Promise<BestBetRow[]> {
  const rows = await db.select().from(searchBestBets).orderBy(asc(searchBestBets.position), asc(searchBestBets.id));
  return rows.map((r) => ({
    id: r.id,
    query: r.query,
    type: r.targetType as BestBet["type"],
    slug: r.targetSlug,
    position: r.position,
  }));
}

/** Pins a result to the top for a query, after the others; every instance reloads its index. */
export async function addBestBet(db: Db, bet: BestBet): Promise<BestBetRow> {
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${searchBestBets.position}), -1)`.mapWith(Number) })
    .from(searchBestBets);
  const position = (last?.n ?? -1) + 1;
  const [row] = await db
    .insert(searchBestBets)
    .values({ query: bet.query, targetType: bet.type, targetSlug: bet.slug, position })
    .returning({ id: searchBestBets.id });
  if (!row) throw new Error("best bet not saved");
  await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return { ...bet, id: row.id, position };
}

export async function deleteBestBet(db: Db, id: number): Promise<BestBetRow | undefined> {
  const [row] = await db.delete(searchBestBets).where(eq(searchBestBets.id, id)).returning();
  if (!row) return undefined;
  await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return { id: row.id, query: row.query, type: row.targetType as BestBet["type"], slug: row.targetSlug, position: row.position };
}

/** Other names of agencies, as administrators keep them: one row per agency. */
export interface AgencyNames {
  id: number;
  agencySlug: string;
  names: string[];
}

const agencyNameColumns = { id: searchAgencyNames.id, agencySlug: searchAgencyNames.agencySlug, names: searchAgencyNames.names };

export async function listAgencyNames(db: Db): Promise<AgencyNames[]> {
  return db.select(agencyNameColumns).from(searchAgencyNames).orderBy(asc(searchAgencyNames.agencySlug));
}

/** Each agency's other names, by its slug, for the index. */
export async function readAgencyNames(db: Db): Promise<Map<string, string[]>> {
  return new Map((await listAgencyNames(db)).map((r) => [r.agencySlug, r.names]));
}

/** Gives an agency other names; undefined when it already has a row (change that one instead). */
export async function addAgencyNames(db: Db, agencySlug: string, names: string[]): Promise<AgencyNames | undefined> {
  const [row] = await db
    .insert(searchAgencyNames)
    .values({ agencySlug, names })
    .onConflictDoNothing({ target: searchAgencyNames.agencySlug })
    .returning(agencyNameColumns);
  if (row) await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return row;
}

export async function updateAgencyNames(db: Db, id: number, names: string[]): Promise<AgencyNames | undefined> {
  const [row] = await db
    .update(searchAgencyNames)
    .set({ names, updatedAt: new Date() })
    .where(eq(searchAgencyNames.id, id))
    .returning(agencyNameColumns);
  if (row) await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return row;
}

export async function deleteAgencyNames(db: Db, id: number): Promise<AgencyNames | undefined> {
  const [row] = await db.delete(searchAgencyNames).where(eq(searchAgencyNames.id, id)).returning(agencyNameColumns);
  if (row) await bumpVersion(db, SEARCH_SETTINGS_VERSION);
  return row;
}
