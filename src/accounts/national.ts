import { and, eq, gt } from "drizzle-orm";
import * as oidc from "openid-client";
import type { Db } from "../platform/db/client.js";
import { checkQid, normalisePhone } from "../platform/text/identifiers.js";
import { createUser, findUserByEmail, type User, updateUser } from "./repository.js";
import { nationalSignIns, users } from "./tables.js";

export interface NationalIdpSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** <portal>/sign-in/national/callback */
  redirectUri: string;
}

/** How long a started national sign-in may take. */
const PENDING_MINUTES = 10;

/**
 * Sign-in with the national identity provider (the smart-card system),
 * through OpenID Connect with openid-client: authorization code, PKCE and a
 * nonce. The person's Hukoomi account is found by the provider's subject or
 * QID, or made from the verified claims.
 */
export class NationalSignIn {
  private config: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: NationalIdpSettings,
  ) {}

  private discover(): Promise<oidc.Configuration> {
    this.config ??= oidc
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        ...(this.settings.issuer.startsWith("http://") ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error) => {
        this.config = undefined;
        throw error;
      });
    return this.config;
  }

  /** The address to send the person to, remembering what to check on their return. */
  async start(locale: string, returnTo: string | undefined): Promise<string> {
    const config = await this.discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.db.insert(nationalSignIns).values({ state, verifier, nonce, returnTo: returnTo ?? null, locale });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: "openid profile email phone national_id",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
      ui_locales: locale,
    }).href;
  }

  /** Finishes a sign-in from the provider's answer: the person's account, and where they were going. */
  async finish(
    callbackUrl: URL,
  ): Promise<
    | { user: User; returnTo: string | undefined; locale: "ar" | "en" }
    | { problem: "expired" | "refused" | "emailTaken" | "claims" }
  > {
    const state = callbackUrl.searchParams.get("state") ?? "";
    const [pending] = await this.db
      .delete(nationalSignIns)
      .where(
        and(eq(nationalSignIns.state, state), gt(nationalSignIns.createdAt, new Date(Date.now() - PENDING_MINUTES * 60_000))),
      )
      .returning();
    if (!pending) return { problem: "expired" };
    if (callbackUrl.searchParams.has("error")) return { problem: "refused" };
    const config = await this.discover();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
      const sub = tokens.claims()?.sub ?? "";
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, sub)), sub };
    } catch {
      return { problem: "refused" };
    }
    const returnTo = pending.returnTo ?? undefined;
    // The language the person started in, carried through the provider's pages.
    const locale = pending.locale === "en" ? "en" : "ar";
    const subject = `${this.settings.issuer}#${String(claims.sub)}`;
    const [linked] = await this.db.select().from(users).where(eq(users.nationalSubject, subject));
    if (linked) return { user: linked, returnTo, locale };

    const checked = checkQid(String(claims.qid ?? ""));
    if ("problem" in checked) return { problem: "claims" };
    const [byQid] = await this.db.select().from(users).where(eq(users.qid, checked.qid));
    if (byQid) {
      await updateUser(this.db, byQid.id, { nationalSubject: subject });
      return { user: { ...byQid, nationalSubject: subject }, returnTo, locale };
    }
    const email = String(claims.email ?? "").toLowerCase();
    const phone = normalisePhone(String(claims.phone_number ?? ""));
    const nameAr = String(claims.name_ar ?? "");
    const nameEn = String(claims.name_en ?? "");
    if (!email || !phone || !nameAr || !nameEn) return { problem: "claims" };
    if (await findUserByEmail(this.db, email)) return { problem: "emailTaken" };
    const nationality = String(claims.nationality ?? "QA").toUpperCase();
    const now = new Date();
    const user = await createUser(this.db, {
      qid: checked.qid,
      nationalSubject: subject,
      nameAr,
      nameEn,
      nationality,
      residency: nationality === "QA" ? "citizen" : "resident",
      phone,
      phoneVerifiedAt: now,
      email,
      emailVerifiedAt: now,
      passwordHash: null,
      locale,
    });
    return { user, returnTo, locale };
  }
}
