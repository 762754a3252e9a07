import { z } from "zod";
import { staffRoles } from "../accounts/model.js";
import { agencyTypes } from "../catalogue/model.js";
import { slugPattern as slugPatternOf, slugSchema } from "../platform/http/slug.js";
import { foldDigits, stripControlCharacters } from "../platform/text/clean.js";
import { bestBetTypes } from "../search/service.js";

/** Control characters removed, spaces at either end trimmed; anything that is not one string reads as empty. */
const clean = (v: unknown) => (typeof v === "string" ? stripControlCharacters(v).trim() : "");

/** A required text of at most `max` characters; `key` names the message for a missing or too long answer. */
const text = (key: string, max: number) => z.unknown().optional().transform(clean).pipe(z.string().min(1, key).max(max, key));

/** A whole number typed in either script. */
const wholeNumber = (key: string, min: number, max: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => foldDigits(clean(v)))
    .pipe(z.string().regex(/^\d{1,6}$/, key))
    .transform(Number)
    .pipe(z.number().int(key).min(min, key).max(max, key));

const slugPattern = slugPatternOf({ words: true });
/** The address name of a new agency or term: lower-case Latin letters, digits and hyphens. */
const newSlug = (key: string) =>
  z
    .unknown()
    .optional()
    .transform((v) => clean(v).toLowerCase())
    .pipe(z.string().min(2, key).max(80, key).regex(slugPattern, key));
/** A slug chosen from a list, or nothing. */
const optionalSlug = (key: string) =>
  z
    .unknown()
    .optional()
    .transform(clean)
    .pipe(z.union([z.literal(""), z.string().max(80).regex(slugPattern, key)]));

/** An address naming one object: anything else is simply not found. */
export const slugParams = z.object({ slug: z.string().regex(slugPattern).max(80) });
export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const userParams = z.object({ id: z.uuid() });

/** The kinds of taxonomy, as they appear in addresses. */
export const termKindPaths = { categories: "category", personas: "persona", "life-events": "lifeEvent" } as const;
export type TermKindPath = keyof typeof termKindPaths;
export const termKindParams = z.object({
  kind: z.enum(Object.keys(termKindPaths) as [TermKindPath, ...TermKindPath[]]),
});
export const termParams = termKindParams.extend({ slug: z.string().regex(slugPattern).max(80) });

const A = "admin.agencies.errors";

/** An agency's fields on the administrators' form (the slug only when creating). */
export const agencyBody = z.object({
  type: z.enum(agencyTypes, `${A}.type`),
  parent: optionalSlug(`${A}.parent`),
  nameAr: text(`${A}.nameAr`, 200),
  nameEn: text(`${A}.nameEn`, 200),
  shortNameAr: text(`${A}.shortNameAr`, 80),
  shortNameEn: text(`${A}.shortNameEn`, 80),
  descriptionAr: text(`${A}.descriptionAr`, 2000),
  descriptionEn: text(`${A}.descriptionEn`, 2000),
  website: z
    .unknown()
    .optional()
    .transform(clean)
    .pipe(z.url({ protocol: /^https?$/, message: `${A}.website` }).max(300, `${A}.website`)),
  phone: z
    .unknown()
    .optional()
    .transform((v) => foldDigits(clean(v)))
    .pipe(z.string().regex(/^\+?[0-9][0-9 ]{3,18}$/, `${A}.phone`)),
  email: z
    .unknown()
    .optional()
    .transform((v) => clean(v).toLowerCase())
    .pipe(z.email(`${A}.email`).max(200, `${A}.email`)),
  addressAr: text(`${A}.addressAr`, 300),
  addressEn: text(`${A}.addressEn`, 300),
  openingHoursAr: text(`${A}.openingHoursAr`, 300),
  openingHoursEn: text(`${A}.openingHoursEn`, 300),
  latitude: z
    .unknown()
    .optional()
    .transform((v) => foldDigits(clean(v)))
    .pipe(z.string().regex(/^-?\d{1,2}(\.\d{1,8})?$/, `${A}.latitude`))
    .transform(Number)
    .pipe(z.number().min(-90, `${A}.latitude`).max(90, `${A}.latitude`)),
  longitude: z
    .unknown()
    .optional()
    .transform((v) => foldDigits(clean(v)))
    .pipe(z.string().regex(/^-?\d{1,3}(\.\d{1,8})?$/, `${A}.longitude`))
    .transform(Number)
    .pipe(z.number().min(-180, `${A}.longitude`).max(180, `${A}.longitude`)),
});
export const newAgencyBody = agencyBody.extend({ slug: newSlug(`${A}.slug`) });
export type AgencyBody = z.infer<typeof agencyBody>;

const T = "admin.terms.errors";

/** A category, persona or life event on the administrators' form (the slug only when creating). */
export const termBody = z.object({
  nameAr: text(`${T}.nameAr`, 150),
  nameEn: text(`${T}.nameEn`, 150),
  descriptionAr: text(`${T}.descriptionAr`, 1000),
  descriptionEn: text(`${T}.descriptionEn`, 1000),
  parent: optionalSlug(`${T}.parent`),
  position: wholeNumber(`${T}.position`, 0, 9999),
});
export const newTermBody = termBody.extend({ slug: newSlug(`${T}.slug`) });

const S = "admin.staff.errors";

/** Finding a person by the email they sign in with. */
export const findPersonQuery = z.object({
  email: z
    .unknown()
    .optional()
    .transform((v) => clean(v).toLowerCase())
    .pipe(z.union([z.literal(""), z.email(`${S}.email`).max(200, `${S}.email`)])),
});

/** Granting or revoking a role: the role, and the agency unless it is the portal administrator's. */
export const roleBody = z
  .object({
    role: z.enum(staffRoles, `${S}.role`),
    agency: optionalSlug(`${S}.agency`),
  })
  .superRefine((v, ctx) => {
    if (v.role !== "admin" && !v.agency) ctx.addIssue({ code: "custom", path: ["agency"], message: `${S}.agency` });
  })
  .transform((v) => ({ role: v.role, agency: v.role === "admin" ? undefined : v.agency }));

const H = "admin.highlights.errors";

/** A home page highlight: a service, or a link to a page of the portal. */
export const highlightBody = z
  .object({
    kind: z.enum(["service", "link"], `${H}.kind`),
    service: optionalSlug(`${H}.service`),
    path: z
      .unknown()
      .optional()
      .transform(clean)
      .pipe(
        z.union([
          z.literal(""),
          z
            .string()
            .max(200, `${H}.path`)
            .regex(/^\/(?!\/)[A-Za-z0-9\-._~/?=&#%]*$/, `${H}.path`),
        ]),
      ),
    titleAr: text(`${H}.titleAr`, 120),
    titleEn: text(`${H}.titleEn`, 120),
    position: wholeNumber(`${H}.position`, 0, 9999),
    active: z
      .unknown()
      .optional()
      .transform((v) => v === "1"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "service" && !v.service) ctx.addIssue({ code: "custom", path: ["service"], message: `${H}.service` });
    if (v.kind === "link" && !v.path) ctx.addIssue({ code: "custom", path: ["path"], message: `${H}.path` });
  });
export type HighlightBody = z.infer<typeof highlightBody>;

const Q = "admin.search.errors";

/** A synonym group: one expression per line (or separated by commas), at least two different ones. */
export const synonymBody = z.object({
  terms: z
    .unknown()
    .optional()
    .transform((v) => [
      ...new Set(
        clean(v)
          .split(/[\n,،]+/)
          .map((t) => t.trim().replace(/\s+/g, " "))
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(60, `${Q}.termTooLong`))
        .min(2, `${Q}.terms`)
        .max(20, `${Q}.terms`),
    ),
});

/** One expression per line (or separated by commas), without repeats. */
const expressions = (v: unknown) => [
  ...new Set(
    clean(v)
      .split(/[\n,،]+/)
      .map((t) => t.trim().replace(/\s+/g, " "))
      .filter(Boolean),
  ),
];

/** An agency's other names: what people call it, one per line, at least one. */
export const agencyNamesBody = z.object({
  names: z
    .unknown()
    .optional()
    .transform(expressions)
    .pipe(
      z
        .array(z.string().max(100, `${Q}.nameTooLong`))
        .min(1, `${Q}.names`)
        .max(30, `${Q}.names`),
    ),
});

/** A new row of other names: which agency, and its names. */
export const newAgencyNamesBody = agencyNamesBody.extend({
  agency: z
    .unknown()
    .optional()
    .transform(clean)
    .pipe(slugSchema({ message: `${Q}.agency` })),
});

/** A best bet: a query and the result pinned to the top for it. */
export const bestBetBody = z.object({
  query: text(`${Q}.query`, 100),
  type: z.enum(bestBetTypes, `${Q}.type`),
  slug: z
    .unknown()
    .optional()
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, `${Q}.slug`)
        .max(120, `${Q}.slug`)
        .regex(slugPatternOf({ first: "alphanumeric", slashes: true }), `${Q}.slug`),
    ),
});

/** Banners after a change (the page says what was done). */
export const notices = ["created", "saved", "deleted", "granted", "revoked", "disabled", "enabled"] as const;
export type Notice = (typeof notices)[number];
export const doneQuery = z.object({ done: z.enum(notices).optional().catch(undefined) }).catch({ done: undefined });

/** Turning an account off or on again. */
export const accountStateBody = z.object({ state: z.enum(["disabled", "enabled"], "admin.staff.errors.state") });

/** Allowing an agency to publish with its one approver (a reason is required), or withdrawing that. */
export const singleApproverBody = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("allow"),
    reason: z
      .string({ message: "admin.agencies.fourEyes.errors.reason" })
      .transform(clean)
      .pipe(z.string().min(10, "admin.agencies.fourEyes.errors.reason").max(500, "admin.agencies.fourEyes.errors.reason")),
  }),
  z.object({ action: z.literal("withdraw") }),
]);
