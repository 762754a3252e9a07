import type { ServiceFacts } from "../forms/engine/facts.js";
import type { AgencyType, Bilingual, Channel, Maturity } from "./model.js";
import type { ServiceSections } from "./tables.js";

/** A persona, category (topic) or life event. */
export interface Term {
  slug: string;
  parent?: string | undefined;
  /** The parent's name, for sub-personas ("Resident" for "Parent"). */
  parentName?: Bilingual | undefined;
  name: Bilingual;
  description: Bilingual;
}

export interface AgencyRef {
  slug: string;
  name: Bilingual;
}

export interface AgencySummary extends AgencyRef {
  type: AgencyType;
  shortName: Bilingual;
  serviceCount: number;
}

export interface Agency extends AgencySummary {
  description: Bilingual;
  website: string;
  phone: string;
  email: string;
  address: Bilingual;
  openingHours: Bilingual;
  location: { lat: number; lng: number };
  parent?: AgencyRef | undefined;
  children: AgencyRef[];
}

export interface ServiceSummary {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  maturity: Maturity;
  agency: AgencyRef;
  popularity: number;
}

export interface ServiceDocument {
  slug: string;
  title: Bilingual;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface Service extends ServiceSummary {
  sections: Bilingual<ServiceSections>;
  startUrl?: string | undefined;
  startEservice?: string | undefined;
  channels: Channel[];
  /** The facts stated once (fee, working days, documents, who may use it), when the service states them. */
  facts?: ServiceFacts | undefined;
  keywords: Bilingual;
  personas: Term[];
  categories: Term[];
  lifeEvents: Term[];
  documents: ServiceDocument[];
  related: ServiceSummary[];
  lastReviewed: Date;
}

export interface Article {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  agency?: AgencyRef | undefined;
}

export interface NewsItem extends Article {
  publishedAt: Date;
}

export interface EventItem extends Article {
  place: Bilingual;
  startsAt: Date;
  endsAt: Date;
}

export interface Initiative extends Article {
  since: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}
