/**
 * What other areas may ask of the catalogue (home page, search, facts):
 * read-only functions over published content. Areas never touch the
 * catalogue's tables directly.
 */
export { countAgencies, findAgency, listAgencies } from "./repository/agencies.js";
export { listEvents, listInitiatives, listNews } from "./repository/articles.js";
export { countServices, findService, listServices, serviceStatement } from "./repository/services.js";
export { listTerms } from "./repository/terms.js";
export type * from "./types.js";

import type { Term } from "./types.js";

/** A persona and its sub-personas: the slugs whose services a persona's page lists. */
export function personaFamily(all: Term[], slug: string): string[] {
  return [slug, ...all.filter((p) => p.parent === slug).map((p) => p.slug)];
}

import type { Db } from "../platform/db/client.js";
import { listAgencies as agenciesOf } from "./repository/agencies.js";
import { listEvents as eventsOf, listInitiatives as initiativesOf, listNews as newsOf } from "./repository/articles.js";
import { listTerms as termsOf } from "./repository/terms.js";

export { serviceSlugs } from "./repository/services.js";

/** Every catalogue page except the services' own (which are paged separately): for the XML sitemap. */
export async function catalogueSitemapPaths(db: Db): Promise<string[]> {
  const [agencies, personas, categories, lifeEvents, news, events, initiatives] = await Promise.all([
    agenciesOf(db),
    termsOf(db, "persona"),
    termsOf(db, "category"),
    termsOf(db, "lifeEvent"),
    newsOf(db, 1, 10_000),
    eventsOf(db, true),
    initiativesOf(db),
  ]);
  return [
    "/services",
    "/agencies",
    "/for",
    "/topics",
    "/life-events",
    "/news",
    "/events",
    "/initiatives",
    ...agencies.map((a) => `/agencies/${a.slug}`),
    ...personas.map((p) => `/for/${p.slug}`),
    ...categories.map((c) => `/topics/${c.slug}`),
    ...lifeEvents.map((l) => `/life-events/${l.slug}`),
    ...news.items.map((n) => `/news/${n.slug}`),
    ...events.map((e) => `/events/${e.slug}`),
    ...initiatives.map((i) => `/initiatives/${i.slug}`),
  ];
}
/** The catalogue's administration (agencies and terms) and news, for the admin area. */
/** Each agency's own words (names, published services' titles and keywords), e.g. to tell which searches concern it. */
export {
  type AgencyFields,
  type AgencyRecord,
  agenciesForSearch,
  agencyRecord,
  agencyWords,
  createAgency,
  updateAgency,
} from "./repository/agencies.js";
/** The one agency-name lookup: agencies' names in both languages by slug (agencyNames), one agency's (agencyName), every agency as a select option. */
export { type AgencyName, agencyName, agencyNames, agencyOptions } from "./repository/agency-names.js";
export { findNews } from "./repository/articles.js";
/** The agency workspace's reads of an agency's own rows (published or not) and the writes of a published version. */
export * as catalogueEditing from "./repository/editing.js";
/** Published services by their review date (last reviewed + an interval in months), for reviews and their reminders. */
export { type ServiceDue, servicesDueForReview } from "./repository/review.js";
export { serviceChangesSince, serviceTextSources } from "./repository/service-changes.js";
export { type ServiceSearchRow, servicesBySlugs, servicesForSearch } from "./repository/services.js";
export {
  createTerm,
  deleteTerm,
  type TermFields,
  type TermKind,
  type TermRecord,
  termRecord,
  termRecords,
  termUsage,
  updateTerm,
} from "./repository/terms.js";
/** A service page's sections, as the workspace edits them. */
export type { ServiceSections } from "./tables.js";
