import { createHmac, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
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
  const personOf = (request: FastifyRequest): Person | undefined => {
    const raw = unsign(request.cookies.agency_person, opts.cookieSecret);
    return raw ? (JSON.parse(raw) as Person) : undefined;
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
    reply.clearCookie("agency_login", cookieOptions);
    reply.setCookie("agency_person", sign(JSON.stringify(info), opts.cookieSecret), cookieOptions);
    return reply.redirect(`/?lang=${locale}`, 303);
  });

  app.post("/logout", async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.csrf === csrfOf(request)) reply.clearCookie("agency_person", cookieOptions);
    return reply.redirect(`/?lang=${localeOf(request)}`, 303);
  });
  return app;
}
