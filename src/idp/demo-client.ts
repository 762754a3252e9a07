import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { registerClient } from "./clients.js";

export const DEMO_AGENCY_CLIENT_ID = "demo-agency-portal";

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
    });
  });
}
