/** CSV documents that spreadsheets open safely (shared by every export and download). */

/** Excel reads a file as UTF-8 (Arabic intact) when it starts with the byte order mark. */
const BOM = "\uFEFF";

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line
 * break, quotes doubled. Text that a spreadsheet would take for a formula
 * (starting with = + - @, or a tab or carriage return) is given a leading
 * apostrophe, so it is shown and never run. Numbers the portal wrote are
 * left as numbers.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to a CSV document: fields joined by commas, records by CRLF, with the BOM first. */
export function csvDocument(rows: (string | number)[][]): string {
  return `${BOM}${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
