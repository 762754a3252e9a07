import { z } from "zod";
import { slugSchema } from "../../platform/http/slug.js";
import { stripControlCharacters } from "../../platform/text/clean.js";

/** A survey's address: lower-case words joined by hyphens. */
export const slugParams = z.object({ slug: slugSchema({ first: "alphanumeric", max: 81 }) });

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
