import type { Maturity } from "../catalogue/model.js";

export const docTypes = [
  "service",
  "agency",
  "page",
  "visit",
  "worker",
  "form",
  "dataset",
  "news",
  "event",
  "initiative",
  "poll",
  "survey",
  "consultation",
] as const;
export type DocType = (typeof docTypes)[number];

/** What an administrator may pin as a best bet: anything search finds (each is checked to be in the index before it is saved). */
export const bestBetTypes = docTypes;
export type BestBetType = DocType;

interface Bilingual {
  ar: string;
  en: string;
}

/**
 * One public thing search can find: a service, an agency, a page of the
 * portal, a visitors' or workers' page, a downloadable form, an open
 * dataset, a news item, event or initiative, a poll, survey or consultation.
 */
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
  /** Other names people call it by (an agency's short name, acronym, aliases, former names), each as a whole. */
  names?: string[] | undefined;
  /** What it is for, in the words of the people who need it (audiences, life events), weighted between keywords and body. */
  purpose?: string | undefined;
  /** The rest of the text (sections, descriptions), indexed but not shown. */
  body: string;
  agency?: { slug: string; name: Bilingual } | undefined;
  personas: string[];
  maturity?: Maturity | undefined;
  popularity: number;
  /**
   * The one language it is written in, when it is not the portal's two
   * (a workers' page in Hindi): its title and summary are in that language
   * and its path is not localised.
   */
  language?: string | undefined;
}
