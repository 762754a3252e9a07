import { and, eq, lt, ne, or } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../platform/db/client.js";
import { localizePath } from "../platform/i18n/locales.js";
import { randomToken, sha256 } from "./crypto.js";
import type { Viewer } from "./model.js";
import { findUser, rolesOf } from "./repository.js";
import { sessions } from "./tables.js";

export const SESSION_COOKIE = "hk_session";
/** The session method while an authenticator code is still due. */
export const PENDING_SECOND_STEP = "pending-second-step";
/**
 * The session of a registration that cannot go ahead (the email or ID
 * already has an account): the browser sees the same next step as any
 * registration, and no account is made. It belongs to nobody.
 */
export const DUPLICATE_REGISTRATION = "duplicate-registration";
/** Seconds between writes of a session's last activity. */
const TOUCH_EVERY_SECONDS = 60;

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in person, when there is one. */
    viewer?: Viewer | undefined;
    /** This browser's registration cannot go ahead (see DUPLICATE_REGISTRATION): its session's id and the number it gave. */
    duplicateRegistration?: { id: string; phone: string } | undefined;
  }
  interface FastifyReply {
    /** Starts a new session for the person (a new id: any earlier session of this browser ends), and sets its cookie; null: a registration that cannot go ahead. */
    signIn(userId: string | null, method: string, pendingPhone?: string): Promise<void>;
    /** Ends this browser's session and clears its cookie. */
    signOut(): Promise<void>;
  }
}

export interface SessionOptions {
  db: Db;
  idleMinutes: number;
  absoluteHours: number;
  secureCookies: boolean;
  /** Other cookies that end with the session (the identity provider's). */
  alsoClear?: string[];
}

/**
 * Sessions in the database: an opaque random token in an HttpOnly,
 * SameSite=Lax cookie, stored as its SHA-256; an idle timeout and an
 * absolute one; a new token at every sign-in (no session fixation).
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: SessionOptions) => {
  const { db } = opts;
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: opts.secureCookies,
  };

  app.decorateRequest("viewer", undefined);
  app.decorateRequest("duplicateRegistration", undefined);

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || request.url.startsWith("/assets/")) return;
    const id = sha256(token);
    const [session] = await db.select().from(sessions).where(eq(sessions.id, id));
    if (!session) return;
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + opts.idleMinutes * 60_000;
    if (session.expiresAt.getTime() < now || idleLimit < now) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return;
    }
    if (!session.userId) {
      if (session.method === DUPLICATE_REGISTRATION) request.duplicateRegistration = { id, phone: session.pendingPhone ?? "" };
      return;
    }
    const user = await findUser(db, session.userId);
    if (!user || user.disabledAt) return;
    request.viewer = {
      id: user.id,
      name: { ar: user.nameAr, en: user.nameEn },
      locale: user.locale === "en" ? "en" : "ar",
      roles: await rolesOf(db, user.id),
      sessionId: id,
      stage: session.method === PENDING_SECOND_STEP ? "second-step" : user.phoneVerifiedAt ? "full" : "verify-phone",
    };
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_SECONDS * 1000) {
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.id, id));
    }
  });

  app.decorateReply(
    "signIn",
    async function signIn(this: FastifyReply, userId: string | null, method: string, pendingPhone?: string) {
      const old = this.request.cookies[SESSION_COOKIE];
      if (old) await db.delete(sessions).where(eq(sessions.id, sha256(old)));
      const token = randomToken();
      await db.insert(sessions).values({
        id: sha256(token),
        userId,
        method,
        expiresAt: new Date(Date.now() + opts.absoluteHours * 3_600_000),
        userAgent: (this.request.headers["user-agent"] ?? "").slice(0, 300),
        pendingPhone: pendingPhone ?? null,
      });
      this.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: opts.absoluteHours * 3600 });
    },
  );

  app.decorateReply("signOut", async function signOut(this: FastifyReply) {
    const token = this.request.cookies[SESSION_COOKIE];
    if (token) await db.delete(sessions).where(eq(sessions.id, sha256(token)));
    this.clearCookie(SESSION_COOKIE, cookieOptions);
    for (const name of opts.alsoClear ?? []) this.clearCookie(name, { path: "/" });
    this.request.viewer = undefined;
    this.request.duplicateRegistration = undefined;
  });
});

/** Ends the session a cookie's token names (a sign-out that started elsewhere: at the identity provider). */
export async function endSessionByToken(db: Db, token: string | undefined): Promise<void> {
  if (token && token.length <= 200) await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

/** Ends every session of a person (sign out everywhere; after a password change), except `keep`. */
export async function endSessionsOf(db: Db, userId: string, keep?: string): Promise<void> {
  await db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

/** Removes sessions that have run out (a job). */
export async function purgeExpiredSessions(db: Db, idleMinutes: number): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000))));
}

/** A local path to come back to after signing in: anything else (another site, "//host") is refused. */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 512) return undefined;
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : undefined;
}

/** preHandler: the route needs a signed-in person; others go to sign in (or finish signing in) and come back. */
export async function requireViewer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const stage = request.viewer?.stage;
  if (stage === "full") return;
  if (stage === "verify-phone" && !request.url.startsWith("/api/")) {
    await reply.redirect(localizePath(request.locale, "/register/verify-phone"), 303);
    return;
  }
  if (stage === "second-step" && !request.url.startsWith("/api/")) {
    await reply.redirect(`${localizePath(request.locale, "/sign-in/code")}?returnTo=${encodeURIComponent(request.url)}`, 303);
    return;
  }
  if (request.url.startsWith("/api/")) {
    await reply.code(401).send({ error: { status: 401, message: request.tr.t("accounts.errors.signInRequired") } });
    return;
  }
  const target = `${localizePath(request.locale, "/sign-in")}?returnTo=${encodeURIComponent(request.url)}`;
  await reply.redirect(target, 303);
}
