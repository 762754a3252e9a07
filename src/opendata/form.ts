import type { Problem } from "../forms/problems.js";
import { MAX_SERIES } from "../platform/design/Chart.js";
import type { IncomingFile } from "../platform/http/multipart.js";
import { slugPattern } from "../platform/http/slug.js";
import { stripControlCharacters } from "../platform/text/clean.js";
import { checkCsv } from "./csv.js";
import { type ChartChoice, COUNTRY_URI, type ColumnLabel, type DataTable, frequencies, licenceIds, themes } from "./model.js";
import type { Dataset, DatasetInput } from "./repository.js";
import type { Frequency } from "./tables.js";
import { isNumericColumn, isPeriodColumn } from "./views/Chart.js";

/** The staff form's fields as typed. */
export interface DatasetFormValues {
  slug: string;
  agency: string;
  titleAr: string;
  titleEn: string;
  descriptionAr: string;
  descriptionEn: string;
  theme: string;
  keywordsAr: string;
  keywordsEn: string;
  licence: string;
  frequency: string;
  temporalStart: string;
  temporalEnd: string;
  published: boolean;
  /** The file's columns with their names in each language as typed (none before a file is saved). */
  columns: ColumnLabel[];
  /** The chart's column of periods ("": the first one). */
  chartPeriod: string;
  /** The columns the chart draws (none: chosen automatically). */
  chartValues: string[];
}

export interface DatasetFormResult {
  values: DatasetFormValues;
  problems: Problem[];
  input?: Omit<DatasetInput, "issued" | "modified">;
  /** The checked CSV file, when one was sent. */
  csv?: { bytes: Buffer; table: DataTable; neutralised: number };
}

const text = (v: unknown) => (typeof v === "string" ? stripControlCharacters(v).trim() : "");
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = slugPattern({ words: true });
const list = (s: string) =>
  s
    .split(/[,،|]/)
    .map((k) => k.trim())
    .filter(Boolean)
    .join(" | ");

/** The longest name a column may be given. */
export const MAX_COLUMN_LABEL = 100;

/** Each of the file's columns with the names its publisher gave it (blank where none). */
export const labelsFor = (columns: readonly string[], labels: readonly ColumnLabel[]): ColumnLabel[] =>
  columns.map((name) => {
    const l = labels.find((x) => x.name === name);
    return { name, ar: l?.ar ?? "", en: l?.en ?? "" };
  });

/** The form's values for a dataset; `columns` are its file's header names. */
export function valuesOf(d: Dataset, columns: readonly string[] = []): DatasetFormValues {
  return {
    slug: d.slug,
    agency: d.agency,
    titleAr: d.titleAr,
    titleEn: d.titleEn,
    descriptionAr: d.descriptionAr,
    descriptionEn: d.descriptionEn,
    theme: d.theme,
    keywordsAr: d.keywordsAr.split(" | ").join("، "),
    keywordsEn: d.keywordsEn.split(" | ").join(", "),
    licence: d.licence,
    frequency: d.frequency,
    temporalStart: d.temporalStart ?? "",
    temporalEnd: d.temporalEnd ?? "",
    published: d.published,
    columns: labelsFor(columns, d.columnLabels),
    chartPeriod: d.chart?.period ?? "",
    chartValues: d.chart?.values ?? [],
  };
}

export const blankValues = (agency = ""): DatasetFormValues => ({
  slug: "",
  agency,
  titleAr: "",
  titleEn: "",
  descriptionAr: "",
  descriptionEn: "",
  theme: "",
  keywordsAr: "",
  keywordsEn: "",
  licence: "cc-by-4.0",
  frequency: "",
  temporalStart: "",
  temporalEnd: "",
  published: false,
  columns: [],
  chartPeriod: "",
  chartValues: [],
});

/**
 * Reads and checks the whole staff form, the CSV file included, before
 * anything is written. `existing` is the dataset being edited (its address
 * name and agency stay); a new dataset needs a file. `table` reads the
 * existing dataset's data, against which the column names and the chart's
 * columns are checked unless a new file is sent; the form's column fields
 * (columnName, columnAr, columnEn, chartPeriod, chartValues) are read when
 * it lists the columns, else the dataset keeps its own.
 */
export async function readDatasetForm(
  fields: Record<string, string | string[]>,
  file: IncomingFile | undefined,
  o: { agencies: string[]; existing?: Dataset | undefined; table?: () => Promise<DataTable | undefined> },
): Promise<DatasetFormResult> {
  const f = (name: string) => text(Array.isArray(fields[name]) ? "" : fields[name]);
  const many = (name: string) => {
    const v = fields[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text);
  };
  const listed = "columnName" in fields;
  const [ars, ens] = [many("columnAr"), many("columnEn")];
  const values: DatasetFormValues = {
    slug: o.existing?.slug ?? f("slug").toLowerCase(),
    agency: o.existing?.agency ?? f("agency"),
    titleAr: f("titleAr"),
    titleEn: f("titleEn"),
    descriptionAr: f("descriptionAr"),
    descriptionEn: f("descriptionEn"),
    theme: f("theme"),
    keywordsAr: f("keywordsAr"),
    keywordsEn: f("keywordsEn"),
    licence: f("licence"),
    frequency: f("frequency"),
    temporalStart: f("temporalStart"),
    temporalEnd: f("temporalEnd"),
    published: f("published") === "1",
    columns: listed ? many("columnName").map((name, i) => ({ name, ar: ars[i] ?? "", en: ens[i] ?? "" })) : [],
    chartPeriod: listed ? f("chartPeriod") : (o.existing?.chart?.period ?? ""),
    chartValues: listed ? [...new Set(many("chartValues").filter(Boolean))] : (o.existing?.chart?.values ?? []),
  };
  const problems: Problem[] = [];
  const need = (field: keyof DatasetFormValues, ok: boolean, key: string) => {
    if (!ok) problems.push({ field, key: `opendata.workspace.errors.${key}` });
  };
  if (!o.existing) {
    need("slug", SLUG.test(values.slug) && values.slug.length <= 80, "slug");
    need("agency", o.agencies.includes(values.agency), "agency");
  }
  need("titleAr", values.titleAr.length > 0 && values.titleAr.length <= 200, "titleAr");
  need("titleEn", values.titleEn.length > 0 && values.titleEn.length <= 200, "titleEn");
  need("descriptionAr", values.descriptionAr.length > 0 && values.descriptionAr.length <= 4000, "descriptionAr");
  need("descriptionEn", values.descriptionEn.length > 0 && values.descriptionEn.length <= 4000, "descriptionEn");
  need("theme", (themes as readonly string[]).includes(values.theme), "theme");
  need("licence", (licenceIds as string[]).includes(values.licence), "licence");
  need("frequency", (frequencies as readonly string[]).includes(values.frequency), "frequency");
  const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
  need("temporalStart", !values.temporalStart || validDay(values.temporalStart), "day");
  need("temporalEnd", !values.temporalEnd || validDay(values.temporalEnd), "day");
  if (validDay(values.temporalStart) && validDay(values.temporalEnd) && values.temporalEnd < values.temporalStart)
    problems.push({ field: "temporalEnd", key: "opendata.workspace.errors.period" });

  let csv: DatasetFormResult["csv"];
  if (file) {
    const checked = await checkCsv(file.data, file.truncated);
    if (checked.ok)
      csv = {
        // What is stored is what was checked: with formulas neutralised, the file as rewritten.
        bytes: checked.neutralised.cells ? Buffer.from(checked.text, "utf8") : file.data,
        table: checked.table,
        neutralised: checked.neutralised.cells,
      };
    else problems.push({ field: "file", ...checked.problem });
  } else if (!o.existing) problems.push({ field: "file", key: "opendata.upload.errors.missing" });

  // The columns are those of the file sent, else of the one the dataset has.
  const fileRefused = problems.some((p) => p.field === "file");
  // A form that neither lists the columns nor sends a file leaves them as they are (and the file unread).
  const keep = !listed && !csv;
  const check = !fileRefused && !keep;
  const table = csv?.table ?? (listed && o.existing && !fileRefused ? await o.table?.() : undefined);
  if (table && !listed) values.columns = labelsFor(table.columns, o.existing?.columnLabels ?? []);
  values.columns.forEach((c, i) => {
    for (const lang of ["Ar", "En"] as const)
      if (c[lang === "Ar" ? "ar" : "en"].length > MAX_COLUMN_LABEL)
        problems.push({
          field: `column${lang}-${i + 1}`,
          key: "opendata.workspace.errors.columnLabel",
          values: { column: c.name, max: MAX_COLUMN_LABEL },
        });
  });
  const columns = table?.columns ?? [];
  if (values.chartPeriod && check) {
    const i = columns.indexOf(values.chartPeriod);
    if (i < 0)
      problems.push({
        field: "chartPeriod",
        key: "opendata.workspace.errors.chartUnknown",
        values: { column: values.chartPeriod },
      });
    else if (table && !isPeriodColumn(table, i))
      problems.push({
        field: "chartPeriod",
        key: "opendata.workspace.errors.chartNotPeriod",
        values: { column: values.chartPeriod },
      });
  }
  const chartValues = values.chartValues.filter((c) => c !== values.chartPeriod);
  for (const column of check ? chartValues : []) {
    const i = columns.indexOf(column);
    if (i < 0) problems.push({ field: "chartValues", key: "opendata.workspace.errors.chartUnknown", values: { column } });
    else if (table && !isNumericColumn(table, i))
      problems.push({ field: "chartValues", key: "opendata.workspace.errors.chartNotNumeric", values: { column } });
  }
  if (check && chartValues.length > MAX_SERIES)
    problems.push({ field: "chartValues", key: "opendata.workspace.errors.chartTooMany", values: { max: MAX_SERIES } });
  const columnLabels = keep
    ? (o.existing?.columnLabels ?? [])
    : values.columns.filter((c) => columns.includes(c.name) && (c.ar || c.en));
  const chart: ChartChoice | null = keep
    ? (o.existing?.chart ?? null)
    : values.chartPeriod || chartValues.length
      ? { ...(values.chartPeriod ? { period: values.chartPeriod } : {}), values: chartValues }
      : null;

  if (problems.length) return { values, problems };
  return {
    values,
    problems,
    ...(csv ? { csv } : {}),
    input: {
      slug: values.slug,
      agency: values.agency,
      titleAr: values.titleAr,
      titleEn: values.titleEn,
      descriptionAr: values.descriptionAr,
      descriptionEn: values.descriptionEn,
      theme: values.theme,
      keywordsAr: list(values.keywordsAr),
      keywordsEn: list(values.keywordsEn),
      licence: values.licence,
      frequency: values.frequency as Frequency,
      temporalStart: values.temporalStart || null,
      temporalEnd: values.temporalEnd || null,
      spatialAr: o.existing?.spatialAr ?? "قطر",
      spatialEn: o.existing?.spatialEn ?? "Qatar",
      spatialUri: o.existing?.spatialUri ?? COUNTRY_URI,
      published: values.published,
      columnLabels,
      chart,
    },
  };
}
