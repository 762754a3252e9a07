import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** People with a Hukoomi account: the public and staff alike. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    /** Qatari ID number (11 digits), for citizens and residents. */
    qid: text("qid").unique(),
    /** For people abroad without a QID. */
    passportNumber: text("passport_number"),
    passportCountry: text("passport_country"),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    /** ISO 3166-1 alpha-2 country code. */
    nationality: text("nationality").notNull(),
    /** citizen, resident or visitor. */
    residency: text("residency").notNull(),
    /** The persona whose services the dashboard recommends. */
    persona: text("persona"),
    /** E.164 (+97455512345). */
    phone: text("phone").notNull(),
    phoneVerifiedAt: timestamp("phone_verified_at", { withTimezone: true }),
    /** Lower case. */
    email: text("email").notNull().unique(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** argon2id; null for accounts that only sign in with the national identity provider. */
    passwordHash: text("password_hash"),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The time step of the last authenticator code accepted: a code is used once (never an earlier or the same step again). */
    totpLastStep: integer("totp_last_step"),
    /** The subject at the national identity provider, once linked. */
    nationalSubject: text("national_subject").unique(),
    locale: text("locale").notNull().default("ar"),
    notifyEmail: boolean("notify_email").notNull().default(true),
    notifySms: boolean("notify_sms").notNull().default(true),
    /** When an administrator turned the account off: it cannot sign in, and every session it had ended. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("users_passport_unique").on(t.passportNumber, t.passportCountry)],
);

/** Staff roles, each for one agency (editor, approver, case officer) or the whole portal (administrator). */
export const userRoles = pgTable(
  "user_roles",
  {
    id: serial("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    /** The agency the role is for; null for portal administrators. */
    agency: text("agency"),
  },
  (t) => [unique("user_roles_unique").on(t.userId, t.role, t.agency)],
);

/** Sessions, stored so they survive restarts and work across instances. The id is the SHA-256 of the cookie's token. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** How the person proved who they are: password, password+totp, national. */
    method: text("method").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end of the session, whatever the activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
    /** A registration that cannot go ahead (no account): the number its codes are texted to, as for any registration. */
    pendingPhone: text("pending_phone"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time codes and links: phone confirmation (SMS), email confirmation, password reset, second step of sign-in. */
export const verifications = pgTable(
  "verifications",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    /** SHA-256 of the code or token. */
    secretHash: text("secret_hash").notNull(),
    /** What the code confirms (the phone or email it was sent to). */
    target: text("target"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("verifications_user_idx").on(t.userId, t.purpose)],
);

/** Every time staff or another agency reads a person's data: who, what, why, when. Shown to the person. */
export const dataAccessLog = pgTable(
  "data_access_log",
  {
    id: serial("id").primaryKey(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id"),
    /** The agency that read the data (staff's agency, or the agency asking through the data exchange). */
    agency: text("agency"),
    /** Who read it, as the person should see it, in each language. */
    whoAr: text("who_ar"),
    whoEn: text("who_en"),
    /** A catalogue key naming what was read ("accounts.access.caseOpened"). */
    action: text("action").notNull(),
    /** A reference the person recognises (a request's reference). */
    reference: text("reference"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("data_access_subject_idx").on(t.subjectId, t.at)],
);

export const savedServices = pgTable(
  "saved_services",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    serviceSlug: text("service_slug").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.serviceSlug] })],
);

/** Sign-ins started with the national identity provider and not yet finished (PKCE verifier, nonce). */
export const nationalSignIns = pgTable("national_sign_ins", {
  state: text("state").primaryKey(),
  verifier: text("verifier").notNull(),
  nonce: text("nonce").notNull(),
  returnTo: text("return_to"),
  locale: text("locale").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
