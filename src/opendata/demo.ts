import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { slugSchema } from "../platform/http/slug.js";
import { fromRoot } from "../platform/paths.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { dohaMoment } from "../platform/time/doha.js";
import { checkCsv } from "./csv.js";
import { csvKey } from "./data.js";
import { generators } from "./generated.js";
import { COUNTRY_URI, frequencies, licenceIds, themes } from "./model.js";
import { insertDataset, putResource } from "./repository.js";
import type { Frequency } from "./tables.js";

const bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One entry of content/opendata/datasets.yaml. */
const demoDataset = z.object({
  slug: slugSchema({ words: true }),
  agency: z.string(),
  generator: z.enum(Object.keys(generators) as [keyof typeof generators]).optional(),
  theme: z.enum(themes),
  title: bilingual,
  description: bilingual,
  keywords: z.object({ ar: z.array(z.string()), en: z.array(z.string()) }),
  licence: z.enum(licenceIds as [string, ...string[]]),
  frequency: z.enum(frequencies as [Frequency, ...Frequency[]]),
  temporal: z.object({ start: day, end: day }).optional(),
  issued: day,
  modified: day.optional(),
  /** Its columns' names in each language (the file's header names stay as they are). */
  columns: z.array(z.object({ name: z.string().min(1), ar: z.string().min(1), en: z.string().min(1) })).default([]),
  /** The columns its chart shows: the period axis and the figures drawn over it. */
  chart: z.object({ period: z.string().min(1).optional(), values: z.array(z.string().min(1)) }).optional(),
});
export type DemoDataset = z.infer<typeof demoDataset>;

/** Reads the demo datasets and their CSV files from content/opendata/. */
export function loadOpenDataContent(dir = fromRoot("content/opendata")): { meta: DemoDataset; csv?: Buffer }[] {
  const list = z.array(demoDataset).parse(parseYaml(readFileSync(`${dir}/datasets.yaml`, "utf8")));
  return list.map((meta) => (meta.generator ? { meta } : { meta, csv: readFileSync(`${dir}/${meta.slug}.csv`) }));
}

async function insertDemo(db: Db, storage: FileStorage, content: { meta: DemoDataset; csv?: Buffer }[]) {
  for (const { meta, csv } of content) {
    const id = await insertDataset(
      db,
      {
        slug: meta.slug,
        agency: meta.agency,
        titleAr: meta.title.ar,
        titleEn: meta.title.en,
        descriptionAr: meta.description.ar,
        descriptionEn: meta.description.en,
        theme: meta.theme,
        keywordsAr: meta.keywords.ar.join(" | "),
        keywordsEn: meta.keywords.en.join(" | "),
        licence: meta.licence,
        frequency: meta.frequency,
        temporalStart: meta.temporal?.start ?? null,
        temporalEnd: meta.temporal?.end ?? null,
        spatialAr: "قطر",
        spatialEn: "Qatar",
        spatialUri: COUNTRY_URI,
        issued: meta.issued,
        modified: meta.modified ?? meta.issued,
        published: true,
        columnLabels: meta.columns,
        chart: meta.chart ?? null,
      },
      meta.generator ?? null,
    );
    const modified = dohaMoment(meta.modified ?? meta.issued, "08:00");
    const names = { nameAr: meta.title.ar, nameEn: meta.title.en };
    if (!csv) {
      await putResource(
        db,
        id,
        { ...names, format: "CSV", storageKey: null, sizeBytes: null, rowCount: null, position: 0 },
        modified,
      );
      await putResource(
        db,
        id,
        { ...names, format: "JSON", storageKey: null, sizeBytes: null, rowCount: null, position: 1 },
        modified,
      );
      continue;
    }
    const checked = await checkCsv(csv);
    if (!checked.ok)
      throw new Error(`content/opendata/${meta.slug}.csv: ${checked.problem.key} (line ${checked.problem.values?.line})`);
    const named = [
      ...meta.columns.map((c) => c.name),
      ...(meta.chart?.period ? [meta.chart.period] : []),
      ...(meta.chart?.values ?? []),
    ];
    const missing = named.filter((name) => !checked.table.columns.includes(name));
    if (missing.length)
      throw new Error(`content/opendata/datasets.yaml: ${meta.slug} names columns its file lacks: ${missing.join(", ")}`);
    const key = csvKey(meta.slug, modified);
    await storage.put(key, csv);
    const rowCount = checked.table.rows.length;
    await putResource(
      db,
      id,
      { ...names, format: "CSV", storageKey: key, sizeBytes: csv.byteLength, rowCount, position: 0 },
      modified,
    );
    await putResource(db, id, { ...names, format: "JSON", storageKey: key, sizeBytes: null, rowCount, position: 1 }, modified);
  }
}

/** Loads the demo open data catalogue into a database that has none (once, even with several instances). */
export function loadDemoOpenData(db: Db, storage: FileStorage, content = loadOpenDataContent()): Promise<boolean> {
  return runOnce(db, "demo-opendata", (tx) => insertDemo(tx, storage, content));
}
