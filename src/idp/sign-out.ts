import { and, eq, inArray, or } from "drizzle-orm";
import type Provider from "oidc-provider";
import type { Db } from "../platform/db/client.js";
import { oidcPayloads } from "./tables.js";

/** The provider's session cookie: its value is the session's id in the database. */
export const PROVIDER_SESSION_COOKIE = "_session";

interface StoredSession {
  accountId?: string;
  authorizations?: Record<string, { sid?: string; grantId?: string; persistsLogout?: boolean }>;
}

interface BackchannelClient {
  backchannelLogoutUri?: string;
  backchannelLogout(sub: string, sid: string): Promise<void>;
}

export interface ProviderSignOut {
  /** Ends the identity-provider session a browser holds (its `_session` cookie), as the portal's sign-out does. */
  endBrowserSession(sessionId: string | undefined): Promise<void>;
  /**
   * Ends every identity-provider session of a person and withdraws every
   * grant and token they gave (a password reset, an account turned off,
   * "sign out everywhere").
   */
  endAccount(accountId: string): Promise<void>;
}

/**
 * Single sign-out on the provider's side: the sessions end in the database
 * (so replaying old cookies opens nothing), the grants given in them are
 * revoked with their codes and tokens, and each agency portal that took
 * part and registered a back-channel logout address is told (OpenID
 * Connect Back-Channel Logout 1.0, a logout token signed by the provider).
 * An agency that does not answer is logged, never a reason for the sign-out
 * to fail.
 */
export function providerSignOut(provider: Provider, db: Db, warn: (error: unknown, clientId: string) => void): ProviderSignOut {
  async function end(rows: { id: string; payload: unknown }[]): Promise<void> {
    const told: Promise<void>[] = [];
    const grants: string[] = [];
    for (const row of rows) {
      const session = row.payload as StoredSession;
      for (const [clientId, authorization] of Object.entries(session.authorizations ?? {})) {
        if (authorization.grantId && !authorization.persistsLogout) grants.push(authorization.grantId);
        // oidc-provider's Client has backchannelLogout when the feature is on; its published types leave it out.
        const client = (await provider.Client.find(clientId)) as BackchannelClient | undefined;
        if (client?.backchannelLogoutUri && session.accountId) {
          told.push(
            client.backchannelLogout(session.accountId, authorization.sid ?? "").catch((error: unknown) => warn(error, clientId)),
          );
        }
      }
    }
    const ids = rows.map((r) => r.id);
    if (ids.length) await db.delete(oidcPayloads).where(and(eq(oidcPayloads.model, "Session"), inArray(oidcPayloads.id, ids)));
    if (grants.length) {
      await db
        .delete(oidcPayloads)
        .where(or(inArray(oidcPayloads.grantId, grants), and(eq(oidcPayloads.model, "Grant"), inArray(oidcPayloads.id, grants))));
    }
    await Promise.all(told);
  }

  return {
    async endBrowserSession(sessionId) {
      if (!sessionId || sessionId.length > 200) return;
      const rows = await db
        .select({ id: oidcPayloads.id, payload: oidcPayloads.payload })
        .from(oidcPayloads)
        .where(and(eq(oidcPayloads.model, "Session"), eq(oidcPayloads.id, sessionId)));
      await end(rows);
    },
    async endAccount(accountId) {
      const rows = await db
        .select({ id: oidcPayloads.id, payload: oidcPayloads.payload })
        .from(oidcPayloads)
        .where(and(eq(oidcPayloads.model, "Session"), eq(oidcPayloads.accountId, accountId)));
      await end(rows);
      // Whatever else the person granted (a mobile app's tokens included) stops working too.
      await db.delete(oidcPayloads).where(eq(oidcPayloads.accountId, accountId));
    },
  };
}
