/**
 * What other areas may use of e-services: requests (cases) and their
 * definitions as payments, documents, the API and the statistics read them,
 * and the interfaces through which other areas take part in the e-service
 * pages (FeeDesk for payments, DocumentDesk for documents), wired by the
 * server. The repositories stay inside e-services.
 */
export type { Applications } from "./applications.js";
export { requestPath } from "./paths.js";
export { normaliseReference } from "./references.js";
export {
  advanceCase,
  type Case,
  caseStatuses,
  casesOf,
  countCasesOf,
  findCaseById,
  findOwnCase,
} from "./repository/cases.js";
export { completedCasesByMonth } from "./repository/completed.js";
export { findDefinition, latestDefinition } from "./repository/definitions.js";
export type { Draft } from "./repository/drafts.js";
export { currentUser, type DocumentDesk, type FeeDesk, referenceParams } from "./routes/context.js";
export { applyPath } from "./views/ApplyPages.js";
