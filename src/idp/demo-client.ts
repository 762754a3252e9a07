import { eq } from "drizzle-orm";
import { PUBLISHED_DEMO_AGENCY_SECRET } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { ME_API_SCOPE, registerClient } from "./clients.js";
import { oidcClients } from "./tables.js";

export const DEMO_AGENCY_CLIENT_ID = "demo-agency-portal";

/** The demo mobile app: a public client (authorization code with PKCE, no secret) that reads /api/v1/me. */
export const MOBILE_APP_CLIENT_ID = "hukoomi-mobile-demo";

/** Where the demo app receives the code: its own address scheme (reverse domain), as native apps do (RFC 8252). */
export const MOBILE_APP_REDIRECT = "qa.hukoomi.app:/oauth/callback";

/** Registers the demo agency portal as a client, once, with the demo content. */
export function loadDemoClient(db: Db, url: string, secret: string): Promise<boolean> {
  return runOnce(db, "demo-idp-client", async (tx) => {
    await registerClient(tx, {
      clientId: DEMO_AGENCY_CLIENT_ID,
      clientSecret: secret,
      nameAr: "بوابة وزارة الداخلية (تجريبية)",
      nameEn: "Ministry of Interior portal (demo)",
      agency: "ministry-of-interior",
      redirectUris: [`${url.replace(/\/$/, "")}/callback`],
      postLogoutRedirectUris: [`${url.replace(/\/$/, "")}/`],
      backchannelLogoutUri: `${url.replace(/\/$/, "")}/backchannel-logout`,
    });
  });
}

/** Registers the demo mobile app as a public client, once, with the demo content. */
export function loadDemoMobileClient(db: Db): Promise<boolean> {
  return runOnce(db, "demo-idp-mobile-client", async (tx) => {
    await registerClient(tx, {
      clientId: MOBILE_APP_CLIENT_ID,
      publicClient: true,
      nameAr: "تطبيق حكومي للهاتف (تجريبي)",
      nameEn: "Hukoomi mobile app (demo)",
      redirectUris: [MOBILE_APP_REDIRECT],
      scopes: `openid profile ${ME_API_SCOPE}`,
    });
  });
}

/** Registered clients whose secret is the published demo one: refused in production (the portal will not start). */
export async function clientsWithPublishedSecret(db: Db): Promise<string[]> {
  const rows = await db
    .select({ clientId: oidcClients.clientId })
    .from(oidcClients)
    .where(eq(oidcClients.clientSecret, PUBLISHED_DEMO_AGENCY_SECRET));
  return rows.map((r) => r.clientId);
}
