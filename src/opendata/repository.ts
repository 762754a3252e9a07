import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { bumpVersion } from "../platform/db/versions.js";
import { normalize } from "../platform/text/normalize.js";
import { dohaDate } from "../platform/time/doha.js";
import { OPENDATA_VERSION } from "./model.js";
import { datasets, resources } from "./tables.js";

export type Dataset = typeof datasets.$inferSelect;
export type Resource = typeof resources.$inferSelect;
export type DatasetInput = Omit<Dataset, "id" | "createdAt" | "updatedAt" | "generator">;

export interface DatasetWithResources extends Dataset {
  resources: Resource[];
}

export interface CatalogueFilters {
  q?: string | undefined;
  agency?: string | undefined;
  theme?: string | undefined;
  format?: string | undefined;
}

/** The words a dataset is found by: titles, descriptions and keywords of both languages, folded. */
const searchText = (d: Dataset) =>
  normalize([d.titleAr, d.titleEn, d.descriptionAr, d.descriptionEn, d.keywordsAr, d.keywordsEn, d.slug].join(" "));

async function withResources(db: Db, rows: Dataset[]): Promise<DatasetWithResources[]> {
  if (!rows.length) return [];
  const all = await db
    .select()
    .from(resources)
    .where(
      inArray(
        resources.datasetId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(resources.position));
  return rows.map((d) => ({ ...d, resources: all.filter((r) => r.datasetId === d.id) }));
}

/**
 * Published datasets matching the filters, most recently modified first. The
 * text search folds Arabic and English (hamza, taa marbuta, case, digits) and
 * wants every word; the catalogue is small enough to filter in memory.
 */
export async function searchDatasets(db: Db, f: CatalogueFilters = {}): Promise<DatasetWithResources[]> {
  const conditions: SQL[] = [eq(datasets.published, true)];
  if (f.agency) conditions.push(eq(datasets.agency, f.agency));
  if (f.theme) conditions.push(eq(datasets.theme, f.theme));
  const rows = await db
    .select()
    .from(datasets)
    .where(and(...conditions))
    .orderBy(desc(datasets.modified), asc(datasets.slug));
  const words = f.q ? normalize(f.q).split(/\s+/).filter(Boolean) : [];
  const found = words.length ? rows.filter((d) => words.every((w) => searchText(d).includes(w))) : rows;
  const full = await withResources(db, found);
  return f.format ? full.filter((d) => d.resources.some((r) => r.format === f.format)) : full;
}

/** A dataset by its address name, with its resources (published or not: callers decide who sees it). */
export async function findDataset(db: Db, slug: string): Promise<DatasetWithResources | undefined> {
  const [row] = await db.select().from(datasets).where(eq(datasets.slug, slug));
  if (!row) return undefined;
  return (await withResources(db, [row]))[0];
}

/** The datasets of these agencies (all for "all"), published or not, for the staff's list. */
export async function datasetsOf(db: Db, agencies: string[] | "all"): Promise<Dataset[]> {
  if (agencies !== "all" && agencies.length === 0) return [];
  return db
    .select()
    .from(datasets)
    .where(agencies === "all" ? undefined : inArray(datasets.agency, agencies))
    .orderBy(asc(datasets.slug));
}

/** The agencies that publish at least one dataset, with how many. */
export async function publishingAgencies(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ agency: datasets.agency }).from(datasets).where(eq(datasets.published, true));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1);
  return counts;
}

/** Adds a dataset; returns its id. */
export async function insertDataset(db: Db, input: DatasetInput, generator: string | null = null): Promise<string> {
  const id = randomUUID();
  await db.insert(datasets).values({ ...input, id, generator });
  await bumpVersion(db, OPENDATA_VERSION);
  return id;
}

/** Changes a dataset's metadata (its resources take its new title). */
export async function updateDataset(db: Db, id: string, input: DatasetInput): Promise<void> {
  await db
    .update(datasets)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(datasets.id, id));
  await db.update(resources).set({ nameAr: input.titleAr, nameEn: input.titleEn }).where(eq(resources.datasetId, id));
  await bumpVersion(db, OPENDATA_VERSION);
}

export interface ResourceInput {
  format: string;
  nameAr: string;
  nameEn: string;
  storageKey: string | null;
  sizeBytes: number | null;
  rowCount: number | null;
  position: number;
}

/**
 * Puts a dataset's resource of a format in place (replacing the one it had)
 * and marks the dataset's content modified on that day; the record itself
 * changed now (updatedAt), whatever day its data is from.
 */
export async function putResource(db: Db, datasetId: string, input: ResourceInput, modified: Date): Promise<void> {
  await db
    .insert(resources)
    .values({ ...input, id: randomUUID(), datasetId, modified })
    .onConflictDoUpdate({ target: [resources.datasetId, resources.format], set: { ...input, modified } });
  await db
    .update(datasets)
    .set({ modified: dohaDate(modified), updatedAt: new Date() })
    .where(eq(datasets.id, datasetId));
  await bumpVersion(db, OPENDATA_VERSION);
}
