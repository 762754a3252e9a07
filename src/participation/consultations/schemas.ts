import { z } from "zod";
import { type DateTimeProblem, readDohaDateTime } from "../../platform/http/date-time.js";
import { slugSchema } from "../../platform/http/slug.js";
import { stripControlCharacters } from "../../platform/text/clean.js";
import type { ConsultationInput, SectionInput } from "./repository.js";

/** Longest comment, in characters after clean-up. */
export const COMMENT_MAX_LENGTH = 2000;
/** Rows for sections on the staff form; empty rows are ignored. */
export const SECTION_ROWS = 6;
export const TITLE_MAX_LENGTH = 200;
export const SUMMARY_MAX_LENGTH = 1500;
export const HEADING_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 10_000;
export const RESPONSE_MAX_LENGTH = 10_000;

const M = "participation.consultations.errors";

/** Control characters removed, spaces at either end trimmed. */
const clean = (v: unknown) => (typeof v === "string" ? stripControlCharacters(v).trim() : "");

export const slugParams = z.object({ slug: slugSchema({ first: "alphanumeric", max: 81 }) });
export const commentParams = slugParams.extend({ id: z.uuid() });

/** A comment on one section of an open consultation. */
export const commentBody = z.object({
  section: z.uuid(),
  comment: z
    .unknown()
    .transform(clean)
    .pipe(z.string().min(1, `${M}.commentMissing`).max(COMMENT_MAX_LENGTH, `${M}.commentTooLong`)),
});

/** Banners after an action on the public page. */
export const pageQuery = z.object({
  commented: z.uuid().optional().catch(undefined),
  reported: z.enum(["1"]).optional().catch(undefined),
});

export const moderationBody = z.object({ decision: z.enum(["approve", "hide"]) });
export const moderationQuery = z.object({ done: z.enum(["approved", "hidden"]).optional().catch(undefined) });
export const staffQuery = z.object({
  done: z.enum(["created", "saved", "published", "closed", "responded"]).optional().catch(undefined),
});

/** The agency's response after closing: both languages required. */
export const responseBody = z.object({
  responseAr: z
    .unknown()
    .transform(clean)
    .pipe(z.string().min(1, `${M}.responseArMissing`).max(RESPONSE_MAX_LENGTH, `${M}.responseTooLong`)),
  responseEn: z
    .unknown()
    .transform(clean)
    .pipe(z.string().min(1, `${M}.responseEnMissing`).max(RESPONSE_MAX_LENGTH, `${M}.responseTooLong`)),
});

/** The section fields of row n, as the form names them. */
export const sectionField = (n: number, part: keyof SectionInput) => `s${n}-${part}`;

/** The names of every field of the staff form. */
export const formFields = [
  "agency",
  "titleAr",
  "titleEn",
  "summaryAr",
  "summaryEn",
  ...["opens", "closes"].flatMap((n) => [`${n}-day`, `${n}-month`, `${n}-year`, `${n}-time`]),
  ...Array.from({ length: SECTION_ROWS }, (_, i) =>
    (["headingAr", "headingEn", "bodyAr", "bodyEn"] as const).map((p) => sectionField(i + 1, p)),
  ).flat(),
];

/** What was typed, as strings (kept to show the form again). */
export type FormValues = Record<string, string>;

export function formValues(body: Record<string, unknown>): FormValues {
  return Object.fromEntries(formFields.map((f) => [f, typeof body[f] === "string" ? (body[f] as string) : ""]));
}

/**
 * The staff form: agency (one the person runs), title and summary in both
 * languages, opening and closing, and up to SECTION_ROWS sections (a row
 * with anything typed needs all four parts; at least one row). When
 * publishing, the closing must still be ahead.
 */
export function consultationForm(agencies: string[], options: { publish: boolean; now?: Date }) {
  return z.record(z.string(), z.unknown()).transform((body, ctx): ConsultationInput => {
    const v = formValues(body);
    const problem = (field: string, key: string, params?: Record<string, unknown>) =>
      ctx.addIssue({ code: "custom", path: [field], message: `${M}.${key}`, params });
    const text = (field: string, max: number, missing: string, tooLong: string, params?: Record<string, unknown>) => {
      const value = clean(v[field]);
      if (!value) problem(field, missing, params);
      else if (value.length > max) problem(field, tooLong, { ...params, max });
      return value;
    };
    if (!agencies.includes(v.agency ?? "")) problem("agency", "agency");
    const titleAr = text("titleAr", TITLE_MAX_LENGTH, "titleArMissing", "titleTooLong");
    const titleEn = text("titleEn", TITLE_MAX_LENGTH, "titleEnMissing", "titleTooLong");
    const summaryAr = text("summaryAr", SUMMARY_MAX_LENGTH, "summaryArMissing", "summaryTooLong");
    const summaryEn = text("summaryEn", SUMMARY_MAX_LENGTH, "summaryEnMissing", "summaryTooLong");
    const empty = (p: DateTimeProblem) => p === "missing" || p === "noTime";
    const opens = readDohaDateTime(v, "opens");
    if ("problem" in opens) problem("opens-day", empty(opens.problem) ? "opensMissing" : "opensInvalid");
    const closes = readDohaDateTime(v, "closes");
    const opensAt = "at" in opens ? opens.at : undefined;
    const closesAt = "at" in closes ? closes.at : undefined;
    if ("problem" in closes) problem("closes-day", empty(closes.problem) ? "closesMissing" : "closesInvalid");
    else if (opensAt && closesAt && closesAt <= opensAt) problem("closes-day", "closesBeforeOpens");
    else if (options.publish && closesAt && closesAt <= (options.now ?? new Date())) problem("closes-day", "closesPast");
    const sections: SectionInput[] = [];
    for (let n = 1; n <= SECTION_ROWS; n++) {
      const parts = ["headingAr", "headingEn", "bodyAr", "bodyEn"] as const;
      if (parts.every((p) => !clean(v[sectionField(n, p)]))) continue;
      const [headingAr, headingEn, bodyAr, bodyEn] = parts.map((p) =>
        text(
          sectionField(n, p),
          p.startsWith("heading") ? HEADING_MAX_LENGTH : BODY_MAX_LENGTH,
          `section.${p}Missing`,
          `section.${p.startsWith("heading") ? "heading" : "body"}TooLong`,
          { n },
        ),
      ) as [string, string, string, string];
      sections.push({ headingAr, headingEn, bodyAr, bodyEn });
    }
    if (sections.length === 0) problem(sectionField(1, "headingAr"), "sectionsMissing");
    return {
      agency: v.agency ?? "",
      titleAr,
      titleEn,
      summaryAr,
      summaryEn,
      opensAt: opensAt instanceof Date ? opensAt : new Date(0),
      closesAt: closesAt instanceof Date ? closesAt : new Date(0),
      sections,
    };
  });
}
