/** What each part of `npm run test:chaos` hands back: its Markdown table and the checks that failed. */
export interface PartResult {
  title: string;
  table: string;
  failures: string[];
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A whole number from the environment, or the default. */
export function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

/** A Markdown table of rows that share their keys. */
export function markdownTable(...rows: Record<string, string | number>[]): string {
  const heads = Object.keys(rows[0] ?? {});
  return [
    `| ${heads.join(" | ")} |`,
    `| ${heads.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${heads.map((h) => String(row[h])).join(" | ")} |`),
  ].join("\n");
}

/** Instances write only errors: an outage would otherwise fill the output with one warning per request. */
export const QUIET = { LOG_LEVEL: "error" };
