import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type Provider from "oidc-provider";
import { HttpError } from "../platform/http/errors.js";
import { localeOf } from "../platform/http/render.js";
import { translator } from "../platform/i18n/messages.js";

/** Who a valid token speaks for. */
export interface BearerIdentity {
  userId: string;
  clientId: string;
  scopes: Set<string>;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the bearer guard on the signed-in API calls. */
    bearer?: BearerIdentity;
  }
}

export interface BearerOptions {
  provider: Provider;
  /** Whether the account still exists (and may sign in). */
  accountExists(id: string): Promise<boolean>;
  /** The scope the calls need. */
  scope: string;
  /**
   * Counts refused tokens per address (a limiter from app.createRateLimit).
   * The usual limit is per token, so a flood of made-up tokens would get a
   * new count each time; this one stops an address that keeps guessing,
   * before its next guess costs a database lookup.
   */
  failures?: FailureLimiter;
}

/** A limiter as app.createRateLimit makes it: counts, or only reads the count with increment false. */
export type FailureLimiter = (
  request: FastifyRequest,
  options?: { increment?: boolean },
) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }>;

/** Refusals of made-up or expired tokens allowed from one address a minute. */
export const FAILURES_PER_MINUTE = 20;

/** The key of an address's refused tokens. */
export const failureRateKey = (request: FastifyRequest) => `bearer-refused:${request.ip}`;

/** 429 with Retry-After when the address is over its refused-token limit. */
async function guardFailures(
  limiter: FailureLimiter | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
  increment: boolean,
) {
  const limit = await limiter?.(request, { increment });
  if (!limit || limit.isAllowed || !limit.isExceeded) return;
  reply.header("retry-after", String(limit.ttlInSeconds)).header("cache-control", "no-store");
  throw new HttpError(429, "errors.tooManyRequests.message");
}

/** RFC 6750's token characters. */
const TOKEN = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an Authorization header, or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return TOKEN.exec(request.headers.authorization ?? "")?.[1];
}

/** The rate-limit key: the token's hash when there is one (each app's calls counted apart), else the address. */
export function bearerRateKey(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token ? `bearer:${createHash("sha256").update(token).digest("base64url")}` : `ip:${request.ip}`;
}

type Refusal = "missing" | "invalid_token" | "insufficient_scope";

function refuse(request: FastifyRequest, reply: FastifyReply, why: Refusal, scope: string) {
  const tr = translator(localeOf(request));
  const status = why === "insufficient_scope" ? 403 : 401;
  // RFC 6750 §3: no error code when the request carried no token at all.
  const challenge = [`realm="hukoomi"`, `scope="${scope}"`, ...(why === "missing" ? [] : [`error="${why}"`])].join(", ");
  return reply
    .code(status)
    .header("www-authenticate", `Bearer ${challenge}`)
    .header("cache-control", "no-store")
    .send({
      error: {
        status,
        message: tr.t(`apiDocs.bearer.${why === "missing" ? "missing" : why === "invalid_token" ? "invalid" : "scope"}`),
      },
    });
}

/**
 * Checks an access token issued by the portal's identity provider (/idp).
 * Tokens are opaque and kept by the provider in the database, so any
 * instance finds them, and a revoked or expired token, an ended grant or a
 * disabled client stops working at once (a self-contained JWT would live on
 * until it expired). The same checks as the provider's own userinfo endpoint:
 * token found and unexpired, not bound to another resource or sender, its
 * grant and client still there and matching, the account still there.
 */
export async function verifyAccessToken(
  { provider, accountExists }: Omit<BearerOptions, "scope">,
  value: string,
): Promise<BearerIdentity | undefined> {
  const token = await provider.AccessToken.find(value).catch(() => undefined);
  if (!token?.accountId || !token.grantId || !token.clientId) return undefined;
  if (token.aud !== undefined || token.jkt || token["x5t#S256"]) return undefined;
  const grant = await provider.Grant.find(token.grantId).catch(() => undefined);
  if (!grant || grant.clientId !== token.clientId || grant.accountId !== token.accountId) return undefined;
  const { accountId, clientId } = token;
  const client = await provider.Client.find(clientId).catch(() => undefined);
  if (!client) return undefined;
  if (!(await accountExists(accountId))) return undefined;
  return { userId: accountId, clientId, scopes: token.scopes };
}

/** A preHandler: 401 without a valid token, 403 without the scope; sets request.bearer. */
export function requireBearer(options: BearerOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    await guardFailures(options.failures, request, reply, false);
    const value = bearerToken(request);
    if (!value) return refuse(request, reply, request.headers.authorization ? "invalid_token" : "missing", options.scope);
    const identity = await verifyAccessToken(options, value);
    if (!identity) {
      await guardFailures(options.failures, request, reply, true);
      return refuse(request, reply, "invalid_token", options.scope);
    }
    if (!identity.scopes.has(options.scope)) return refuse(request, reply, "insufficient_scope", options.scope);
    request.bearer = identity;
  };
}
