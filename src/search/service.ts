/** What other areas may use of search: the kinds of best bet, and a best bet as the administrators edit it. */
export { type BestBetType, bestBetTypes } from "./documents.js";
export type { BestBet } from "./engine.js";
