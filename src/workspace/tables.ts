import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { ContentData } from "./model.js";

/**
 * The agency workspace's content: one row per item an agency keeps (its
 * profile, a service, a news item, an event, a downloadable form), holding
 * the working draft and where it is in the review workflow. `revision`
 * grows with every save; a save names the revision it was based on, so a
 * stale one is refused.
 */
export const workspaceItems = pgTable(
  "workspace_items",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    /** The owning agency's slug. */
    agency: text("agency").notNull(),
    /** The catalogue object's slug (the agency's own slug for its profile). */
    slug: text("slug").notNull(),
    draft: jsonb("draft").$type<ContentData>().notNull(),
    revision: integer("revision").notNull().default(1),
    /** draft, submitted, returned, scheduled or published (the draft is the latest published version). */
    state: text("state").notNull(),
    /** True while the public sees the item (false after unpublishing, or before the first publication). */
    live: boolean("live").notNull().default(false),
    reviewComment: text("review_comment"),
    unpublishReason: text("unpublish_reason"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    scheduledBy: uuid("scheduled_by"),
    updatedBy: uuid("updated_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("workspace_items_kind_slug").on(t.kind, t.slug),
    index("workspace_items_agency_idx").on(t.agency, t.kind),
    index("workspace_items_due_idx").on(t.state, t.publishAt),
  ],
);

/** Every published version of an item, numbered from 1; never changed or removed. */
export const workspaceVersions = pgTable(
  "workspace_versions",
  {
    id: serial("id").primaryKey(),
    itemId: integer("item_id")
      .notNull()
      .references(() => workspaceItems.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    data: jsonb("data").$type<ContentData>().notNull(),
    /** Who published it (absent for the version taken from the catalogue when the item was first edited). */
    publishedBy: uuid("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("workspace_versions_item_number").on(t.itemId, t.number)],
);

/**
 * Agencies an administrator allowed to publish with a single approver: the
 * documented exception to four eyes (the person who last changed a draft
 * may approve it only where the agency has no other approver). Granting and
 * withdrawing it are audited.
 */
export const singleApproverExceptions = pgTable("single_approver_exceptions", {
  agency: text("agency").primaryKey(),
  /** Why the agency works with one approver, as the administrator wrote it. */
  reason: text("reason").notNull(),
  allowedBy: uuid("allowed_by").notNull(),
  allowedAt: timestamp("allowed_at", { withTimezone: true }).notNull().defaultNow(),
});
