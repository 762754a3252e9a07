import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What a document states, label and value in each language, in order. */
export type DocumentField = { label: { ar: string; en: string }; value: { ar: string; en: string } };

/**
 * Documents the portal issues (permits, certificates), each signed with the
 * portal's Ed25519 key over its canonical content, and checkable by anyone
 * with its code at /verify/<code>.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey(),
    /** Short, without look-alike characters, printed on the document and in its QR code. */
    code: text("code").notNull().unique(),
    caseId: uuid("case_id").unique(),
    userId: uuid("user_id").notNull(),
    agency: text("agency").notNull(),
    /** The kind of document (residence-permit, exit-permit, commercial-registration…). */
    type: text("type").notNull(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en").notNull(),
    holderAr: text("holder_ar").notNull(),
    holderEn: text("holder_en").notNull(),
    fields: jsonb("fields").$type<DocumentField[]>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    validUntil: date("valid_until"),
    /** The e-service that renews it, offered before it expires. */
    renewWith: text("renew_with"),
    /** Base64url Ed25519 signature over the canonical JSON of the signed fields. */
    signature: text("signature").notNull(),
    keyId: text("key_id").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [index("documents_user_idx").on(t.userId), index("documents_expiry_idx").on(t.validUntil)],
);

/** The portal's document signing keys; the newest signs, every one still verifies. */
export const signingKeys = pgTable("document_signing_keys", {
  id: text("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
