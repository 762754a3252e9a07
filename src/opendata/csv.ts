import { CsvError, parse } from "csv-parse/sync";
import type { Refusal } from "../forms/problems.js";
import { checkUpload } from "../forms/upload.js";
import { type DataTable, MAX_CSV_BYTES } from "./model.js";

export type CsvCheck =
  | {
      ok: true;
      table: DataTable;
      text: string;
      /** Cells a spreadsheet would have run as formulas, now starting with an apostrophe; and the first one's line. */
      neutralised: { cells: number; firstLine?: number };
    }
  /** Why the file was refused: a catalogue key and, where it applies, the line that is wrong (values.line). */
  | { ok: false; problem: Refusal };

/** A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage return, and is not a plain number (or a lone sign). */
export function isFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) && !/^[-+]?(?:\d[\d,]*(?:\.\d+)?%?)?$/.test(value);
}

/**
 * Neutralises formulas on the way in (OWASP's CSV injection advice): a cell
 * a spreadsheet would run gets an apostrophe in front, so the stored file,
 * its CSV and JSON downloads and its preview show the text and never run it.
 */
function neutraliseFormulas(rows: string[][]): { rows: string[][]; cells: number; firstLine?: number } {
  let cells = 0;
  let firstLine: number | undefined;
  const out = rows.map((row, i) =>
    row.map((value) => {
      if (!isFormula(value)) return value;
      cells++;
      firstLine ??= i + 2;
      return `'${value}`;
    }),
  );
  return { rows: out, cells, ...(firstLine === undefined ? {} : { firstLine }) };
}

const BOM = "\uFEFF";

/** The 1-based line of the first byte sequence that is not UTF-8, or undefined when all of it is. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return undefined;
}

/**
 * Checks a CSV file fully before anything is stored: at most 50 MB, UTF-8
 * (a byte order mark is accepted and removed), a header row of non-empty,
 * unique names, at least one row, and every row as long as the header.
 * Returns the table, or the first problem with its line number.
 */
export async function checkCsv(bytes: Uint8Array, truncated = false): Promise<CsvCheck> {
  // Any content may be a CSV file: the one upload check looks at its size here, what follows at its text.
  const upload = await checkUpload({ data: bytes, truncated }, { maxBytes: MAX_CSV_BYTES });
  if ("refused" in upload)
    return {
      ok: false,
      problem: { key: upload.refused === "empty" ? "opendata.upload.errors.empty" : "opendata.upload.errors.tooLarge" },
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { key: "opendata.upload.errors.notUtf8", values: { line: firstInvalidUtf8Line(bytes) ?? 1 } } };
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      const key =
        error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
          ? "opendata.upload.errors.ragged"
          : "opendata.upload.errors.malformed";
      return { ok: false, problem: { key, values: { line } } };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problem: { key: "opendata.upload.errors.empty" } };
  const columns = header.map((h) => h.trim());
  if (columns.some((c) => c === ""))
    return { ok: false, problem: { key: "opendata.upload.errors.emptyHeader", values: { line: 1 } } };
  if (new Set(columns).size !== columns.length)
    return { ok: false, problem: { key: "opendata.upload.errors.duplicateHeader", values: { line: 1 } } };
  if (rows.length === 0) return { ok: false, problem: { key: "opendata.upload.errors.noRows", values: { line: 2 } } };
  if (columns.some(isFormula))
    return { ok: false, problem: { key: "opendata.upload.errors.formulaHeader", values: { line: 1 } } };
  const safe = neutraliseFormulas(rows);
  const table = { columns, rows: safe.rows };
  const neutralised = { cells: safe.cells, ...(safe.firstLine === undefined ? {} : { firstLine: safe.firstLine }) };
  return { ok: true, table, text: safe.cells ? toCsv(table) : text, neutralised };
}

/** Reads a stored CSV file (already checked) into a table; at most `limit` rows when given. */
export function readCsv(text: string, limit?: number): DataTable {
  const records = parse(text.startsWith(BOM) ? text.slice(1) : text, {
    skip_empty_lines: true,
    relax_column_count: true,
    ...(limit ? { to_line: limit + 1 } : {}),
  }) as string[][];
  const [header = [], ...rows] = records;
  return { columns: header.map((h) => h.trim()), rows };
}

/**
 * A cell as CSV: quoted when it holds a comma, a quote or a line break (RFC
 * 4180); text a spreadsheet would run as a formula (=, +, -, @ first, and not
 * a number) gets an apostrophe in front.
 */
function cell(raw: string): string {
  const value = isFormula(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A table as CSV text (RFC 4180, CRLF line ends, UTF-8 with a byte order mark so spreadsheets read Arabic, formulas neutralised). */
export function toCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((r) => r.map(cell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** A table as JSON records: one object per row, keyed by column name; plain numbers as numbers. */
export function toRecords(table: DataTable): Record<string, string | number>[] {
  const value = (v: string) => (/^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/.test(v) ? Number(v) : v);
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, value(r[i] ?? "")])));
}
