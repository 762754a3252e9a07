import type { Answers } from "./answers.js";
import type { Fee } from "./definition.js";

export interface FeeOutcome {
  /** QAR. */
  amount: number;
  /** For computed fees: the amount it was computed from, and the rate. */
  basis?: { amount: number; rate: number } | undefined;
}

/** The fee due for the answers given. */
export function computeFee(fee: Fee, answers: Answers): FeeOutcome {
  switch (fee.type) {
    case "none":
      return { amount: 0 };
    case "fixed":
      return { amount: fee.amount };
    case "choice":
      return { amount: fee.amounts[String(answers[fee.question] ?? "")] ?? 0 };
    case "computed": {
      const base = Number(answers[fee.question] ?? 0);
      const raw = (base * fee.rate) / 100;
      const amount = Math.max(fee.minimum, Math.round(raw * 100) / 100);
      return { amount, basis: { amount: base, rate: fee.rate } };
    }
  }
}
