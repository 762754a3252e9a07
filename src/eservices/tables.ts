import { index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { AnswerSources, Answers } from "../forms/engine/answers.js";
import type { Definition } from "../forms/engine/definition.js";

/** Every version of every e-service definition; submissions keep the version they were made with. */
export const eserviceDefinitions = pgTable(
  "eservice_definitions",
  {
    slug: text("slug").notNull(),
    version: integer("version").notNull(),
    agency: text("agency").notNull(),
    definition: jsonb("definition").$type<Definition>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.version] })],
);

/** A person's application in progress, saved at every page; it expires if left. */
export const drafts = pgTable(
  "eservice_drafts",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    eservice: text("eservice").notNull(),
    version: integer("version").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    /** Where prefilled answers came from (the profile, another agency's registry, or typed when a registry failed). */
    sources: jsonb("sources").$type<AnswerSources>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [index("eservice_drafts_user_idx").on(t.userId), index("eservice_drafts_expiry_idx").on(t.expiresAt)],
);

/** A submitted request: a case in the agency's queue. */
export const cases = pgTable(
  "eservice_cases",
  {
    id: uuid("id").primaryKey(),
    /** Short, without look-alike characters, for people to quote. */
    reference: text("reference").notNull().unique(),
    /** The draft it came from: submitting twice makes one case. */
    draftId: uuid("draft_id").notNull().unique(),
    userId: uuid("user_id").notNull(),
    eservice: text("eservice").notNull(),
    version: integer("version").notNull(),
    agency: text("agency").notNull(),
    queue: text("queue").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    sources: jsonb("sources").$type<AnswerSources>().notNull().default({}),
    /** payment-due (a fee to pay before the agency sees it), submitted, in-review, info-requested, approved, rejected. */
    status: text("status").notNull(),
    assignedTo: uuid("assigned_to"),
    feeAmount: numeric("fee_amount", { precision: 12, scale: 2 }).notNull().default("0"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("eservice_cases_user_idx").on(t.userId),
    index("eservice_cases_queue_idx").on(t.agency, t.status, t.dueAt),
    // The monthly statistics count decided cases by month; the open-cases gauge counts by status.
    index("eservice_cases_decided_idx").on(t.decidedAt),
    index("eservice_cases_status_idx").on(t.status),
  ],
);

/** What happened to a case, in order; most steps are shown to the applicant in plain words. */
export const caseEvents = pgTable(
  "eservice_case_events",
  {
    id: serial("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    /** submitted, assigned, info-requested, info-provided, approved, rejected, note. */
    kind: text("kind").notNull(),
    /** What the officer or applicant wrote (a reason, a question, an answer). */
    message: text("message"),
    /** Files attached to this step. */
    files: jsonb("files").$type<{ id: string; name: string; size: number; type: string }[]>(),
    visibleToApplicant: integer("visible_to_applicant").notNull().default(1),
  },
  (t) => [index("eservice_case_events_case_idx").on(t.caseId, t.at)],
);

/** Uploaded files: the bytes are in the file storage; who may read them is checked on every download. */
export const uploads = pgTable(
  "eservice_uploads",
  {
    id: uuid("id").primaryKey(),
    ownerId: uuid("owner_id").notNull(),
    draftId: uuid("draft_id"),
    caseId: uuid("case_id"),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("eservice_uploads_owner_idx").on(t.ownerId), unique("eservice_uploads_key_unique").on(t.storageKey)],
);
