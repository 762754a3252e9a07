import { z } from "zod";
import { ME_API_SCOPE } from "../idp/clients.js";

/** What every refused API call answers (the portal's error handler writes it), the message in the caller's language. */
export const apiError = z.object({
  error: z.object({
    status: z.number().int(),
    message: z.string(),
    details: z.unknown().optional(),
    reference: z.string().optional(),
  }),
});

/** The scope a token needs for the signed-in calls (/api/v1/me/*). */
export const ME_SCOPE = ME_API_SCOPE;

/** The security scheme's name in the OpenAPI document. */
export const SECURITY_SCHEME = "hukoomiOAuth";

export const bilingual = z.object({ ar: z.string(), en: z.string() });

const page = z.coerce.number().int().min(1).max(1000).default(1);
const pageSize = z.coerce.number().int().min(1).max(50).default(20);

/** The list parameters of the signed-in calls. */
export const mePageQuery = z.object({ page, pageSize, lang: z.enum(["ar", "en"]).optional() }).strict();
export type MePageQuery = z.infer<typeof mePageQuery>;
