import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { fromRoot } from "../../platform/paths.js";

/**
 * The judgement sets: queries as people type them, with the documents that
 * answer them. The development set (content/search/judgements.yaml) is the
 * one the engine is tuned against; the test set (judgements-test.yaml) was
 * written before the tuning of issue #23 and is only measured.
 */
export const judgementClasses = [
  "exact-title",
  "variant-spelling",
  "pronoun-suffix",
  "possessive",
  "plural",
  "english-morphology",
  "dialect-loanword",
  "transliteration",
  "wrong-layout",
  "english",
  "mixed-script",
  "typo",
  "paraphrase",
  "agency-name",
  "digits",
  "question",
  "abbreviation",
  "pages",
  "other-content",
  "workers-language",
] as const;

export const judgementLanguages = ["ar", "en", "other"] as const;

export const judgementSets = { dev: "judgements.yaml", test: "judgements-test.yaml" } as const;
export type JudgementSet = keyof typeof judgementSets;

const judgementSchema = z.array(
  z
    .object({
      query: z.string().min(1),
      lang: z.enum(judgementLanguages),
      class: z.enum(judgementClasses),
      /** "type:slug", or a bare slug for a service. */
      expected: z.array(z.string().regex(/^([a-z]+:)?[a-z0-9][a-z0-9/-]*$/)).min(1),
    })
    .strict(),
);
export type Judgement = z.infer<typeof judgementSchema>[number];

export function readJudgements(set: JudgementSet = "dev", folder = fromRoot("content", "search")): Judgement[] {
  return judgementSchema.parse(parseYaml(readFileSync(`${folder}/${judgementSets[set]}`, "utf8")));
}

/** The document ids a judgement accepts ("service:<slug>" for a bare slug). */
export function targetIds(j: Judgement): Set<string> {
  return new Set(j.expected.map((e) => (e.includes(":") ? e : `service:${e}`)));
}
