import { readFileSync } from "node:fs";
import { asc } from "drizzle-orm";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { bumpVersion } from "../platform/db/versions.js";
import { fromRoot } from "../platform/paths.js";
import { docTypes } from "./documents.js";
import type { BestBet } from "./engine.js";
import { searchBestBets, searchSynonyms } from "./tables.js";

/** The change counter bumped when synonyms or best bets change. */
export const SEARCH_SETTINGS_VERSION = "search-settings";

const synonymsFile = z.array(z.array(z.string().min(1)).min(2));
const bestBetsFile = z.array(z.object({ query: z.string().min(1), type: z.enum(docTypes), slug: z.string().min(1) }).strict());

/** The synonym groups and best bets shipped in content/search/, checked. */
export function readSearchSettingsFiles(folder = fromRoot("content", "search")) {
  return {
    synonyms: synonymsFile.parse(parseYaml(readFileSync(`${folder}/synonyms.yaml`, "utf8"))),
    bestBets: bestBetsFile.parse(parseYaml(readFileSync(`${folder}/best-bets.yaml`, "utf8"))),
  };
}

/** Loads the shipped synonyms and best bets into an empty database, once; administrators edit them from there. */
export function loadSearchSettings(db: Db): Promise<boolean> {
  const { synonyms, bestBets } = readSearchSettingsFiles();
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
