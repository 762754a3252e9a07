/** The fixed vocabularies of the catalogue. */

export const agencyTypes = ["ministry", "authority", "council", "public-company", "private-provider"] as const;
export type AgencyType = (typeof agencyTypes)[number];

/** How much of a service can be done online, from least to most. */
export const maturities = ["information", "downloadable-form", "partly-online", "fully-online"] as const;
export type Maturity = (typeof maturities)[number];

/** Where a service can be used. */
export const channels = ["online", "app", "centre", "phone"] as const;
export type Channel = (typeof channels)[number];

/** A text in both languages. */
export interface Bilingual<T = string> {
  ar: T;
  en: T;
}

/** The change counter bumped whenever published catalogue content changes (see platform/db/versions). */
export const CATALOGUE_VERSION = "catalogue";
