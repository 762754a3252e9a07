import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import type { User } from "../accounts/service.js";
import type { Db } from "../platform/db/client.js";
import { direction, isLocale, type Locale } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import { databaseAdapter } from "./adapter.js";
import { ME_API_SCOPE } from "./clients.js";
import type { IdpKeys } from "./keys.js";

export const IDP_PATH = "/idp";

export interface ProviderOptions {
  db: Db;
  baseUrl: string;
  keys: IdpKeys;
  trustProxy: boolean;
  /**
   * Let the provider's own requests (back-channel logout) reach this machine:
   * agencies' portals run on 127.0.0.1 in development and tests. In production
   * the provider's protection against requests to internal addresses stays on.
   */
  allowLoopbackRequests: boolean;
  findUser(id: string): Promise<User | undefined>;
}

/** The language of the provider's own pages: ui_locales when given, else Arabic. */
function localeOf(ctx: KoaContextWithOIDC): Locale {
  const wanted = String(ctx.oidc?.params?.ui_locales ?? "").split(" ")[0];
  return isLocale(wanted) ? wanted : "ar";
}

/** A minimal page for the provider's own screens (errors, sign-out), in the person's language. */
function page(locale: Locale, title: string, body: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return `<!doctype html><html lang="${locale}" dir="${direction[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><link rel="stylesheet" href="/assets/css/hukoomi.css"></head><body><main class="container page main" id="main-content"><div class="narrow"><h1 class="heading-xl">${esc(title)}</h1>${body}</div></main></body></html>`;
}

/**
 * The sign-out page's form posts to the provider, which then sends the
 * browser back to the agency (its registered post-logout address). The
 * Content-Security-Policy's form-action governs that redirect too, so on
 * this page alone it also names the agency's origin.
 */
function allowRedirectBack(ctx: KoaContextWithOIDC): void {
  const target = ctx.oidc?.params?.post_logout_redirect_uri;
  const policy = ctx.response.get("content-security-policy");
  if (typeof target !== "string" || !policy || !ctx.oidc.client?.postLogoutRedirectUriAllowed(target)) return;
  const origin = new URL(target).origin;
  ctx.set("content-security-policy", policy.replace("form-action 'self'", `form-action 'self' ${origin}`));
}

/**
 * Hukoomi as an OpenID Connect provider (oidc-provider): agencies' portals
 * sign their users in with their Hukoomi account. Signing in happens on the
 * portal's own sign-in page, and the provider's login is the portal's
 * session, so one sign-in serves the portal and every agency (single sign-on).
 */
export function createProvider(opts: ProviderOptions): Provider {
  const configuration: Configuration = {
    adapter: databaseAdapter(opts.db),
    jwks: opts.keys.jwks,
    cookies: { keys: opts.keys.cookieKeys },
    pkce: { required: () => true },
    fetch: (url, options) => {
      const { hostname } = new URL(url instanceof Request ? url.url : url);
      const loopback = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
      const { dispatcher: _protected, ...unprotected } = options as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, opts.allowLoopbackRequests && loopback ? unprotected : options);
    },
    // Revoking any token (an app signing out at /idp/token/revocation, a code used twice, a sign-out) ends the
    // whole grant: every access token issued under it stops working at once, not only the one revoked.
    revokeGrantPolicy: () => true,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // Agencies' portals that register a back-channel logout address are told when a person signs out.
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          allowRedirectBack(ctx);
          const locale = localeOf(ctx);
          const tr = translator(locale);
          ctx.body = page(
            locale,
            tr.t("idp.logout.title"),
            `${form}<p class="lead">${tr.t("idp.logout.question")}</p><button class="button" type="submit" form="op.logoutForm" value="yes" name="logout">${tr.t("idp.logout.yes")}</button> <button class="button button--secondary" type="submit" form="op.logoutForm">${tr.t("idp.logout.no")}</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          const locale = localeOf(ctx);
          const tr = translator(locale);
          ctx.body = page(locale, tr.t("idp.logout.done"), `<p class="lead">${tr.t("idp.logout.doneBody")}</p>`);
        },
      },
    },
    claims: {
      openid: ["sub"],
      profile: ["name", "name_ar", "name_en", "locale", "nationality", "residency"],
      email: ["email", "email_verified"],
      phone: ["phone_number", "phone_number_verified"],
      national_id: ["qid", "passport_number", "passport_country"],
    },
    // hukoomi.me: the person's own requests, documents and notifications through /api/v1/me (src/api/).
    scopes: ["openid", "profile", "email", "phone", "national_id", ME_API_SCOPE],
    conformIdTokenClaims: false,
    interactions: { url: (_ctx, interaction) => `${IDP_PATH}/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 12 * 3600,
      Grant: 30 * 24 * 3600,
    },
    findAccount: async (_ctx, sub) => {
      const user = await opts.findUser(sub);
      // A turned-off account is no account: no code, token or userinfo for it.
      if (!user || user.disabledAt) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          name: user.locale === "en" ? user.nameEn : user.nameAr,
          name_ar: user.nameAr,
          name_en: user.nameEn,
          locale: user.locale,
          nationality: user.nationality,
          residency: user.residency,
          email: user.email,
          email_verified: Boolean(user.emailVerifiedAt),
          phone_number: user.phone,
          phone_number_verified: Boolean(user.phoneVerifiedAt),
          ...(user.qid ? { qid: user.qid } : {}),
          ...(user.passportNumber ? { passport_number: user.passportNumber, passport_country: user.passportCountry } : {}),
        }),
      };
    },
    renderError: async (ctx, out) => {
      const locale = localeOf(ctx);
      const tr = translator(locale);
      ctx.type = "html";
      ctx.body = page(
        locale,
        tr.t("idp.error.title"),
        `<p class="lead">${tr.t("idp.error.body")}</p><p><code>${String(out.error).replace(/[^\w.-]/g, "")}</code></p>`,
      );
    },
  };
  const provider = new Provider(`${opts.baseUrl}${IDP_PATH}`, configuration);
  provider.proxy = opts.trustProxy;
  return provider;
}
