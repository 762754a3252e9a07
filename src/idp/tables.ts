import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** What the identity provider keeps between requests (sessions, codes, tokens, grants, interactions), per model. */
export const oidcPayloads = pgTable(
  "oidc_payloads",
  {
    model: text("model").notNull(),
    id: text("id").notNull(),
    payload: jsonb("payload").notNull(),
    grantId: text("grant_id"),
    userCode: text("user_code"),
    uid: text("uid"),
    accountId: text("account_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index("oidc_payloads_grant_idx").on(t.grantId),
    index("oidc_payloads_uid_idx").on(t.uid),
    index("oidc_payloads_account_idx").on(t.accountId),
  ],
);

/** Agencies' portals and apps that sign people in with their Hukoomi account; registered by administrators. */
export const oidcClients = pgTable("oidc_clients", {
  clientId: text("client_id").primaryKey(),
  /** The client's secret: the provider compares it as sent (client_secret_basic); empty for a public client (a mobile app, PKCE only). */
  clientSecret: text("client_secret").notNull(),
  agency: text("agency"),
  nameAr: text("name_ar").notNull(),
  nameEn: text("name_en").notNull(),
  redirectUris: text("redirect_uris").array().notNull(),
  postLogoutRedirectUris: text("post_logout_redirect_uris").array().notNull(),
  /** Where the client is told that a person signed out (OpenID Connect back-channel logout); none when it takes no notice. */
  backchannelLogoutUri: text("backchannel_logout_uri"),
  scopes: text("scopes").notNull().default("openid profile email"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The provider's signing keys and cookie keys, made once and shared by every instance. */
export const idpSecrets = pgTable("idp_secrets", {
  name: text("name").primaryKey(),
  value: jsonb("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
