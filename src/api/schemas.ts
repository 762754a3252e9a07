import { z } from "zod";
import { normaliseDocumentCode } from "../documents/codes.js";
import { normaliseReference } from "../eservices/references.js";
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

/** A filter by an identifier, read as people type it (any case, spaces, dashes, Arabic-Indic digits). */
const identifierFilter = (read: (raw: string) => string | undefined, example: string) =>
  z
    .string()
    .max(40)
    .refine((v) => read(v) !== undefined, `Not a valid identifier, for example ${example}`)
    .optional()
    .meta({
      description: `Only this one, however it is typed (any case, spaces, dashes, Arabic-Indic digits), for example ${example}`,
    });

/** My requests: the list, or the one with this reference. */
export const meRequestsQuery = mePageQuery.extend({ reference: identifierFilter(normaliseReference, "HK-7KMD-3XQA") }).strict();
/** My documents: the list, or the one with this code. */
export const meDocumentsQuery = mePageQuery.extend({ code: identifierFilter(normaliseDocumentCode, "KQ7D-XA3M") }).strict();
