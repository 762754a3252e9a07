import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { GatewayUnavailable, gatewayPaymentSchema } from "./gateway.js";
import { findByGatewayId, firstTimeSeen, forgetNotification } from "./repository.js";
import type { Payments } from "./service.js";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "./signature.js";

const notificationSchema = z.object({
  eventId: z.string().min(1).max(100),
  type: z.string().max(50),
  payment: gatewayPaymentSchema,
});

/** What the gateway is answered (documented in the OpenAPI document): acknowledged, or refused and why. */
const refused = z.object({ error: z.enum(["signature", "body", "gateway"]) });
const notificationResponses = {
  200: z.object({ received: z.literal(true), duplicate: z.boolean().optional(), unknown: z.boolean().optional() }),
  400: refused,
  401: refused,
  503: refused,
};

/**
 * The gateway's signed notifications (POST /api/v1/payments/notifications).
 * Refused: a wrong or missing signature (401), a timestamp outside five
 * minutes (401), a body that is not a notification (400). An event id seen
 * before is acknowledged and changes nothing. The payment's state is then
 * asked of the gateway, as on the person's return.
 */
export async function paymentNotificationRoutes(
  app: FastifyInstance,
  { payments, secret }: { payments: Payments; secret: string },
) {
  const db = payments.database;
  // The signature covers the exact bytes sent, so the body is read as text.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: 64 * 1024 }, (_request, body, done) =>
    done(null, body),
  );

  app.post("/api/v1/payments/notifications", { schema: { response: notificationResponses } }, async (request, reply) => {
    const raw = typeof request.body === "string" ? request.body : "";
    const header = (name: string) => {
      const v = request.headers[name];
      return typeof v === "string" ? v : undefined;
    };
    if (!verifySignature(secret, { timestamp: header(TIMESTAMP_HEADER), signature: header(SIGNATURE_HEADER) }, raw)) {
      // A 401 names how to authenticate (RFC 9110): the gateway's HMAC signature headers, not a bearer token.
      return reply
        .code(401)
        .header(
          "www-authenticate",
          `HMAC-SHA256 realm="payment-notifications", headers="${TIMESTAMP_HEADER} ${SIGNATURE_HEADER}"`,
        )
        .send({ error: "signature" });
    }
    let parsed: z.infer<typeof notificationSchema>;
    try {
      parsed = notificationSchema.parse(JSON.parse(raw));
    } catch {
      return reply.code(400).send({ error: "body" });
    }
    const payment = await findByGatewayId(db, parsed.payment.id);
    if (!(await firstTimeSeen(db, parsed.eventId, payment?.id))) return reply.code(200).send({ received: true, duplicate: true });
    if (!payment) return reply.code(200).send({ received: true, unknown: true });
    try {
      await payments.sync(payment.id, "notification");
    } catch (error) {
      // Not acted on: forget it, so the gateway's retry is.
      await forgetNotification(db, parsed.eventId);
      if (error instanceof GatewayUnavailable) return reply.code(503).send({ error: "gateway" });
      throw error;
    }
    return reply.code(200).send({ received: true });
  });
}
