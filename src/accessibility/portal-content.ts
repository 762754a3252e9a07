import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { slugSchema } from "../platform/http/slug.js";
import { fromRoot } from "../platform/paths.js";

/**
 * The portal for people with disabilities (/accessibility-services): its
 * text lives in content/accessibility/disability-services.yaml, in Arabic and
 * English; the services it gathers are named by their catalogue slugs.
 */
const arabic = z
  .string()
  .trim()
  .min(1)
  .regex(/\p{Script=Arabic}/u, "Arabic text must contain Arabic letters");
const english = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/\p{Script=Arabic}/u.test(s), "English text must not contain Arabic letters")
  .refine((s) => !s.includes("'"), "English text uses ’, not a straight apostrophe");
const text = z.object({ ar: arabic, en: english }).strict();
const texts = z.object({ ar: z.array(arabic).min(1), en: z.array(english).min(1) }).strict();
const slug = slugSchema({ words: true });

const sectionSchema = z
  .object({
    id: slug,
    title: text,
    paragraphs: texts,
    /** Points worth a list of their own (rights, discounts, what to bring). */
    points: texts.optional(),
    /** Catalogue services for this part, in the order shown. */
    services: z.array(slug).default([]),
  })
  .strict()
  .refine((s) => !s.points || s.points.ar.length === s.points.en.length, {
    message: "points need the same number of items in both languages",
  });

export const disabilityPortalSchema = z
  .object({
    title: text,
    description: text,
    intro: texts,
    sections: z.array(sectionSchema).min(1),
  })
  .strict();

export type DisabilityPortal = z.infer<typeof disabilityPortalSchema>;
export type PortalSection = DisabilityPortal["sections"][number];

export const DISABILITY_PORTAL_FILE = "content/accessibility/disability-services.yaml";

/** Reads and checks the portal's content once, at start-up: a broken file stops the start with its problems. */
export function loadDisabilityPortal(file = fromRoot(DISABILITY_PORTAL_FILE)): DisabilityPortal {
  const parsed = disabilityPortalSchema.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`${file}: ${problems}`);
  }
  return parsed.data;
}

/** Every catalogue service the portal links to. */
export function portalServiceSlugs(portal: DisabilityPortal): string[] {
  return [...new Set(portal.sections.flatMap((s) => s.services))];
}
