import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { ServiceFacts } from "../forms/engine/facts.js";
import type { Bilingual } from "./model.js";

/** The long sections of a service page in one language. */
export interface ServiceSections {
  description: string;
  eligibility: string;
  requirements: string[];
  steps: string[];
  fees: string;
  processingTime: string;
  /** An "easy read" summary: a few short, plain sentences (optional; key services have one). */
  easyRead?: string[];
}

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    type: text("type").notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => agencies.id),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    shortNameAr: text("short_name_ar").notNull(),
    shortNameEn: text("short_name_en").notNull(),
    descriptionAr: text("description_ar").notNull(),
    descriptionEn: text("description_en").notNull(),
    website: text("website").notNull(),
    phone: text("phone").notNull(),
    email: text("email").notNull(),
    addressAr: text("address_ar").notNull(),
    addressEn: text("address_en").notNull(),
    openingHoursAr: text("opening_hours_ar").notNull(),
    openingHoursEn: text("opening_hours_en").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    ...timestamps,
  },
  (t) => [index("agencies_type_idx").on(t.type)],
);

/** Personas, categories (topics) and life events: the ways into the catalogue. */
function termTable(name: string) {
  return pgTable(name, {
    slug: text("slug").primaryKey(),
    parentSlug: text("parent_slug"),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionAr: text("description_ar").notNull(),
    descriptionEn: text("description_en").notNull(),
    position: integer("position").notNull().default(0),
  });
}

export const personas = termTable("personas");
export const categories = termTable("categories");
export const lifeEvents = termTable("life_events");

export const services = pgTable(
  "services",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en").notNull(),
    summaryAr: text("summary_ar").notNull(),
    summaryEn: text("summary_en").notNull(),
    sections: jsonb("sections").$type<Bilingual<ServiceSections>>().notNull(),
    maturity: text("maturity").notNull(),
    /** "Start now": an agency's own portal or app. */
    startUrl: text("start_url"),
    /** "Start now": an e-service run by this portal. */
    startEservice: text("start_eservice"),
    channels: text("channels").array().notNull(),
    /** The facts stated once (fee, working days, documents, who may use it), read by the page and the e-service. */
    facts: jsonb("facts").$type<ServiceFacts>(),
    keywordsAr: text("keywords_ar").notNull().default(""),
    keywordsEn: text("keywords_en").notNull().default(""),
    popularity: integer("popularity").notNull().default(0),
    lastReviewed: date("last_reviewed").notNull(),
    published: boolean("published").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    index("services_agency_idx").on(t.agencyId),
    index("services_popularity_idx").on(t.popularity),
    index("services_maturity_idx").on(t.maturity),
  ],
);

function serviceLink(name: string, column: string) {
  return pgTable(
    name,
    {
      serviceId: integer("service_id")
        .notNull()
        .references(() => services.id, { onDelete: "cascade" }),
      slug: text(column).notNull(),
    },
    (t) => [primaryKey({ columns: [t.serviceId, t.slug] }), index(`${name}_slug_idx`).on(t.slug)],
  );
}

export const servicePersonas = serviceLink("service_personas", "persona_slug");
export const serviceCategories = serviceLink("service_categories", "category_slug");
export const serviceLifeEvents = serviceLink("service_life_events", "life_event_slug");

export const serviceRelated = pgTable(
  "service_related",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    relatedId: integer("related_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.relatedId] })],
);

/** Forms and documents a service offers for download; the bytes live in the file storage. */
export const serviceDocuments = pgTable("service_documents", {
  id: serial("id").primaryKey(),
  serviceId: integer("service_id")
    .notNull()
    .references(() => services.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  titleAr: text("title_ar").notNull(),
  titleEn: text("title_en").notNull(),
  fileName: text("file_name").notNull(),
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  storageKey: text("storage_key").notNull(),
  position: integer("position").notNull().default(0),
});

function articleColumns() {
  return {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en").notNull(),
    summaryAr: text("summary_ar").notNull(),
    summaryEn: text("summary_en").notNull(),
    bodyAr: text("body_ar").notNull(),
    bodyEn: text("body_en").notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
  };
}

export const news = pgTable("news", {
  ...articleColumns(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
});

export const events = pgTable("events", {
  ...articleColumns(),
  placeAr: text("place_ar").notNull(),
  placeEn: text("place_en").notNull(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
});

export const initiatives = pgTable("initiatives", {
  ...articleColumns(),
  since: integer("since").notNull(),
});
