import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { HttpError } from "../platform/http/errors.js";
import { isLocale, type Locale } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";
import type { SandboxGateway } from "./gateway.js";
import { GatewayError, gatewayErrors, paymentView, refundView } from "./model.js";
import { createPaymentSchema, idempotencyKeySchema, listQuerySchema, paymentParams, refundSchema } from "./schemas.js";

/** Requests the gateway refuses before reading them: JSON errors with a stable code. */
const codeForStatus: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
  409: "invalid_state",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
};

/** The message of a refusal raised by the framework or a plugin rather than the gateway. */
const messageForStatus: Record<number, string> = {
  404: "notFound",
  413: "payloadTooLarge",
  415: "unsupportedMediaType",
  429: "tooManyRequests",
};

/** The language of the gateway's messages: ?lang=, else Accept-Language, else English (its callers are programs). */
function apiLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(lang)) return lang;
  const accepted = (request.headers["accept-language"] ?? "").split(",").map((part) => part.trim().slice(0, 2).toLowerCase());
  return accepted.find(isLocale) ?? "en";
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The merchant named by HTTP Basic credentials, when they are right. */
function authenticatedMerchant(header: string | undefined, merchantId: string, secret: string): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const id = decoded.slice(0, colon);
  const ok = sameSecret(id, merchantId) && sameSecret(decoded.slice(colon + 1), secret);
  return ok ? id : undefined;
}

function invalid(error: z.ZodError): GatewayError {
  const issues = error.issues.map((issue) => ({ field: issue.path.join("."), key: issue.message }));
  return new GatewayError(400, "invalid_request", issues[0]?.key ?? "sandboxGateway.api.errors.badRequest", {}, issues);
}

function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

function idempotencyKey(request: FastifyRequest): string {
  const parsed = idempotencyKeySchema.safeParse(request.headers["idempotency-key"]);
  if (!parsed.success) throw new GatewayError(400, "idempotency_key_required", "sandboxGateway.api.errors.idempotencyKey");
  return parsed.data;
}

function paymentId(request: FastifyRequest): string {
  const parsed = paymentParams.safeParse(request.params);
  if (!parsed.success) throw gatewayErrors.notFound();
  return parsed.data.id;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError | HttpError) {
  const tr = translator(apiLocale(request));
  const raw = error.statusCode ?? 500;
  const status = raw >= 400 && raw < 600 ? raw : 500;
  if (status >= 500) {
    request.log.error({ err: error, reference: request.id }, "sandbox gateway error");
    return reply.code(500).send({
      error: { status: 500, code: "server_error", message: tr.t("sandboxGateway.api.errors.server"), reference: request.id },
    });
  }
  const gateway = error instanceof GatewayError ? error : undefined;
  const key =
    error instanceof HttpError && tr.has(error.messageKey)
      ? error.messageKey
      : `sandboxGateway.api.errors.${messageForStatus[status] ?? "badRequest"}`;
  const message = tr.t(key, gateway?.values);
  const details = gateway?.issues.map((i) => ({
    field: i.field,
    message: tr.has(i.key) ? tr.t(i.key) : tr.t("sandboxGateway.api.errors.badRequest"),
  }));
  return reply.code(status).send({
    error: {
      status,
      code: gateway?.code ?? codeForStatus[status] ?? "invalid_request",
      message,
      ...(details?.length ? { details } : {}),
    },
  });
}

/**
 * The gateway's JSON API for the merchant's servers, under
 * /sandbox-gateway/api/v1, with HTTP Basic authentication (merchant id and
 * secret). Every refusal is JSON: { error: { status, code, message, details? } }.
 */
export async function gatewayApiRoutes(app: FastifyInstance, opts: { gateway: SandboxGateway }) {
  const { gateway } = opts;
  const { merchantId, merchantSecret } = gateway.settings;

  // An empty JSON body (a capture sent with a content type) reads as {}.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new GatewayError(400, "invalid_json", "sandboxGateway.api.errors.invalidJson"), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, gatewayErrors.notFound()));

  app.addHook("onRequest", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const merchant = authenticatedMerchant(request.headers.authorization, merchantId, merchantSecret);
    if (!merchant) {
      reply.header("www-authenticate", 'Basic realm="sandbox-gateway", charset="UTF-8"');
      throw new GatewayError(401, "unauthorized", "sandboxGateway.api.errors.unauthorized");
    }
  });

  app.post("/payments", async (request, reply) => {
    const key = idempotencyKey(request);
    const input = parse(createPaymentSchema, request.body);
    const { payment, created } = await gateway.create({ ...input, merchant: merchantId, idempotencyKey: key });
    return reply.code(created ? 201 : 200).send({ ...paymentView(payment), paymentUrl: gateway.paymentUrl(payment) });
  });

  app.get("/payments", async (request) => {
    const { from, to } = parse(listQuerySchema, request.query);
    const rows = await gateway.createdOnDays(merchantId, from, to);
    return { payments: rows.map(paymentView) };
  });

  app.get("/payments/:id", async (request) => {
    const payment = await gateway.current(paymentId(request), merchantId);
    if (!payment) throw gatewayErrors.notFound();
    return paymentView(payment);
  });

  app.post("/payments/:id/capture", async (request) => {
    return paymentView(await gateway.capture(merchantId, paymentId(request)));
  });

  app.post("/payments/:id/refund", async (request, reply) => {
    const id = paymentId(request);
    const key = idempotencyKey(request);
    const { amount } = parse(refundSchema, request.body);
    const { refund, payment, created } = await gateway.refund(merchantId, id, key, amount);
    return reply.code(created ? 201 : 200).send({ refund: refundView(refund), payment: paymentView(payment) });
  });
}
