/** What other areas may read of participation: published polls, their options, results and phase (open data's poll results). */
export { phaseOf } from "./period.js";
export { optionsOf, publishedPolls, resultsOf } from "./polls/repository.js";
