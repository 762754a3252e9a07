import { z } from "zod";
import { slugSchema } from "../../platform/http/slug.js";
import { foldDigits, stripControlCharacters } from "../../platform/text/clean.js";

/** The address name of a poll (/participate/polls/<slug>). */
export const slugParams = z.object({ slug: slugSchema({ first: "alphanumeric", max: 80 }) });

/** A vote: the chosen option ids (one radio, or several ticked boxes); checked against the poll by checkChoices. */
export const voteBody = z
  .object({ choice: z.union([z.string().max(100), z.array(z.string().max(100)).max(50)]).optional() })
  .catch({ choice: "" });
export type VoteBody = z.infer<typeof voteBody>;

/** A text box's value, cleaned; anything that is not one string (a repeated field) reads as empty. */
const field = z
  .string()
  .catch("")
  .transform((s) => stripControlCharacters(s).trim());
/** Digits of either script, as ASCII. */
const digits = field.transform(foldDigits);

/** The rows of option labels on the staff form (empty rows are ignored). */
export const OPTION_ROWS = 6;
export const optionRow = z.object({ ar: field, en: field });

/** The staff form for a poll: every field as typed (checked together by readPollForm). */
export const pollFormBody = z.object({
  agency: field,
  kind: field,
  questionAr: field,
  questionEn: field,
  descriptionAr: field,
  descriptionEn: field,
  multiple: field,
  maxChoices: digits,
  audience: field,
  showResults: field,
  "opens-day": digits,
  "opens-month": digits,
  "opens-year": digits,
  "opens-time": digits,
  "closes-day": digits,
  "closes-month": digits,
  "closes-year": digits,
  "closes-time": digits,
  action: z.enum(["draft", "publish"]).catch("draft"),
});
export type PollFormBody = z.infer<typeof pollFormBody>;
