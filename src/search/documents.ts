import type { Maturity } from "../catalogue/model.js";

export const docTypes = ["service", "agency", "page", "news"] as const;
export type DocType = (typeof docTypes)[number];

interface Bilingual {
  ar: string;
  en: string;
}

/** One thing search can find: a service, an agency, a page of the portal or a news item. */
export interface SearchDoc {
  id: string;
  type: DocType;
  slug: string;
  /** Language-neutral address ("/services/renew-residence-permit"). */
  path: string;
  title: Bilingual;
  summary: Bilingual;
  /** Hidden search words: keywords, abbreviations, other names. */
  keywords: string;
  /** The rest of the text (sections, descriptions), indexed but not shown. */
  body: string;
  agency?: { slug: string; name: Bilingual } | undefined;
  personas: string[];
  maturity?: Maturity | undefined;
  popularity: number;
}
