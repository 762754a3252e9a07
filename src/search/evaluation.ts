import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { fromRoot } from "../platform/paths.js";
import type { SearchEngine } from "./engine.js";

export const judgementClasses = [
  "exact-title",
  "variant-spelling",
  "pronoun-suffix",
  "plural",
  "dialect-loanword",
  "transliteration",
  "wrong-layout",
  "english",
  "mixed-script",
  "typo",
] as const;

const judgementSchema = z.array(
  z
    .object({
      query: z.string().min(1),
      lang: z.enum(["ar", "en"]),
      class: z.enum(judgementClasses),
      expected: z.array(z.string().min(1)).min(1),
    })
    .strict(),
);
export type Judgement = z.infer<typeof judgementSchema>[number];

export function readJudgements(file = fromRoot("content", "search", "judgements.yaml")): Judgement[] {
  return judgementSchema.parse(parseYaml(readFileSync(file, "utf8")));
}

export interface Scores {
  queries: number;
  success1: number;
  success3: number;
  mrr: number;
  ndcg10: number;
}

export interface QueryOutcome {
  judgement: Judgement;
  /** 1-based rank of the first expected service, 0 when it is not in the first 10. */
  rank: number;
  top: string[];
}

/** Runs every judgement against the engine: where the expected services land among the first ten results. */
export function evaluate(engine: SearchEngine, judgements: Judgement[]): QueryOutcome[] {
  return judgements.map((j) => {
    const top = engine.search(j.query, {}, { offset: 0, limit: 10 }).hits.map((h) => `${h.doc.type}:${h.doc.slug}`);
    const expected = new Set(j.expected.map((s) => `service:${s}`));
    const rank = top.findIndex((id) => expected.has(id)) + 1;
    return { judgement: j, rank, top };
  });
}

/** success@1, success@3, mean reciprocal rank and nDCG@10 (binary relevance) over some outcomes. */
export function score(outcomes: QueryOutcome[]): Scores {
  const n = outcomes.length || 1;
  let s1 = 0;
  let s3 = 0;
  let rr = 0;
  let ndcg = 0;
  for (const o of outcomes) {
    if (o.rank === 1) s1 += 1;
    if (o.rank >= 1 && o.rank <= 3) s3 += 1;
    if (o.rank) rr += 1 / o.rank;
    const expected = new Set(o.judgement.expected.map((s) => `service:${s}`));
    const dcg = o.top.reduce((sum, id, i) => sum + (expected.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
    const ideal = Array.from({ length: Math.min(expected.size, 10) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
    ndcg += ideal ? dcg / ideal : 0;
  }
  return { queries: outcomes.length, success1: s1 / n, success3: s3 / n, mrr: rr / n, ndcg10: ndcg / n };
}
