import type { Db } from "../platform/db/client.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { dohaToday } from "../platform/time/doha.js";
import { readCsv } from "./csv.js";
import { generators, isGenerator } from "./generated.js";
import type { DataTable } from "./model.js";
import type { Dataset, DatasetWithResources } from "./repository.js";

/** Where an uploaded or demo CSV file is kept: a new key for every file, so a published one is never overwritten. */
export const csvKey = (slug: string, at: Date) => `opendata/${slug}/${at.getTime()}.csv`;

/** The day a dataset's content last changed: today for the ones generated from live data. */
export function modifiedOf(d: Pick<Dataset, "generator" | "modified">, now = new Date()): string {
  return d.generator ? dohaToday(now) : d.modified;
}

/**
 * The period a dataset covers: as its agency gave it, or, for one built from
 * live data, from its first publication to the day it was last modified.
 */
export function coverageOf(d: Pick<Dataset, "generator" | "issued" | "temporalStart" | "temporalEnd">, modified: string) {
  if (d.temporalStart && d.temporalEnd) return { start: d.temporalStart, end: d.temporalEnd };
  return d.generator ? { start: d.issued, end: modified } : undefined;
}

/**
 * A dataset's data: generated from the portal's live data, or read from its
 * CSV file in the storage (the first `limit` rows when given, for previews).
 * Undefined when it has no data yet.
 */
export async function tableOf(
  db: Db,
  storage: FileStorage,
  d: DatasetWithResources,
  limit?: number,
): Promise<DataTable | undefined> {
  if (isGenerator(d.generator)) {
    const table = await generators[d.generator](db);
    return limit ? { columns: table.columns, rows: table.rows.slice(0, limit) } : table;
  }
  const key = d.resources.find((r) => r.format === "CSV" && r.storageKey)?.storageKey;
  if (!key) return undefined;
  const bytes = await storage.get(key);
  return bytes ? readCsv(bytes.toString("utf8"), limit) : undefined;
}
