import { z } from "zod";

/** What the gateway says about a payment (its API, and the payment in each notification). */
export const gatewayPaymentSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.enum(["created", "pending", "authorised", "captured", "declined", "cancelled", "expired", "refunded"]),
  amount: z.string(),
  currency: z.string(),
  reference: z.string(),
  cardLast4: z.string().nullable(),
  capturedAmount: z.string(),
  refundedAmount: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GatewayPayment = z.infer<typeof gatewayPaymentSchema>;

export interface NewGatewayPayment {
  amount: string;
  description: string;
  reference: string;
  returnUrl: string;
  notifyUrl: string;
  language: "ar" | "en";
}

/** The portal's side of a card payment gateway: a hosted payment page, and an API to ask it. */
export interface PaymentGateway {
  /** Starts a payment; the same idempotency key always gives the same payment. */
  create(payment: NewGatewayPayment, idempotencyKey: string): Promise<GatewayPayment & { paymentUrl: string }>;
  get(id: string): Promise<GatewayPayment>;
  capture(id: string): Promise<GatewayPayment>;
  refund(id: string, amount: string, idempotencyKey: string): Promise<GatewayPayment>;
  /** Payments created on these days (UTC, inclusive), for reconciliation. */
  list(from: string, to: string): Promise<GatewayPayment[]>;
}

/** The gateway did not answer, or answered with an error. */
export class GatewayUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

/** A gateway over HTTP: JSON, HTTP Basic with the merchant id and secret, an Idempotency-Key on each charge. */
export class HttpPaymentGateway implements PaymentGateway {
  private readonly authorization: string;

  constructor(
    private readonly baseUrl: string,
    merchantId: string,
    secret: string,
  ) {
    this.authorization = `Basic ${Buffer.from(`${merchantId}:${secret}`).toString("base64")}`;
  }

  private async call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, key?: string): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: this.authorization,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(key ? { "idempotency-key": key } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new GatewayUnavailable(`gateway unreachable: ${(error as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new GatewayUnavailable(`gateway answered ${res.status}: ${text.slice(0, 200)}`, res.status);
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new GatewayUnavailable(`gateway answer not understood: ${parsed.error.message.slice(0, 200)}`);
    return parsed.data;
  }

  create(payment: NewGatewayPayment, idempotencyKey: string) {
    return this.call(
      "POST",
      "/payments",
      gatewayPaymentSchema.extend({ paymentUrl: z.url() }),
      { ...payment, currency: "QAR" },
      idempotencyKey,
    );
  }

  get(id: string) {
    return this.call("GET", `/payments/${encodeURIComponent(id)}`, gatewayPaymentSchema);
  }

  capture(id: string) {
    return this.call("POST", `/payments/${encodeURIComponent(id)}/capture`, gatewayPaymentSchema, {});
  }

  async refund(id: string, amount: string, idempotencyKey: string) {
    const answer = await this.call(
      "POST",
      `/payments/${encodeURIComponent(id)}/refund`,
      z.object({ payment: gatewayPaymentSchema }),
      { amount },
      idempotencyKey,
    );
    return answer.payment;
  }

  async list(from: string, to: string) {
    const answer = await this.call(
      "GET",
      `/payments?from=${from}&to=${to}`,
      z.object({ payments: z.array(gatewayPaymentSchema) }),
    );
    return answer.payments;
  }
}
