import { z } from "zod";
import { foldDigits, stripControlCharacters } from "../../platform/text/clean.js";

/** A survey's address: lower-case words joined by hyphens. */
export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/) });

const errors = "participation.surveys.editor.errors";

const line = (max: number, key: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? stripControlCharacters(v).replace(/\s+/g, " ").trim() : ""),
    z.string().min(1, key).max(max, `${errors}.tooLong`),
  );
const block = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? stripControlCharacters(v).replace(/\r\n?/g, "\n").trim() : ""),
    z.string().max(max, `${errors}.tooLong`),
  );

/** The survey's own fields in the staff editor (the questions and dates are read beside it). */
export const surveyFormSchema = z.object({
  agency: z.string({ error: `${errors}.agency` }).min(1, `${errors}.agency`),
  "title-ar": line(200, `${errors}.titleAr`),
  "title-en": line(200, `${errors}.titleEn`),
  "intro-ar": block(4000),
  "intro-en": block(4000),
  anonymous: z.enum(["anonymous", "identified"], { error: `${errors}.anonymous` }),
  audience: z.enum(["any", "citizens", "residents"], { error: `${errors}.audience` }),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;

/** What the editor's buttons ask for. */
export const editorAction = z.enum(["save", "publish"]).catch("save");

/** Qatar keeps UTC+3 all year. */
const QATAR_OFFSET_MS = 3 * 3600_000;

const text = (form: Record<string, unknown>, name: string) => {
  const v = form[name];
  return typeof v === "string" ? foldDigits(v).trim() : "";
};

/**
 * A date and time typed in Qatar time (day, month, year boxes and an
 * optional HH:MM, `fallbackTime` when left empty) as a moment, or the
 * catalogue key of the problem.
 */
export function readDateTime(
  form: Record<string, unknown>,
  name: string,
  fallbackTime: string,
): { at: Date } | { problem: "missing" | "invalid" | "time" } {
  const [d, m, y] = ["day", "month", "year"].map((p) => text(form, `${name}-${p}`));
  if (!d || !m || !y) return { problem: "missing" };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { problem: "invalid" };
  const time = text(form, `${name}-time`) || fallbackTime;
  const hm = /^(\d{1,2})[:.٫](\d{2})$/.exec(time);
  if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) return { problem: "time" };
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d))
    return { problem: "invalid" };
  return { at: new Date(day.getTime() + (Number(hm[1]) * 60 + Number(hm[2])) * 60_000 - QATAR_OFFSET_MS) };
}

/** A moment as the editor's boxes show it, in Qatar time. */
export function dateTimeValues(name: string, at: Date): Record<string, string> {
  const q = new Date(at.getTime() + QATAR_OFFSET_MS);
  return {
    [`${name}-day`]: String(q.getUTCDate()),
    [`${name}-month`]: String(q.getUTCMonth() + 1),
    [`${name}-year`]: String(q.getUTCFullYear()),
    [`${name}-time`]: q.toISOString().slice(11, 16),
  };
}
