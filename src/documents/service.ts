/** What other areas may read of a person's documents (the API's /api/v1/me/documents). */
export { countDocumentsOf, documentsOf } from "./repository.js";
export { canRenew, documentStatus } from "./validity.js";
