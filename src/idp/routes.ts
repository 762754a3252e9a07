import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type Provider from "oidc-provider";
import { logDataAccess } from "../accounts/service.js";
import { endSessionByToken, SESSION_COOKIE } from "../accounts/sessions.js";
import type { Db } from "../platform/db/client.js";
import { isLocale, localizePath } from "../platform/i18n/locales.js";
import { clientNames } from "./clients.js";
import { IDP_PATH } from "./provider.js";

/** The provider's session cookies, cleared when the person signs out of the portal. */
export const PROVIDER_COOKIES = ["_session", "_session.sig", "_session.legacy", "_session.legacy.sig"];

/**
 * Mounts the identity provider under /idp. Its requests bypass the
 * portal's body parsers (the provider reads its own bodies), and the
 * interaction step (login, consent) is answered by the portal: the person's
 * portal session is their login; registered government clients need no
 * separate consent, and each sign-in is recorded in "who used my data".
 */
export async function idpRoutes(app: FastifyInstance, { provider, db }: { provider: Provider; db: Db }) {
  // Signing out at the provider (/idp/session/end, asked by an agency's portal) signs the browser out of the portal too.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== "end_session_confirm" || ctx.status !== 303 || !ctx.oidc.params?.logout) return;
    await endSessionByToken(db, ctx.cookies.get(SESSION_COOKIE, { signed: false }));
    ctx.cookies.set(SESSION_COOKIE, null, { path: "/", signed: false, httpOnly: true, overwrite: true });
  });
  const callback = provider.callback();

  app.get("/idp/interaction/:uid", async (request: FastifyRequest, reply: FastifyReply) => {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    const uiLocale = String(details.params.ui_locales ?? "").split(" ")[0];
    const locale = isLocale(uiLocale) ? uiLocale : request.locale;
    const viewer = request.viewer?.stage === "full" ? request.viewer : undefined;
    if (details.prompt.name === "login") {
      if (!viewer) {
        const here = `${IDP_PATH}/interaction/${details.uid}`;
        return reply.redirect(`${localizePath(locale, "/sign-in")}?returnTo=${encodeURIComponent(here)}`, 303);
      }
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { login: { accountId: viewer.id, remember: false } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    // consent: granted for registered government clients, and recorded for the person.
    const accountId = details.session?.accountId ?? viewer?.id;
    const clientId = String(details.params.client_id);
    if (!accountId) return reply.redirect(localizePath(locale, "/sign-in"), 303);
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
    if (!grant) return reply.redirect(localizePath(locale, "/sign-in"), 303);
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(" "));
    const grantId = await grant.save();
    await logDataAccess(db, {
      subjectId: accountId,
      who: await clientNames(db, clientId),
      action: "accounts.access.signedInWith",
    });
    reply.hijack();
    await provider.interactionFinished(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  await app.register(async (scope) => {
    // The provider parses its own request bodies.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    const handle = async (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      // "/idp?x" is the provider's "/?x": its router needs a path that starts with a slash.
      const rest = (raw.url ?? "").slice(IDP_PATH.length);
      raw.url = rest.startsWith("/") ? rest : `/${rest}`;
      await callback(raw, reply.raw);
    };
    scope.all("/idp", handle);
    scope.all("/idp/*", handle);
  });
}
