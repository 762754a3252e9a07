import { z } from "zod";
import { slugPattern } from "../platform/http/slug.js";
import { stripControlCharacters } from "../platform/text/clean.js";
import { formats, themes } from "./model.js";

/** Page size of the catalogue. */
export const PAGE_SIZE = 8;

export const slugSchema = z
  .string()
  .regex(slugPattern({ words: true }))
  .max(100);

export const slugParams = z.object({ slug: slugSchema });

/** A resource's download address: /opendata/<slug>/<format>. */
export const downloadParams = z.object({ slug: slugSchema, format: z.enum(["csv", "json"]) });

/** A filter's value: empty or absent for none, else one of the schema's values (refused with a message otherwise). */
const optionalChoice = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string({ message: "opendata.errors.filter" })
    .optional()
    .transform((v) => v || undefined)
    .pipe(schema.optional());

/** The catalogue's search and filters (a GET form). Unknown parameters are ignored; bad values are refused. */
export const catalogueQuery = z.object({
  q: z
    .string({ message: "opendata.errors.query" })
    .max(200, "opendata.errors.query")
    .default("")
    .transform((s) => stripControlCharacters(s).trim()),
  agency: optionalChoice(
    z
      .string()
      .regex(slugPattern({ words: true }), "opendata.errors.filter")
      .max(100, "opendata.errors.filter"),
  ),
  theme: optionalChoice(z.enum(themes, { message: "opendata.errors.filter" })),
  format: optionalChoice(z.enum(formats, { message: "opendata.errors.filter" })),
  page: z.coerce
    .number({ message: "opendata.errors.page" })
    .int("opendata.errors.page")
    .min(1, "opendata.errors.page")
    .max(1000, "opendata.errors.page")
    .default(1),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

/** Rows read for a dataset's page: enough for a chart; the preview table shows the first ten. */
export const CHART_ROWS = 36;
