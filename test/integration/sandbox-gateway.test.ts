// Over 400 lines on purpose: the sandbox bank's API, hosted payment page, capture and refund, reconciliation and signed notifications share one listening portal and one merchant receiver, started once for the file.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign, verifySignature } from "../../src/payments/signature.js";
import { sandboxNotifications, sandboxPayments } from "../../src/sandbox-gateway/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";

const MERCHANT = "hukoomi";
const SECRET = "sandbox-merchant-secret";
const NOTIFY_SECRET = "sandbox-notification-secret";
const AUTH = `Basic ${Buffer.from(`${MERCHANT}:${SECRET}`).toString("base64")}`;
const RETURN_URL = "https://merchant.example/payments/return?from=gateway";

const CARDS = {
  success: "4111111111111111",
  declined: "4000000000000002",
  slow: "4000000000000119",
  otherValid: "5555555555554444",
};

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The merchant's side of notifications: a real HTTP server that records what it receives. */
class Receiver {
  readonly received: Received[] = [];
  /** Payments whose first notification is answered with a 500. */
  readonly failFirst = new Set<string>();
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        this.received.push({ path: req.url ?? "", headers: req.headers, body });
        const paymentId = (JSON.parse(body) as { payment: { id: string } }).payment.id;
        if (this.failFirst.delete(paymentId)) {
          res.writeHead(500).end("not now");
          return;
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const address = this.server?.address();
    if (!address || typeof address === "string") throw new Error("no address");
    this.url = `http://127.0.0.1:${address.port}`;
  }

  of(paymentId: string) {
    return this.received.filter((r) => (JSON.parse(r.body) as { payment: { id: string } }).payment.id === paymentId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let t: TestApp;
const receiver = new Receiver();

beforeAll(async () => {
  await receiver.start();
  t = await createTestApp({ listen: true, env: { SANDBOX_SLOW_CARD_SECONDS: "1", PAYMENT_EXPIRY_MINUTES: "30" } });
});
afterAll(async () => {
  await t?.close();
  await receiver.stop();
});

const db = () => t.db.database.db;

function api(
  method: "GET" | "POST",
  path: string,
  options: { body?: unknown; key?: string; headers?: Record<string, string>; raw?: string } = {},
) {
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return t.app.inject({
    method,
    url: `/sandbox-gateway/api/v1${path}`,
    headers: {
      authorization: AUTH,
      ...(options.key ? { "idempotency-key": options.key } : {}),
      ...(payload !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    ...(payload !== undefined ? { payload } : {}),
  });
}

interface PaymentJson {
  id: string;
  status: string;
  amount: string;
  currency: string;
  reference: string;
  cardLast4: string | null;
  capturedAmount: string;
  refundedAmount: string;
  createdAt: string;
  updatedAt: string;
  paymentUrl?: string;
}

function paymentBody(overrides: Record<string, unknown> = {}) {
  return {
    amount: "150.00",
    currency: "QAR",
    description: "Residence permit renewal",
    reference: `HK-${randomUUID().slice(0, 8)}`,
    returnUrl: RETURN_URL,
    notifyUrl: `${receiver.url}/payments/notifications`,
    language: "ar",
    ...overrides,
  };
}

async function createPayment(overrides: Record<string, unknown> = {}): Promise<PaymentJson> {
  const res = await api("POST", "/payments", { body: paymentBody(overrides), key: randomUUID() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PaymentJson;
}

async function status(id: string): Promise<PaymentJson> {
  const res = await api("GET", `/payments/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json() as PaymentJson;
}

const card = (number: string) => ({ cardNumber: number, expiry: "12/35", cvc: "123", cardName: "Anil Kumar" });

/** Opens the hosted page like a browser and posts the form on it. */
async function payOnPage(id: string, fields: Record<string, string>, locale: "ar" | "en" = "ar") {
  const client = new Client(t.app);
  const page = locale === "en" ? `/sandbox-gateway/en/pay/${id}` : `/sandbox-gateway/pay/${id}`;
  const opened = await client.get(page);
  expect(opened.statusCode).toBe(200);
  return { client, res: await client.post(page, { action: "pay", ...fields }) };
}

const notificationTypes = async (id: string) =>
  (await db().select().from(sandboxNotifications).where(eq(sandboxNotifications.paymentId, id))).map(
    (n) => (n.body as { type: string }).type,
  );

describe("the sandbox gateway's API", () => {
  it("refuses calls without the merchant's credentials", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/sandbox-gateway/api/v1/payments?from=2026-01-01&to=2026-01-01" });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers["www-authenticate"]).toContain("Basic");
    expect(missing.json()).toMatchObject({ error: { status: 401, code: "unauthorized" } });
    for (const credentials of [`${MERCHANT}:wrong-secret-value`, `someone:${SECRET}`, "no-colon"]) {
      const res = await api("POST", "/payments", {
        body: paymentBody(),
        key: randomUUID(),
        headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` },
      });
      expect(res.statusCode, credentials).toBe(401);
      expect(res.json().error.code).toBe("unauthorized");
    }
    expect((await db().select().from(sandboxPayments)).length).toBe(0);
  });

  it("creates a payment with its hosted page, once per idempotency key", async () => {
    const key = randomUUID();
    const body = paymentBody({ reference: "HK-2026-000123" });
    const first = await api("POST", "/payments", { body, key });
    expect(first.statusCode).toBe(201);
    const payment = first.json() as PaymentJson;
    expect(payment).toMatchObject({
      status: "created",
      amount: "150.00",
      currency: "QAR",
      reference: "HK-2026-000123",
      cardLast4: null,
      capturedAmount: "0.00",
      refundedAmount: "0.00",
    });
    expect(payment.id).toMatch(/^pay_[a-z0-9]{24}$/);
    expect(payment.paymentUrl).toBe(`${t.baseUrl}/sandbox-gateway/pay/${payment.id}`);

    const again = await api("POST", "/payments", { body, key });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(payment.id);

    const reused = await api("POST", "/payments", { body: { ...body, amount: "99.00" }, key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("idempotency_mismatch");

    const english = await createPayment({ language: "en", amount: "7.5" });
    expect(english.amount).toBe("7.50");
    expect(english.paymentUrl).toBe(`${t.baseUrl}/sandbox-gateway/en/pay/${english.id}`);

    const rows = await db().select().from(sandboxPayments).where(eq(sandboxPayments.idempotencyKey, key));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.notifyUrl).toBe(`${receiver.url}/payments/notifications`);
  });

  it("never creates two payments for one key, even when the requests arrive together", async () => {
    const key = randomUUID();
    const body = paymentBody();
    const responses = await Promise.all(Array.from({ length: 8 }, () => api("POST", "/payments", { body, key })));
    const ids = new Set(responses.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(7);
    const rows = await db().select().from(sandboxPayments).where(eq(sandboxPayments.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it("refuses a bad request with a 400 and a message", async () => {
    const noKey = await api("POST", "/payments", { body: paymentBody() });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error).toMatchObject({ code: "idempotency_key_required" });
    expect(noKey.json().error.message).toContain("Idempotency-Key");

    const cases: [Record<string, unknown>, string][] = [
      [{ amount: "0" }, "amount"],
      [{ amount: "0.00" }, "amount"],
      [{ amount: "-5" }, "amount"],
      [{ amount: "1.234" }, "amount"],
      [{ amount: 150 }, "amount"],
      [{ currency: "USD" }, "currency"],
      [{ description: "" }, "description"],
      [{ reference: undefined }, "reference"],
      [{ returnUrl: "/payments/return" }, "returnUrl"],
      [{ returnUrl: "javascript:alert(1)" }, "returnUrl"],
      [{ notifyUrl: "ftp://merchant.example/n" }, "notifyUrl"],
      [{ language: "fr" }, "language"],
    ];
    for (const [change, field] of cases) {
      const res = await api("POST", "/payments", { body: paymentBody(change), key: randomUUID() });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe("invalid_request");
      expect(error.details[0].field).toBe(field);
      expect(error.message).toBe(error.details[0].message);
    }
    const arabic = await api("POST", "/payments", {
      body: paymentBody({ currency: "USD" }),
      key: randomUUID(),
      headers: { "accept-language": "ar" },
    });
    expect(arabic.json().error.message).toBe("يجب أن تكون currency هي QAR.");

    const broken = await api("POST", "/payments", { raw: "{not json", key: randomUUID() });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe("invalid_json");

    const unknown = await api("GET", "/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("not_found");
    expect((await api("GET", "/payments/not-an-id")).statusCode).toBe(404);
    expect((await api("GET", "/no-such-thing")).json().error.code).toBe("not_found");
  });

  it("answers over real HTTP, with the payment as GET /payments/:id gives it", async () => {
    const created = await createPayment();
    const res = await fetch(`${t.baseUrl}/sandbox-gateway/api/v1/payments/${created.id}`, { headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as PaymentJson;
    expect(Object.keys(body).sort()).toEqual(
      [
        "amount",
        "capturedAmount",
        "cardLast4",
        "createdAt",
        "currency",
        "id",
        "reference",
        "refundedAmount",
        "status",
        "updatedAt",
      ].sort(),
    );
    expect(body).toMatchObject({ id: created.id, status: "created", amount: "150.00" });
  });
});

describe("another merchant's payments and a portal without sandboxes", () => {
  it("shows a merchant only its own payments", async () => {
    const now = new Date();
    await db()
      .insert(sandboxPayments)
      .values({
        id: "pay_othermerchant2345678923",
        merchant: "another-merchant",
        idempotencyKey: randomUUID(),
        amount: "10.00",
        currency: "QAR",
        description: "Elsewhere",
        reference: "X-1",
        returnUrl: RETURN_URL,
        notifyUrl: `${receiver.url}/elsewhere`,
        language: "en",
        status: "authorised",
        createdAt: now,
        updatedAt: now,
      });
    expect((await api("GET", "/payments/pay_othermerchant2345678923")).statusCode).toBe(404);
    expect((await api("POST", "/payments/pay_othermerchant2345678923/capture")).statusCode).toBe(404);
    const today = now.toISOString().slice(0, 10);
    const listed = (await api("GET", `/payments?from=${today}&to=${today}`)).json().payments as PaymentJson[];
    expect(listed.map((p) => p.id)).not.toContain("pay_othermerchant2345678923");
  });

  it("is not served when SANDBOXES is off", async () => {
    const off = await createTestApp({ env: { SANDBOXES: "false" } });
    try {
      expect(off.app.hasDecorator("sandboxGateway")).toBe(false);
      const res = await off.app.inject({
        method: "POST",
        url: "/sandbox-gateway/api/v1/payments",
        headers: { authorization: AUTH, "content-type": "application/json", "idempotency-key": randomUUID() },
        payload: JSON.stringify(paymentBody()),
      });
      expect(res.statusCode).toBe(404);
      expect((await off.app.inject({ url: "/sandbox-gateway/pay/pay_aaaaaaaaaaaaaaaaaaaaaaaa" })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe("the hosted payment page", () => {
  it("shows the payment and a card form in Arabic, right to left", async () => {
    const payment = await createPayment({ amount: "1500.50", description: "تجديد الإقامة" });
    const res = await t.app.inject({ url: `/sandbox-gateway/pay/${payment.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(res.body).toContain("البنك التجريبي");
    expect(res.body).toContain("مدفوعات تجريبية فقط");
    expect(res.body).toContain("حكومي");
    expect(res.body).toContain("تجديد الإقامة");
    expect(res.body).toContain(payment.reference);
    expect(res.body).toMatch(/1,500\.50\sر\.ق\./);
    for (const attr of ['autocomplete="cc-number"', 'autocomplete="cc-exp"', 'autocomplete="cc-csc"', 'autocomplete="cc-name"']) {
      expect(res.body).toContain(attr);
    }
    expect(res.body).toContain('inputmode="numeric"');
    expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(res.body).toContain("4111 1111 1111 1111");
    expect(res.body).toContain(`href="/sandbox-gateway/en/pay/${payment.id}" lang="en" hreflang="en"`);
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("form-action 'self' https://merchant.example");
    expect(csp).toContain("default-src 'none'");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("shows the same payment in English, left to right", async () => {
    const payment = await createPayment({ language: "en" });
    const res = await t.app.inject({ url: `/sandbox-gateway/en/pay/${payment.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(res.body).toContain("Sandbox Bank");
    expect(res.body).toContain("Test payments only.");
    expect(res.body).toMatch(/Pay QAR\s150\.00/);
    expect(res.body).toContain(`href="/sandbox-gateway/pay/${payment.id}" lang="ar" hreflang="ar"`);
    expect(res.body).toContain("authorised 1 second later");
  });

  it("answers 404 in the page's language for a payment it does not know", async () => {
    const ar = await t.app.inject({ url: "/sandbox-gateway/pay/pay_aaaaaaaaaaaaaaaaaaaaaaaa" });
    expect(ar.statusCode).toBe(404);
    expect(ar.body).toContain("لم يُعثر على الدفع");
    const en = await t.app.inject({ url: "/sandbox-gateway/en/pay/nonsense" });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('lang="en"');
    expect(en.body).toContain("Payment not found");
  });

  it("authorises the success card and sends the shopper back with the payment's id", async () => {
    const payment = await createPayment();
    const { client, res } = await payOnPage(payment.id, card("4111 1111 1111 1111"));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${RETURN_URL}&payment=${payment.id}`);
    expect(await status(payment.id)).toMatchObject({ status: "authorised", cardLast4: "1111" });
    expect(await notificationTypes(payment.id)).toEqual(["payment.authorised"]);

    // Finished: the page shows the outcome and the way back, not the form; posting again pays nothing.
    const page = await client.get(`/sandbox-gateway/pay/${payment.id}`);
    expect(page.body).toContain("اعتُمد الدفع");
    expect(page.body).not.toContain('name="cardNumber"');
    expect(page.body).toContain(`href="${RETURN_URL}&amp;payment=${payment.id}"`);
    const twice = await client.post(`/sandbox-gateway/pay/${payment.id}`, { action: "pay", ...card(CARDS.declined) });
    expect(twice.statusCode).toBe(303);
    expect(twice.headers.location).toBe(`/sandbox-gateway/pay/${payment.id}`);
    expect((await status(payment.id)).status).toBe("authorised");
    expect(await notificationTypes(payment.id)).toEqual(["payment.authorised"]);
  });

  it("takes one payment when the form is sent twice at once", async () => {
    const payment = await createPayment();
    const client = new Client(t.app);
    await client.get(`/sandbox-gateway/pay/${payment.id}`);
    const results = await Promise.all(
      [CARDS.success, CARDS.success, CARDS.declined].map((n) =>
        client.post(`/sandbox-gateway/pay/${payment.id}`, { action: "pay", ...card(n) }),
      ),
    );
    expect(results.every((r) => r.statusCode === 303)).toBe(true);
    expect(results.filter((r) => String(r.headers.location).startsWith(RETURN_URL))).toHaveLength(1);
    expect(await notificationTypes(payment.id)).toHaveLength(1);
  });

  it("declines the declined card and any other valid card", async () => {
    for (const number of [CARDS.declined, CARDS.otherValid]) {
      const payment = await createPayment();
      const { res } = await payOnPage(payment.id, card(number));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${RETURN_URL}&payment=${payment.id}`);
      expect(await status(payment.id)).toMatchObject({ status: "declined", cardLast4: number.slice(-4) });
      expect(await notificationTypes(payment.id)).toEqual(["payment.declined"]);
      const page = await t.app.inject({ url: `/sandbox-gateway/en/pay/${payment.id}` });
      expect(page.body).toContain("Your bank declined the payment");
    }
  });

  it("refuses a bad card with messages in the page's language, keeping what was typed", async () => {
    const payment = await createPayment();
    const ar = await payOnPage(payment.id, { cardNumber: "4111 1111 1111 1112", expiry: "01/20", cvc: "12", cardName: "" });
    expect(ar.res.statusCode).toBe(400);
    expect(ar.res.body).toContain('lang="ar"');
    expect(ar.res.body).toContain("<title>خطأ:");
    expect(ar.res.body).toContain("هناك مشكلة");
    expect(ar.res.body).toContain('href="#cardNumber">رقم البطاقة غير صحيح');
    expect(ar.res.body).toContain('href="#expiry">انتهت صلاحية البطاقة');
    expect(ar.res.body).toContain('href="#cvc">أدخل رمز الأمان');
    expect(ar.res.body).toContain('href="#cardName">أدخل الاسم المكتوب على البطاقة');
    expect(ar.res.body).toContain('value="4111 1111 1111 1112"');
    expect(ar.res.body).toContain('aria-invalid="true"');
    expect(ar.res.body).not.toContain('value="12"');

    const en = await payOnPage(payment.id, { cardNumber: "١٢٣", expiry: "13/40", cvc: "١٢٣", cardName: "A" }, "en");
    expect(en.res.statusCode).toBe(400);
    expect(en.res.body).toContain('lang="en"');
    expect(en.res.body).toContain("There is a problem");
    expect(en.res.body).toContain("Enter a card number of 12 to 19 digits");
    expect(en.res.body).toContain("Enter the expiry date as month and year, like 04/29");
    expect(en.res.body).not.toContain("security code:");
    expect((await status(payment.id)).status).toBe("created");
    expect(await notificationTypes(payment.id)).toEqual([]);

    // Arabic-Indic digits are accepted.
    const indic = await payOnPage(payment.id, { cardNumber: "٤١١١١١١١١١١١١١١١", expiry: "١٢/٣٥", cvc: "١٢٣", cardName: "أنيل" });
    expect(indic.res.statusCode).toBe(303);
    expect((await status(payment.id)).status).toBe("authorised");
  });

  it("refuses a post without the anti-forgery token, in the page's language", async () => {
    const payment = await createPayment();
    const client = new Client(t.app);
    await client.get(`/sandbox-gateway/en/pay/${payment.id}`);
    const res = await client.post(`/sandbox-gateway/en/pay/${payment.id}`, {
      _csrf: "forged",
      action: "pay",
      ...card(CARDS.success),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('lang="en"');
    expect(res.body).toContain("This form has expired");
    expect((await status(payment.id)).status).toBe("created");
  });

  it("cancels, and sends the shopper back", async () => {
    const payment = await createPayment({ returnUrl: "https://merchant.example/back#top" });
    const client = new Client(t.app);
    await client.get(`/sandbox-gateway/pay/${payment.id}`);
    const res = await client.post(`/sandbox-gateway/pay/${payment.id}`, { action: "cancel", cardNumber: "" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`https://merchant.example/back?payment=${payment.id}#top`);
    expect((await status(payment.id)).status).toBe("cancelled");
    expect(await notificationTypes(payment.id)).toEqual(["payment.cancelled"]);
  });

  it("leaves the slow card pending, then authorises it by itself once its time has passed", async () => {
    const payment = await createPayment();
    const { res } = await payOnPage(payment.id, card(CARDS.slow));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${RETURN_URL}&payment=${payment.id}`);
    const [pending] = await db().select().from(sandboxPayments).where(eq(sandboxPayments.id, payment.id));
    expect(pending?.status).toBe("pending");
    expect(await notificationTypes(payment.id)).toEqual([]);
    const page = await t.app.inject({ url: `/sandbox-gateway/en/pay/${payment.id}` });
    expect(page.body).toContain("Your bank is still processing this payment");

    await t.app.sandboxGateway.runDue();
    const [stillPending] = await db().select().from(sandboxPayments).where(eq(sandboxPayments.id, payment.id));
    expect(stillPending?.status).toBe("pending");

    await new Promise((r) => setTimeout(r, 1100));
    await t.app.sandboxGateway.runDue();
    const [done] = await db().select().from(sandboxPayments).where(eq(sandboxPayments.id, payment.id));
    expect(done?.status).toBe("authorised");
    expect(await notificationTypes(payment.id)).toEqual(["payment.authorised"]);
  });

  it("expires a payment nobody finished in time, in the background and when the page is opened", async () => {
    const background = await createPayment();
    const opened = await createPayment();
    const old = new Date(Date.now() - 31 * 60_000);
    for (const id of [background.id, opened.id]) {
      await db().update(sandboxPayments).set({ createdAt: old }).where(eq(sandboxPayments.id, id));
    }
    const page = await t.app.inject({ url: `/sandbox-gateway/en/pay/${opened.id}` });
    expect(page.body).toContain("This payment has expired");
    expect(page.body).not.toContain('name="cardNumber"');
    expect((await status(opened.id)).status).toBe("expired");

    await t.app.sandboxGateway.runDue();
    const [row] = await db().select().from(sandboxPayments).where(eq(sandboxPayments.id, background.id));
    expect(row?.status).toBe("expired");
    expect(await notificationTypes(background.id)).toEqual(["payment.expired"]);
    expect(await notificationTypes(opened.id)).toEqual(["payment.expired"]);
  });
});

describe("capture and refund", () => {
  async function authorised(amount = "150.00") {
    const payment = await createPayment({ amount });
    await payOnPage(payment.id, card(CARDS.success));
    return payment;
  }

  it("captures an authorised payment once, and nothing else", async () => {
    const payment = await authorised();
    const captured = await api("POST", `/payments/${payment.id}/capture`);
    expect(captured.statusCode).toBe(200);
    expect(captured.json()).toMatchObject({ status: "captured", capturedAmount: "150.00", refundedAmount: "0.00" });
    const again = await api("POST", `/payments/${payment.id}/capture`, { body: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe("captured");
    expect(await notificationTypes(payment.id)).toEqual(["payment.authorised", "payment.captured"]);

    const unpaid = await createPayment();
    const refused = await api("POST", `/payments/${unpaid.id}/capture`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "invalid_state" });
    expect(refused.json().error.message).toContain("created");
    expect((await api("POST", "/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaa/capture")).statusCode).toBe(404);
  });

  it("refunds part, then the rest, once per idempotency key, never more than was captured", async () => {
    const payment = await authorised();
    const early = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "10.00" }, key: randomUUID() });
    expect(early.statusCode).toBe(409);
    await api("POST", `/payments/${payment.id}/capture`);

    expect((await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "10.00" } })).statusCode).toBe(400);
    const tooMuch = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "150.01" }, key: randomUUID() });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.code).toBe("amount_too_large");
    const zero = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "0" }, key: randomUUID() });
    expect(zero.statusCode).toBe(400);

    const key = randomUUID();
    const part = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "50" }, key });
    expect(part.statusCode).toBe(201);
    expect(part.json().refund).toMatchObject({ paymentId: payment.id, amount: "50.00" });
    expect(part.json().payment).toMatchObject({ status: "captured", refundedAmount: "50.00" });
    const repeated = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "50.00" }, key });
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().refund.id).toBe(part.json().refund.id);
    expect((await status(payment.id)).refundedAmount).toBe("50.00");
    const sameKeyOtherAmount = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "20" }, key });
    expect(sameKeyOtherAmount.statusCode).toBe(422);

    const over = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "100.01" }, key: randomUUID() });
    expect(over.statusCode).toBe(400);
    const rest = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "100.00" }, key: randomUUID() });
    expect(rest.statusCode).toBe(201);
    expect(rest.json().payment).toMatchObject({ status: "refunded", refundedAmount: "150.00", capturedAmount: "150.00" });
    const after = await api("POST", `/payments/${payment.id}/refund`, { body: { amount: "1.00" }, key: randomUUID() });
    expect(after.statusCode).toBe(409);
    expect(await notificationTypes(payment.id)).toEqual(["payment.authorised", "payment.captured", "payment.refunded"]);
  });

  it("never refunds more than was captured when refunds arrive together", async () => {
    const payment = await authorised("100.00");
    await api("POST", `/payments/${payment.id}/capture`);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api("POST", `/payments/${payment.id}/refund`, { body: { amount: "40.00" }, key: randomUUID() }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect((await status(payment.id)).refundedAmount).toBe("80.00");
  });
});

describe("daily reconciliation", () => {
  it("lists the payments created on the given UTC days", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const payment = await createPayment();
    const earlier = await createPayment();
    await db()
      .update(sandboxPayments)
      .set({ createdAt: new Date("2025-03-10T23:59:59Z") })
      .where(eq(sandboxPayments.id, earlier.id));

    const list = await api("GET", `/payments?from=${today}&to=${today}`);
    expect(list.statusCode).toBe(200);
    const ids = (list.json().payments as PaymentJson[]).map((p) => p.id);
    expect(ids).toContain(payment.id);
    expect(ids).not.toContain(earlier.id);

    const march = await api("GET", "/payments?from=2025-03-10&to=2025-03-10");
    expect((march.json().payments as PaymentJson[]).map((p) => p.id)).toEqual([earlier.id]);
    expect((await api("GET", "/payments?from=2025-03-11&to=2025-03-12")).json().payments).toEqual([]);

    for (const query of ["", "?from=2025-03-10", "?from=2025-03-12&to=2025-03-10", "?from=10/03/2025&to=2025-03-10"]) {
      const res = await api("GET", `/payments${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("invalid_request");
    }
  });
});

describe("signed notifications", () => {
  it("delivers each change signed, retrying with back-off when the merchant first fails, and only once", async () => {
    const payment = await createPayment();
    receiver.failFirst.add(payment.id);
    await payOnPage(payment.id, card(CARDS.success));

    const before = Date.now();
    await t.app.sandboxGateway.runDue();
    expect(receiver.of(payment.id)).toHaveLength(1);
    const [failed] = await db().select().from(sandboxNotifications).where(eq(sandboxNotifications.paymentId, payment.id));
    expect(failed).toMatchObject({ attempts: 1, deliveredAt: null });
    expect(failed?.lastError).toContain("500");
    const wait = (failed?.nextAttemptAt.getTime() ?? 0) - before;
    expect(wait).toBeGreaterThanOrEqual(4_000);
    expect(wait).toBeLessThan(60_000);

    // Not yet due: nothing is sent again.
    await t.app.sandboxGateway.runDue();
    expect(receiver.of(payment.id)).toHaveLength(1);

    // Once the back-off has passed, the second attempt is accepted.
    await t.app.sandboxGateway.runDue(new Date(Date.now() + 10_000));
    const deliveries = receiver.of(payment.id);
    expect(deliveries).toHaveLength(2);
    const [delivered] = await db().select().from(sandboxNotifications).where(eq(sandboxNotifications.paymentId, payment.id));
    expect(delivered?.attempts).toBe(2);
    expect(delivered?.deliveredAt).toBeInstanceOf(Date);
    expect(delivered?.lastError).toBeNull();

    await t.app.sandboxGateway.runDue(new Date(Date.now() + 3_600_000));
    expect(receiver.of(payment.id)).toHaveLength(2);

    for (const d of deliveries) {
      expect(d.path).toBe("/payments/notifications");
      expect(d.headers["content-type"]).toBe("application/json");
      const timestamp = String(d.headers["x-gateway-timestamp"]);
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(d.headers["x-gateway-signature"]).toBe(`sha256=${sign(NOTIFY_SECRET, timestamp, d.body)}`);
      expect(verifySignature(NOTIFY_SECRET, { timestamp, signature: String(d.headers["x-gateway-signature"]) }, d.body)).toBe(
        true,
      );
      expect(
        verifySignature("another-secret-entirely", { timestamp, signature: String(d.headers["x-gateway-signature"]) }, d.body),
      ).toBe(false);
      expect(
        verifySignature(NOTIFY_SECRET, { timestamp, signature: String(d.headers["x-gateway-signature"]) }, `${d.body} `),
      ).toBe(false);
    }
    const bodies = deliveries.map((d) => JSON.parse(d.body));
    expect(bodies[0].eventId).toBe(bodies[1].eventId);
    expect(bodies[1]).toMatchObject({
      eventId: delivered?.eventId,
      type: "payment.authorised",
      payment: { id: payment.id, status: "authorised", amount: "150.00", cardLast4: "1111", reference: payment.reference },
    });
    expect(typeof bodies[1].createdAt).toBe("string");
  });

  it("delivers each notification once when several workers run at the same time", async () => {
    const payments = await Promise.all(Array.from({ length: 4 }, () => createPayment()));
    for (const p of payments) await payOnPage(p.id, card(CARDS.declined));
    await Promise.all([t.app.sandboxGateway.runDue(), t.app.sandboxGateway.runDue(), t.app.sandboxGateway.runDue()]);
    for (const p of payments) {
      const got = receiver.of(p.id);
      expect(got).toHaveLength(1);
      expect(JSON.parse(got[0]?.body ?? "{}").type).toBe("payment.declined");
    }
    const undelivered = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(sandboxNotifications)
      .where(sql`${sandboxNotifications.deliveredAt} is null`);
    expect(undelivered[0]?.n).toBe(0);
    // Across the whole file, only the notification the merchant first refused was sent twice.
    const events = receiver.received.map((r) => JSON.parse(r.body).eventId as string);
    expect(events.length - new Set(events).size).toBe(1);
  });
});
