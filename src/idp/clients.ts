import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { oidcClients } from "./tables.js";

export type IdpClient = typeof oidcClients.$inferSelect;

/** Every scope the provider offers agencies' portals. */
export const ALL_SCOPES = "openid profile email phone national_id";

/** The scope that lets an app read the person's own requests, documents and notifications through /api/v1/me. */
export const ME_API_SCOPE = "hukoomi.me";

/** A public client (a mobile app) is registered without a secret; it signs in with PKCE alone. */
export function isPublicClient(c: { clientSecret: string }): boolean {
  return c.clientSecret === "";
}

export interface NewClient {
  nameAr: string;
  nameEn: string;
  agency?: string | undefined;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** Where the client is told of a sign-out (back-channel logout). */
  backchannelLogoutUri?: string | undefined;
  /** The scopes the client may ask for; government agencies may ask for all by default. */
  scopes?: string;
  clientId?: string;
  clientSecret?: string;
  /** A mobile app: no secret (authorization code with PKCE only). */
  publicClient?: boolean;
}

/** Registers an agency's portal or app; returns its id and secret (the secret is shown once). */
export async function registerClient(db: Db, c: NewClient): Promise<{ clientId: string; clientSecret: string }> {
  const clientId = c.clientId ?? `agency-${randomBytes(6).toString("hex")}`;
  const clientSecret = c.publicClient ? "" : (c.clientSecret ?? randomBytes(32).toString("base64url"));
  await db.insert(oidcClients).values({
    clientId,
    clientSecret,
    agency: c.agency ?? null,
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    redirectUris: c.redirectUris,
    postLogoutRedirectUris: c.postLogoutRedirectUris ?? [],
    backchannelLogoutUri: c.backchannelLogoutUri ?? null,
    scopes: c.scopes ?? ALL_SCOPES,
  });
  return { clientId, clientSecret };
}

export function listClients(db: Db): Promise<IdpClient[]> {
  return db.select().from(oidcClients).orderBy(asc(oidcClients.createdAt));
}

/** A client's name in both languages (its id when it is unknown). */
export async function clientNames(db: Db, clientId: string): Promise<{ ar: string; en: string }> {
  const [c] = await db.select().from(oidcClients).where(eq(oidcClients.clientId, clientId));
  return c ? { ar: c.nameAr, en: c.nameEn } : { ar: clientId, en: clientId };
}
