import type { FastifyInstance, FastifyRequest } from "fastify";
import type Provider from "oidc-provider";
import { findUser } from "../accounts/service.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import { idpAdminRoutes } from "./admin-routes.js";
import { loadIdpKeys } from "./keys.js";
import { createProvider } from "./provider.js";
import { idpRoutes } from "./routes.js";
import { PROVIDER_SESSION_COOKIE, providerSignOut } from "./sign-out.js";

/** The provider's session cookies, which the portal's session plugin clears when a person signs out. */
export { PROVIDER_COOKIES } from "./routes.js";

/** The portal's identity provider, with its single sign-out as the accounts' routes and administration call it. */
export interface IdentityProvider {
  provider: Provider;
  /** Ends every provider session and grant of a person (a password reset, an account turned off, "sign out everywhere"). */
  endAccount(userId: string): Promise<void>;
  /** Ends the provider session of the browser that signs out of the portal. */
  endBrowserSession(request: FastifyRequest): Promise<void>;
}

export interface IdpDeps {
  db: Db;
  config: Pick<Config, "BASE_URL" | "TRUST_PROXY" | "NODE_ENV">;
}

/**
 * Makes the identity provider; the server makes it before the accounts'
 * routes, since signing out of one signs out of the other.
 */
export async function identityProvider(app: FastifyInstance, { db, config }: IdpDeps): Promise<IdentityProvider> {
  const provider = createProvider({
    db,
    baseUrl: config.BASE_URL,
    keys: await loadIdpKeys(db),
    trustProxy: config.TRUST_PROXY,
    allowLoopbackRequests: config.NODE_ENV !== "production",
    findUser: (id) => findUser(db, id),
  });
  const sessions = providerSignOut(provider, db, (err, clientId) =>
    app.log.warn({ err, clientId }, "back-channel logout not delivered"),
  );
  return {
    provider,
    endAccount: (userId) => sessions.endAccount(userId),
    endBrowserSession: (request) => sessions.endBrowserSession(request.cookies[PROVIDER_SESSION_COOKIE]),
  };
}

/** The provider at /idp and the administrators' pages of its clients. */
export async function register(app: FastifyInstance, { db, provider }: { db: Db; provider: Provider }): Promise<void> {
  await app.register(idpRoutes, { provider, db });
  await inEachLanguage(app, idpAdminRoutes, { db });
}
