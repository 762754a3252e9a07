import type { Problem } from "../../forms/problems.js";
import { foldDigits } from "../../platform/text/clean.js";
import { type Language, languages, linesOf } from "../fields.js";
import type { BilingualText } from "../model.js";

/**
 * How a service centre's lines are written in the workspace's form, and read
 * back: the services it offers, one a line ("issue-id-card 10 4", and how many
 * visits one person may hold when more than one), and its holidays and
 * closures, one a line in each language ("2026-12-18 National Day").
 */

export interface OfferedLine {
  serviceSlug: string;
  minutes: number;
  counters: number;
  perPerson: number;
}

export interface ClosureLine {
  day: string;
  reason: BilingualText;
}

/** The weekdays' fields, Sunday first (the core's weekday 0 … 6). */
export const hoursFields = ["hoursSun", "hoursMon", "hoursTue", "hoursWed", "hoursThu", "hoursFri", "hoursSat"] as const;

const whole = (text: string | undefined, min: number, max: number): number | undefined => {
  if (text === undefined || !/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
};

/** A whole number of a field within its limits, or undefined. */
export function readWhole(text: string, min: number, max: number): number | undefined {
  return whole(foldDigits(text.trim()), min, max);
}

/** The services lines: what could be read, and the first line that could not (a problem on the field). */
export function readOffered(text: string): { offered: OfferedLine[]; problems: Problem[] } {
  const offered: OfferedLine[] = [];
  const problems: Problem[] = [];
  linesOf(text).forEach((line, i) => {
    const [slug, minutes, counters, perPerson, ...rest] = foldDigits(line).split(/\s+/);
    const read = {
      serviceSlug: (slug ?? "").toLowerCase(),
      minutes: whole(minutes, 5, 480),
      counters: whole(counters, 1, 200),
      perPerson: perPerson === undefined ? 1 : whole(perPerson, 1, 10),
    };
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(read.serviceSlug) || !read.minutes || !read.counters || !read.perPerson || rest.length) {
      problems.push({ field: "centreServices", key: "workspace.errors.centreServiceLine", values: { line: i + 1 } });
      return;
    }
    if (offered.some((o) => o.serviceSlug === read.serviceSlug)) {
      problems.push({
        field: "centreServices",
        key: "workspace.errors.centreServiceTwice",
        values: { service: read.serviceSlug },
      });
      return;
    }
    offered.push(read as OfferedLine);
  });
  return { offered, problems: problems.slice(0, 1) };
}

export function offeredText(offered: OfferedLine[]): string {
  return offered
    .map((o) => [o.serviceSlug, o.minutes, o.counters, ...(o.perPerson > 1 ? [o.perPerson] : [])].join(" "))
    .join("\n");
}

const realDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};

/** The closures of one language: day → reason; a problem for the first line that is not "YYYY-MM-DD reason". */
function readClosuresIn(text: string, lang: Language): { days: Map<string, string>; problem?: Problem } {
  const days = new Map<string, string>();
  const lines = linesOf(text);
  for (const [i, line] of lines.entries()) {
    const m = /^(\S+)\s+(.+)$/.exec(line);
    const day = m ? foldDigits(m[1] as string) : "";
    if (!m || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !realDay(day) || days.has(day)) {
      return {
        days,
        problem: {
          field: `closures-${lang}`,
          key: "workspace.errors.centreClosureLine",
          values: { line: i + 1, language: { key: `workspace.form.language.${lang}` } },
        },
      };
    }
    days.set(day, (m[2] as string).trim());
  }
  return { days };
}

/** Both languages' closure lines, which must name the same days. */
export function readClosures(text: BilingualText): { closures: ClosureLine[]; problems: Problem[] } {
  const read = languages.map((lang) => readClosuresIn(text[lang], lang));
  const problems = read.flatMap((r) => (r.problem ? [r.problem] : []));
  if (problems.length) return { closures: [], problems };
  const [ar, en] = read.map((r) => r.days) as [Map<string, string>, Map<string, string>];
  if (ar.size !== en.size || [...ar.keys()].some((d) => !en.has(d)))
    return { closures: [], problems: [{ field: "closures-en", key: "workspace.errors.centreClosureDays" }] };
  const closures = [...ar.keys()].sort().map((day) => ({ day, reason: { ar: ar.get(day) ?? "", en: en.get(day) ?? "" } }));
  return { closures, problems: [] };
}

export function closuresText(closures: ClosureLine[]): BilingualText {
  return {
    ar: closures.map((c) => `${c.day} ${c.reason.ar}`).join("\n"),
    en: closures.map((c) => `${c.day} ${c.reason.en}`).join("\n"),
  };
}
