import { z } from "zod";
import { stripControlCharacters } from "../platform/text/clean.js";

export const QUERY_MAX_LENGTH = 200;

/** The search page's query string. Messages are catalogue keys. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .default("")
    .transform((v) => stripControlCharacters(v).replace(/\s+/g, " ").trim())
    .pipe(z.string().max(QUERY_MAX_LENGTH, "search.errors.tooLong")),
});
