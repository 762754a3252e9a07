import type { Refusal } from "../../forms/problems.js";
import type { Phase } from "../period.js";
import type { Poll, PollOption } from "./repository.js";

/** When results are shown: to a person once they voted, or to everyone once the poll has closed. */
export const resultTimings = ["after-vote", "after-close"] as const;
export type ResultTiming = (typeof resultTimings)[number];

export const pollKinds = ["poll", "referendum"] as const;

/** Whether the public page shows the results: always once closed; before that, only to a voter of an after-vote poll. */
export function resultsShownOnPage(poll: Pick<Poll, "showResults">, phase: Phase, voted: boolean): boolean {
  if (phase === "closed") return true;
  return phase === "open" && voted && poll.showResults === "after-vote";
}

/** Whether the API gives the counts: once closed, or while open for an after-vote poll. */
export function resultsInApi(poll: Pick<Poll, "showResults">, phase: Phase): boolean {
  return phase === "closed" || (phase === "open" && poll.showResults === "after-vote");
}

/** Most options a person may choose: one, or the poll's maximum (all its options when it sets none). */
export function mostChoices(poll: Pick<Poll, "multiple" | "maxChoices">, optionCount: number): number {
  if (!poll.multiple) return 1;
  return Math.max(1, Math.min(poll.maxChoices ?? optionCount, optionCount));
}

/** The options chosen in a vote form, checked against the poll: its own options, at least one, at most its maximum. */
export function checkChoices(
  poll: Pick<Poll, "multiple" | "maxChoices">,
  options: Pick<PollOption, "id">[],
  raw: unknown,
): { ids: string[] } | { problem: Refusal } {
  const given = (Array.isArray(raw) ? raw : raw === undefined || raw === "" ? [] : [raw]).filter((v) => v !== "");
  const ids = [...new Set(given.map(String))];
  const most = mostChoices(poll, options.length);
  if (ids.length === 0)
    return { problem: { key: poll.multiple ? "participation.polls.errors.chooseSome" : "participation.polls.errors.chooseOne" } };
  const known = new Set(options.map((o) => o.id));
  if (given.some((v) => typeof v !== "string") || ids.some((id) => !known.has(id)))
    return { problem: { key: "participation.polls.errors.unknown" } };
  if (ids.length > most)
    return poll.multiple
      ? { problem: { key: "participation.polls.errors.tooMany", values: { max: most } } }
      : { problem: { key: "participation.polls.errors.onlyOne" } };
  return { ids };
}
