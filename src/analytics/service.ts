/** What other areas may read of the page-view counts (facts and figures, the open data portal's dataset). */
export { firstCountedDay, monthlyPageViews, totalPageViews } from "./repository.js";
