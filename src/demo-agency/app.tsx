import { createHmac, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { renderToString } from "preact-render-to-string";
import { direction, isLocale, type Locale } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";

/**
 * A tiny agency portal, separate from Hukoomi, that signs people in with
 * their Hukoomi account (OpenID Connect, code flow with PKCE): the
 * demonstration of single sign-on across government.
 */
export interface DemoAgencyOptions {
  /** Hukoomi's identity provider ("http://127.0.0.1:3000/idp"). */
  issuer: string;
  /** This portal's own address. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Signs this portal's own cookies. */
  cookieSecret: string;
}

interface Person {
  sub: string;
  /** The Hukoomi session this sign-in belongs to (the ID token's sid): a back-channel logout names it. */
  sid?: string;
  /** The ID token, handed back when signing out at Hukoomi (id_token_hint). */
  idToken?: string;
  name_ar?: string;
  name_en?: string;
  qid?: string;
  email?: string;
}

function sign(value: string, secret: string): string {
  return `${Buffer.from(value).toString("base64url")}.${createHmac("sha256", secret).update(value).digest("base64url")}`;
}

function unsign(signed: string | undefined, secret: string): string | undefined {
  if (!signed) return undefined;
  const [data, mac] = signed.split(".");
  if (!data || !mac) return undefined;
  const value = Buffer.from(data, "base64url").toString();
  const expected = createHmac("sha256", secret).update(value).digest("base64url");
  return expected.length === mac.length && timingSafeEqual(Buffer.from(expected), Buffer.from(mac)) ? value : undefined;
}

function Page({ locale, person, csrf }: { locale: Locale; person?: Person | undefined; csrf: string }) {
  const tr = translator(locale);
  const other = locale === "ar" ? "en" : "ar";
  return (
    <html lang={locale} dir={direction[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{tr.t("demoAgency.title")}</title>
      </head>
      <body>
        <header>
          <p>
            <a href={`/?lang=${other}`} lang={other}>
              {translator(other).t("layout.languageName")}
            </a>
          </p>
        </header>
        <main>
          <h1>{tr.t("demoAgency.title")}</h1>
          <p>{tr.t("demoAgency.lead")}</p>
          {person ? (
            <div>
              <p id="welcome">
                {tr.t("demoAgency.welcome", { name: (locale === "en" ? person.name_en : person.name_ar) ?? person.sub })}
              </p>
              {person.qid ? (
                <p>
                  {tr.t("demoAgency.qid")} <bdi dir="ltr">{person.qid}</bdi>
                </p>
              ) : null}
              <form method="post" action={`/logout?lang=${locale}`}>
                <input type="hidden" name="csrf" value={csrf} />
                <button type="submit">{tr.t("demoAgency.signOut")}</button>
              </form>
            </div>
          ) : (
            <p>
              <a id="sign-in" href={`/login?lang=${locale}`}>
                {tr.t("demoAgency.signIn")}
              </a>
            </p>
          )}
        </main>
      </body>
    </html>
  );
}

export async function buildDemoAgency(opts: DemoAgencyOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  await app.register(formbody);
  let config: oidc.Configuration | undefined;
  const discover = async () => {
    config ??= await oidc.discovery(new URL(opts.issuer), opts.clientId, opts.clientSecret, undefined, {
      ...(opts.issuer.startsWith("http://") ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    return config;
  };
  const localeOf = (request: FastifyRequest): Locale => {
    const lang = (request.query as Record<string, unknown>).lang;
    return isLocale(lang) ? lang : "ar";
  };
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const };
  // Hukoomi sessions that ended (told by back-channel logout): a sign-in that belongs to one no longer counts.
  const endedSessions = new Set<string>();
  const personOf = (request: FastifyRequest): Person | undefined => {
    const raw = unsign(request.cookies.agency_person, opts.cookieSecret);
    const person = raw ? (JSON.parse(raw) as Person) : undefined;
    return person?.sid && endedSessions.has(person.sid) ? undefined : person;
  };
  const csrfOf = (request: FastifyRequest) =>
    createHmac("sha256", opts.cookieSecret)
      .update(request.cookies.agency_person ?? "")
      .digest("base64url");
  const html = (reply: FastifyReply, element: preact.JSX.Element, status = 200) =>
    reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(`<!doctype html>${renderToString(element)}`);

  app.get("/", async (request, reply) =>
    html(reply, <Page locale={localeOf(request)} person={personOf(request)} csrf={csrfOf(request)} />),
  );

  app.get("/login", async (request, reply) => {
    const c = await discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const locale = localeOf(request);
    const url = oidc.buildAuthorizationUrl(c, {
      redirect_uri: `${opts.url}/callback`,
      scope: "openid profile email national_id",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      ui_locales: locale,
    });
    reply.setCookie("agency_login", sign(JSON.stringify({ verifier, state, locale }), opts.cookieSecret), {
      ...cookieOptions,
      maxAge: 600,
    });
    return reply.redirect(url.href, 303);
  });

  app.get("/callback", async (request, reply) => {
    const pending = unsign(request.cookies.agency_login, opts.cookieSecret);
    if (!pending) return reply.redirect("/", 303);
    const { verifier, state, locale } = JSON.parse(pending) as { verifier: string; state: string; locale: Locale };
    const c = await discover();
    const tokens = await oidc.authorizationCodeGrant(c, new URL(request.url, opts.url), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const claims = tokens.claims();
    const info = (await oidc.fetchUserInfo(c, tokens.access_token, claims?.sub ?? "")) as unknown as Person;
    const person: Person = {
      ...info,
      ...(typeof claims?.sid === "string" ? { sid: claims.sid } : {}),
      ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
    };
    reply.clearCookie("agency_login", cookieOptions);
    reply.setCookie("agency_person", sign(JSON.stringify(person), opts.cookieSecret), cookieOptions);
    return reply.redirect(`/?lang=${locale}`, 303);
  });

  // Signing out here signs out of Hukoomi too (RP-initiated logout): Hukoomi asks, then sends the person back.
  app.post("/logout", async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const locale = localeOf(request);
    const person = personOf(request);
    if (body.csrf !== csrfOf(request) || !person) return reply.redirect(`/?lang=${locale}`, 303);
    reply.clearCookie("agency_person", cookieOptions);
    const end = oidc.buildEndSessionUrl(await discover(), {
      post_logout_redirect_uri: `${opts.url}/`,
      ui_locales: locale,
      ...(person.idToken ? { id_token_hint: person.idToken } : {}),
    });
    return reply.redirect(end.href, 303);
  });

  // OpenID Connect Back-Channel Logout: Hukoomi posts a signed logout token when the person signs out there.
  app.post("/backchannel-logout", async (request, reply) => {
    const token = ((request.body ?? {}) as Record<string, unknown>).logout_token;
    const c = await discover();
    const meta = c.serverMetadata();
    try {
      if (typeof token !== "string" || !meta.jwks_uri) throw new Error("no logout token");
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(meta.jwks_uri)), {
        issuer: meta.issuer,
        audience: opts.clientId,
        maxTokenAge: "2 minutes",
      });
      const events = payload.events as Record<string, unknown> | undefined;
      if (
        !events?.["http://schemas.openid.net/event/backchannel-logout"] ||
        "nonce" in payload ||
        typeof payload.sid !== "string"
      )
        throw new Error("not a logout token");
      endedSessions.add(payload.sid);
      return reply.code(200).header("cache-control", "no-store").send();
    } catch {
      return reply.code(400).header("cache-control", "no-store").send({ error: "invalid_request" });
    }
  });
  return app;
}
