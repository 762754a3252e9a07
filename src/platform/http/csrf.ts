import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * Anti-forgery tokens for every state-changing form (the synchronizer token
 * pattern): a secret in an HttpOnly, SameSite cookie; each form carries a
 * token derived from it in a hidden `_csrf` field (also in multipart forms) (or the `x-csrf-token`
 * header for scripts). Routes opt in with `preHandler: app.csrfProtection`.
 */
export const csrfPlugin = fp(async (app: FastifyInstance, opts: { secureCookies: boolean }) => {
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: "hk_csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: opts.secureCookies, signed: false },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      // Multipart forms (file uploads) carry each field as { value }.
      const field = body?._csrf as string | { value?: unknown } | undefined;
      const fromBody = typeof field === "string" ? field : typeof field?.value === "string" ? field.value : undefined;
      return fromBody ?? (req.headers["x-csrf-token"] as string | undefined);
    },
  });
});
