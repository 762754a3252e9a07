import { z } from "zod";
import { slugPattern } from "../platform/http/slug.js";

/** Page sizes of the HTML lists. */
export const PAGE_SIZE = 20;
/** The most a list may be paged through; beyond it a refined search helps more than paging. */
export const MAX_PAGE = 5000;

export const slugSchema = z
  .string()
  .regex(slugPattern({ words: true }))
  .max(120);

/** A list page's query: page and filters. Unknown parameters (campaign tags…) are ignored; bad values are refused. */
export const listPageQuery = z.object({
  page: z.coerce
    .number({ message: "catalogue.errors.page" })
    .int("catalogue.errors.page")
    .min(1, "catalogue.errors.page")
    .max(MAX_PAGE, "catalogue.errors.page")
    .default(1),
  online: z.enum(["1"], { message: "catalogue.errors.filter" }).optional(),
  agency: z
    .union([z.literal(""), slugSchema])
    .optional()
    .transform((v) => v || undefined),
});

export const slugParams = z.object({ slug: slugSchema });

export const documentParams = z.object({ slug: slugSchema, document: slugSchema });

export const directoryQuery = z.object({
  q: z.string().max(100, "catalogue.errors.query").default(""),
  type: z
    .union([z.literal(""), z.enum(["ministry", "authority", "council", "public-company", "private-provider"])])
    .optional()
    .transform((v) => v || undefined),
});

export const newsQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
});
