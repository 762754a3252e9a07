import { z } from "zod";
import { serviceFactsSchema } from "../../forms/engine/facts.js";
import { slugSchema } from "../../platform/http/slug.js";
import { agencyTypes, channels, maturities } from "../model.js";

/**
 * The shape of the catalogue's content files (content/catalogue/): the
 * vocabularies, and one file per agency holding the agency and its services,
 * every text in Arabic and English.
 */
const slug = slugSchema({ words: true, message: "slugs are lower-case words joined by hyphens" });
const arabic = z
  .string()
  .trim()
  .min(1)
  .regex(/\p{Script=Arabic}/u, "Arabic text must contain Arabic letters");
const english = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/\p{Script=Arabic}/u.test(s), "English text must not contain Arabic letters");
export const bilingual = z.object({ ar: arabic, en: english }).strict();
const bilingualList = z.object({ ar: z.array(arabic).min(1), en: z.array(english).min(1) }).strict();

export const termSchema = z.object({ slug, parent: slug.optional(), name: bilingual, description: bilingual }).strict();
export const termsSchema = z.array(termSchema).min(1);

export const documentSchema = z.object({ slug, title: bilingual }).strict();

export const serviceSchema = z
  .object({
    slug,
    title: bilingual,
    summary: bilingual,
    personas: z.array(slug).min(1),
    categories: z.array(slug).min(1),
    lifeEvents: z.array(slug).default([]),
    maturity: z.enum(maturities),
    /** Where "Start now" leads: the agency's own portal or app, or an e-service run by this portal. */
    start: z
      .union([z.object({ url: z.url({ protocol: /^https$/ }) }).strict(), z.object({ eservice: slug }).strict()])
      .optional(),
    channels: z.array(z.enum(channels)).min(1),
    description: bilingual,
    eligibility: bilingual,
    requirements: bilingualList,
    steps: bilingualList,
    fees: bilingual,
    processingTime: bilingual,
    /** The facts stated once, which the page shows and the e-service (when there is one) must agree with. */
    facts: serviceFactsSchema.optional(),
    /** An "easy read" summary for key services: short, plain sentences, at most a dozen. */
    easyRead: z
      .object({ ar: z.array(arabic).min(1).max(12), en: z.array(english).min(1).max(12) })
      .strict()
      .optional(),
    documents: z.array(documentSchema).default([]),
    related: z.array(slug).default([]),
    keywords: z
      .object({ ar: z.array(arabic), en: z.array(english) })
      .strict()
      .default({ ar: [], en: [] }),
    popularity: z.number().int().min(0).max(1_000_000),
    reviewed: z.iso.date(),
  })
  .strict()
  .refine((s) => (s.maturity === "partly-online" || s.maturity === "fully-online" ? s.start !== undefined : true), {
    message: "an online service needs a start link",
    path: ["start"],
  })
  .refine((s) => (s.maturity === "downloadable-form" ? s.documents.length > 0 : true), {
    message: "a downloadable-form service needs at least one document",
    path: ["documents"],
  });

export const agencySchema = z
  .object({
    slug,
    type: z.enum(agencyTypes),
    parent: slug.optional(),
    name: bilingual,
    shortName: bilingual,
    description: bilingual,
    website: z.url({ protocol: /^https$/ }),
    phone: z.string().regex(/^\+974 \d{4} \d{4}$/, "phone numbers are written +974 XXXX XXXX"),
    email: z.email(),
    address: bilingual,
    openingHours: bilingual,
    location: z.object({ lat: z.number().min(24).max(26.5), lng: z.number().min(50.5).max(52) }).strict(),
  })
  .strict();

export const agencyFileSchema = z.object({ agency: agencySchema, services: z.array(serviceSchema).default([]) }).strict();
/**
 * More services of an agency defined in its own file (`<agency>.yaml`), kept
 * apart by theme in `<agency>.<theme>.yaml`: the agency's slug and the services.
 */
export const agencyServicesFileSchema = z.object({ agency: slug, services: z.array(serviceSchema).min(1) }).strict();

export const newsSchema = z
  .object({ slug, title: bilingual, summary: bilingual, body: bilingual, published: z.iso.date(), agency: slug.optional() })
  .strict();
export const eventSchema = z
  .object({
    slug,
    title: bilingual,
    summary: bilingual,
    body: bilingual,
    starts: z.iso.datetime({ offset: true }),
    ends: z.iso.datetime({ offset: true }),
    place: bilingual,
    agency: slug.optional(),
  })
  .strict();
export const initiativeSchema = z
  .object({ slug, title: bilingual, summary: bilingual, body: bilingual, agency: slug.optional(), since: z.number().int() })
  .strict();

export type TermContent = z.infer<typeof termSchema>;
export type ServiceContent = z.infer<typeof serviceSchema>;
export type AgencyContent = z.infer<typeof agencySchema>;
export type AgencyFile = z.infer<typeof agencyFileSchema>;
export type AgencyServicesFile = z.infer<typeof agencyServicesFileSchema>;
export type NewsContent = z.infer<typeof newsSchema>;
export type EventContent = z.infer<typeof eventSchema>;
export type InitiativeContent = z.infer<typeof initiativeSchema>;
