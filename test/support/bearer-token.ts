import type { FastifyInstance } from "fastify";
import * as oidc from "openid-client";
import { DEMO_PASSWORD } from "../../src/accounts/demo-people.js";
import { MOBILE_APP_CLIENT_ID, MOBILE_APP_REDIRECT } from "../../src/idp/demo-client.js";
import { Client } from "./client.js";
import { type DemoPerson, demoEmails } from "./people.js";

/**
 * Access tokens for demo people as the demo mobile app gets them: signed in
 * in a browser-like client, then the authorization code with PKCE at /idp.
 * The app must listen at `issuer` (discovery is real HTTP), with the demo
 * people and the demo mobile client loaded.
 */
export async function bearerTokens(app: FastifyInstance, issuer: string) {
  const config = await oidc.discovery(new URL(`${issuer}/idp`), MOBILE_APP_CLIENT_ID, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });

  /** Follows redirects inside the portal until one leaves it (the app's own address). */
  async function browse(client: Client, url: string): Promise<string> {
    let current = url;
    for (let i = 0; i < 12; i++) {
      const path = current.startsWith(issuer) ? current.slice(issuer.length) : current;
      if (!path.startsWith("/")) return current;
      const res = await client.get(path);
      if (res.statusCode < 300 || res.statusCode >= 400) throw new Error(`stopped at ${path}: ${res.statusCode}`);
      current = String(res.headers.location);
    }
    throw new Error("too many redirects");
  }

  return async function tokenFor(who: DemoPerson, scope = "openid hukoomi.me"): Promise<string> {
    const browser = new Client(app, { host: new URL(issuer).host });
    await browser.get("/en/sign-in");
    await browser.post("/en/sign-in", { identifier: demoEmails[who], password: DEMO_PASSWORD });
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: MOBILE_APP_REDIRECT,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    });
    const back = await browse(browser, url.href);
    const got = await oidc.authorizationCodeGrant(config, new URL(back), { pkceCodeVerifier: verifier, expectedState: state });
    return got.access_token;
  };
}
