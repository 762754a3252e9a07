import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { translator } from "../i18n/messages.js";
import { ProblemPage, renderStandaloneErrorPage, type StandaloneError } from "../layout/ErrorPages.js";
import { assetUrl } from "./assets.js";
import { HttpError, isDatabaseUnavailable, messageKeyForStatus } from "./errors.js";
import { isMalformedMultipart } from "./multipart.js";
import { localeOf } from "./render.js";

/** API calls and scripts that ask for JSON get JSON errors; browsers get pages. */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith("/api/")) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

function statusOf(error: FastifyError | HttpError): number {
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

function messageKeyOf(error: FastifyError | HttpError, status: number): string {
  if (error instanceof HttpError) return error.messageKey;
  if (error.code?.startsWith("FST_CSRF")) return "errors.csrf.message";
  return messageKeyForStatus(status);
}

function titleKeyFor(status: number): string {
  return status === 404 ? "errors.notFound.title" : status === 403 ? "errors.forbidden.title" : "errors.badRequest.title";
}

/** A refused request (4xx): a clear message in the visitor's language, as a page or as JSON. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, messageKey: string, details?: unknown) {
  request.locale = localeOf(request);
  request.tr = translator(request.locale);
  const message = request.tr.t(request.tr.has(messageKey) ? messageKey : messageKeyForStatus(status));
  if (wantsJson(request)) {
    return reply.code(status).send({ error: { status, message, ...(details ? { details } : {}) } });
  }
  return reply.page({
    status,
    title: request.tr.t(titleKeyFor(status)),
    body: <ProblemPage title={request.tr.t(titleKeyFor(status))} message={message} />,
    hideFeedback: true,
    noindex: true,
  });
}

/** The strict policy for standalone error pages, which bypass the hooks that add it elsewhere. */
const STANDALONE_CSP = "default-src 'self'; script-src 'none'; frame-ancestors 'none'; base-uri 'self'";

function sendStandalone(request: FastifyRequest, reply: FastifyReply, status: number, error: StandaloneError) {
  const locale = localeOf(request);
  const tr = translator(locale);
  if (wantsJson(request)) {
    return reply.code(status).send({ error: { status, message: tr.t(error.messageKey), reference: error.reference } });
  }
  return reply
    .code(status)
    .header("content-security-policy", STANDALONE_CSP)
    .header("x-content-type-options", "nosniff")
    .type("text/html; charset=utf-8")
    .send(renderStandaloneErrorPage(locale, error, assetUrl("css/hukoomi.css")));
}

function sendServerError(request: FastifyRequest, reply: FastifyReply) {
  const reference = String(request.id);
  return sendStandalone(request, reply, 500, { titleKey: "errors.server.title", messageKey: "errors.server.message", reference });
}

/** Seconds a visitor (or a client) is asked to wait while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database is down or restarting: a quick 503 asking to try again in a
 * moment, standalone because the layout itself may need the database.
 */
function sendUnavailable(request: FastifyRequest, reply: FastifyReply) {
  reply.header("retry-after", String(RETRY_AFTER_SECONDS)).header("cache-control", "no-store");
  return sendStandalone(request, reply, 503, { titleKey: "errors.unavailable.title", messageKey: "errors.unavailable.message" });
}

/** Zod validation problems as { path, message } pairs for API clients. */
function validationDetails(error: FastifyError): unknown {
  return error.validation?.map((v) => ({ path: v.instancePath || v.params?.missingProperty || "", message: v.message }));
}

/**
 * Maps every error to HTTP once, at the edge: domain errors and framework
 * 4xx errors become a message in the visitor's language; an unreachable
 * database is a 503 with Retry-After; anything else is a 500 with a
 * reference id that is also written to the log.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error, reference: request.id }, "database unavailable");
      return sendUnavailable(request, reply);
    }
    if (isMalformedMultipart(error)) return sendProblem(request, reply, 400, messageKeyForStatus(400));
    const status = statusOf(error);
    if (status >= 500) {
      request.log.error({ err: error, reference: request.id }, "unexpected error");
      return sendServerError(request, reply);
    }
    request.log.info({ status, code: (error as FastifyError).code, msg: error.message }, "request refused");
    try {
      const details = "validation" in error ? validationDetails(error) : error instanceof HttpError ? error.details : undefined;
      return sendProblem(request, reply, status, messageKeyOf(error, status), details);
    } catch (renderError) {
      request.log.error({ err: renderError, reference: request.id }, "error page failed");
      return sendServerError(request, reply);
    }
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, "errors.notFound.message"));
});

/**
 * For Fastify's `frameworkErrors` option: a malformed address is a 400 in
 * both languages. It runs before routing, so without the layout.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ code: error.code }, "malformed address");
  return sendStandalone(request, reply, 400, { titleKey: "errors.badRequest.title", messageKey: "errors.badUrl.message" });
}
