import { type Judgement, targetIds } from "./judgements.js";

/** Anything that answers a query with document ids, best first (the portal's engine, the baseline). */
export type Ranker = (query: string) => { ids: string[]; total: number };

export interface Scores {
  queries: number;
  success1: number;
  success3: number;
  mrr: number;
  ndcg10: number;
  /** Share of the queries that found nothing at all. */
  zero: number;
}

export interface QueryOutcome {
  judgement: Judgement;
  /** 1-based rank of the first expected document, 0 when it is not in the first 10. */
  rank: number;
  top: string[];
  total: number;
}

/** Runs every judgement: where the expected documents land among the first ten results. */
export function evaluate(ranker: Ranker, judgements: Judgement[]): QueryOutcome[] {
  return judgements.map((j) => {
    const { ids, total } = ranker(j.query);
    const top = ids.slice(0, 10);
    const expected = targetIds(j);
    const rank = top.findIndex((id) => expected.has(id)) + 1;
    return { judgement: j, rank, top, total };
  });
}

/** success@1, success@3, mean reciprocal rank, nDCG@10 (binary relevance) and the share of empty answers. */
export function score(outcomes: QueryOutcome[]): Scores {
  const n = outcomes.length || 1;
  let s1 = 0;
  let s3 = 0;
  let rr = 0;
  let ndcg = 0;
  let zero = 0;
  for (const o of outcomes) {
    if (o.rank === 1) s1 += 1;
    if (o.rank >= 1 && o.rank <= 3) s3 += 1;
    if (o.rank) rr += 1 / o.rank;
    if (o.total === 0) zero += 1;
    const expected = targetIds(o.judgement);
    const dcg = o.top.reduce((sum, id, i) => sum + (expected.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
    const ideal = Array.from({ length: Math.min(expected.size, 10) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
    ndcg += ideal ? dcg / ideal : 0;
  }
  return { queries: outcomes.length, success1: s1 / n, success3: s3 / n, mrr: rr / n, ndcg10: ndcg / n, zero: zero / n };
}
