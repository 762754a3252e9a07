import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit log: one row per staff action (who, what, when, before and after).
 * Append only (a trigger refuses UPDATE and DELETE) and tamper-evident: each
 * entry's hash covers the previous entry's hash and the entry's own fields,
 * so changing or removing an entry breaks the chain (see verifyAuditChain).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").notNull(),
    actorRoles: jsonb("actor_roles").$type<string[]>().notNull(),
    agency: text("agency"),
    /** What was done, e.g. "case.decided", "poll.published". */
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_log_object_idx").on(t.objectType, t.objectId), index("audit_log_actor_idx").on(t.actorId, t.at)],
);
