import { z } from "zod";
import { slugSchema } from "../catalogue/schemas.js";
import { stripControlCharacters } from "../platform/text/clean.js";
import { docTypes } from "./documents.js";

export const QUERY_MAX_LENGTH = 200;
export const RESULTS_PER_PAGE = 20;

const query = z
  .string({ message: "search.errors.query" })
  .default("")
  .transform((v) => stripControlCharacters(v).replace(/\s+/g, " ").trim())
  .pipe(z.string().max(QUERY_MAX_LENGTH, "search.errors.tooLong"));

const emptyAsUndefined = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .transform((v) => (v === "" ? undefined : v));

/** The results page's query string. Unknown parameters are ignored; bad values refused. Messages are catalogue keys. */
export const searchPageQuery = z.object({
  q: query,
  type: emptyAsUndefined(z.enum(docTypes, { message: "search.errors.filter" })),
  persona: emptyAsUndefined(slugSchema),
  agency: emptyAsUndefined(slugSchema),
  online: z.enum(["1"], { message: "search.errors.filter" }).optional(),
  page: z.coerce
    .number({ message: "search.errors.page" })
    .int("search.errors.page")
    .min(1, "search.errors.page")
    .max(50, "search.errors.page")
    .default(1),
});

/** GET /api/v1/search. Unknown parameters are refused. */
export const searchApiQuery = z
  .object({
    q: query,
    lang: z.enum(["ar", "en"]).optional(),
    type: z.enum(docTypes).optional(),
    persona: slugSchema.optional(),
    agency: slugSchema.optional(),
    online: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict();

export const suggestApiQuery = z.object({ q: query, lang: z.enum(["ar", "en"]).optional() }).strict();
