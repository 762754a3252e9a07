import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { cases } from "../../src/eservices/tables.js";
import { notifications } from "../../src/notifications/tables.js";
import { sign } from "../../src/payments/signature.js";
import { gatewayNotifications, paymentEvents, payments } from "../../src/payments/tables.js";
import { dohaToday } from "../../src/platform/time/doha.js";
import { sandboxNotifications } from "../../src/sandbox-gateway/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import type { Client } from "../support/client.js";
import { signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const renewal = demoDefinition("residence-permit-renewal");
const CARDS = { success: "4111111111111111", decline: "4000000000000002", slow: "4000000000000119" };
const SECRET = "sandbox-notification-secret";

beforeAll(async () => {
  t = await createTestApp({ demo: true, listen: true, env: { SANDBOX_SLOW_CARD_SECONDS: "0" } });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

const path = (url: string) => {
  const u = new URL(url, t.baseUrl);
  return `${u.pathname}${u.search}`;
};

async function caseOf(reference: string) {
  const [row] = await db().select().from(cases).where(eq(cases.reference, reference));
  if (!row) throw new Error(`no case ${reference}`);
  return row;
}

async function paymentsOf(reference: string) {
  const kase = await caseOf(reference);
  return db().select().from(payments).where(eq(payments.caseId, kase.id));
}

/** Applies for a residence permit renewal (a fee by choice) and returns its reference. */
async function applyWithFee(client: Client): Promise<string> {
  return submit(client, await answerAll(client, renewal));
}

/** Presses "Pay" on the request page; returns the gateway page's address. */
async function startPaying(client: Client, reference: string, attempt = randomUUID()): Promise<string> {
  await client.get(`/en/my/requests/${reference}`);
  const res = await client.post(`/en/my/requests/${reference}/pay`, { attempt });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  const location = String(res.headers.location);
  expect(location).toMatch(/\/sandbox-gateway\/en\/pay\/pay_/);
  return location;
}

/** Fills in the bank's page with a card (or cancels); returns where the bank sends the browser back. */
async function atTheBank(client: Client, gatewayUrl: string, card: string | "cancel"): Promise<string> {
  const page = await client.get(path(gatewayUrl));
  expect(page.statusCode).toBe(200);
  const res = await client.post(
    path(gatewayUrl),
    card === "cancel"
      ? { action: "cancel" }
      : { action: "pay", cardNumber: card, expiry: "12/30", cvc: "123", cardName: "Anil Kumar" },
  );
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  return String(res.headers.location);
}

describe("paying a fee", () => {
  it("a request with a fee waits for payment, out of the officers' queue; a good card pays it and shows the receipt", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    const kase = await caseOf(reference);
    expect(kase.status).toBe("payment-due");
    expect(Number(kase.feeAmount)).toBeGreaterThan(0);

    const page = await resident.get(`/en/my/requests/${reference}`);
    expect(page.body).toContain("Pay the fee");
    expect(page.body).toContain(`Pay QAR ${Number(kase.feeAmount)}`);
    const arabic = await resident.get(`/my/requests/${reference}`);
    expect(arabic.body).toContain("ادفع الرسوم");
    // The amount sits between isolates inside the Arabic button, so it keeps its place beside the words.
    expect(arabic.body).toContain(`ادفع \u2068\u2068${Number(kase.feeAmount)}\u2069 ريال قطري\u2069`);
    const officer = await signedInAs(t.app, "officer");
    expect((await officer.get("/en/workspace/cases")).body).not.toContain(reference);

    const back = await atTheBank(resident, await startPaying(resident, reference), CARDS.success);
    expect(back).toMatch(new RegExp(`^${t.baseUrl}/en/payments/[0-9a-f-]{36}/return\\?payment=pay_`));
    const returned = await resident.get(path(back));
    expect(returned.statusCode).toBe(303);
    const receipt = await resident.get(String(returned.headers.location));
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain("Payment received");
    expect(receipt.body).toMatch(/R-[0-9A-F]{8}/);
    expect(receipt.body).toContain("1111");

    const [paid] = await paymentsOf(reference);
    expect(paid).toMatchObject({ status: "captured", cardLast4: "1111" });
    const steps = await db()
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, paid?.id ?? ""));
    expect(steps.map((s) => s.toStatus)).toEqual(["created", "pending", "captured"]);
    expect((await caseOf(reference)).status).toBe("submitted");
    const told = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/my/payments/${paid?.id}`));
    expect(told.map((n) => n.event)).toEqual(["payment-received"]);
    expect((await officer.get("/en/workspace/cases")).body).toContain(reference);
    // In My Hukoomi, and nobody else's.
    expect((await resident.get("/en/my/payments")).body).toContain(`/en/my/payments/${paid?.id}`);
    expect((await officer.get(`/en/my/payments/${paid?.id}`)).statusCode).toBe(404);
    // Paying again is not offered, and a replayed "pay" does not start a second payment.
    const again = await resident.post(`/en/my/requests/${reference}/pay`, { attempt: randomUUID() });
    expect(String(again.headers.location)).toBe(`/en/my/requests/${reference}`);
    expect(await paymentsOf(reference)).toHaveLength(1);
  });

  it("a double click on Pay starts one payment at the gateway", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    const attempt = randomUUID();
    const [first, second] = await Promise.all([
      startPaying(resident, reference, attempt),
      startPaying(resident, reference, attempt),
    ]);
    expect(first).toBe(second);
    expect(await paymentsOf(reference)).toHaveLength(1);
  });

  it("a declined card and a cancelled payment take nothing, say why, and offer to pay again", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    const declined = await resident.get(path(await atTheBank(resident, await startPaying(resident, reference), CARDS.decline)));
    const page = await resident.get(String(declined.headers.location));
    expect(page.body).toContain("Your bank declined the payment.");
    expect(page.body).toContain("Pay QAR");
    const cancelled = await resident.get(path(await atTheBank(resident, await startPaying(resident, reference), "cancel")));
    expect((await resident.get(String(cancelled.headers.location))).body).toContain("You cancelled the payment.");
    const attempts = await paymentsOf(reference);
    expect(attempts.map((p) => [p.status, p.failureReason]).sort()).toEqual([
      ["failed", "cancelled"],
      ["failed", "declined"],
    ]);
    expect((await caseOf(reference)).status).toBe("payment-due");
  });

  it("a payment finished after the person closed the browser is recorded from the gateway's notification", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    // The slow bank: the person is sent back while it is still deciding, and closes the browser.
    await atTheBank(resident, await startPaying(resident, reference), CARDS.slow);
    expect((await paymentsOf(reference))[0]?.status).toBe("pending");
    await t.app.sandboxGateway.runDue(new Date(Date.now() + 5000));
    await t.app.sandboxGateway.runDue(new Date(Date.now() + 5000));
    expect((await paymentsOf(reference))[0]?.status).toBe("captured");
    expect((await caseOf(reference)).status).toBe("submitted");
  });

  it("a payment whose notification never arrived is recorded by the daily reconciliation", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    await atTheBank(resident, await startPaying(resident, reference), CARDS.success);
    // The browser never came back, and the gateway's notifications are lost.
    await db().delete(sandboxNotifications);
    expect((await paymentsOf(reference))[0]?.status).toBe("pending");
    const today = dohaToday();
    const differences = await t.app.paymentJobs.reconcile(today);
    expect(differences).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "status", fixed: true })]));
    expect((await paymentsOf(reference))[0]?.status).toBe("captured");
    expect((await caseOf(reference)).status).toBe("submitted");
    // Once a day: a second run of the same day does nothing.
    expect(await t.app.paymentJobs.reconcile(today)).toBeUndefined();
  });

  it("an attempt left unfinished past its time is expired, and paying again is offered", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    await startPaying(resident, reference);
    const [attempt] = await paymentsOf(reference);
    await db()
      .update(payments)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(payments.id, attempt?.id ?? ""));
    expect(await t.app.paymentJobs.expire()).toBe(1);
    expect((await paymentsOf(reference))[0]?.status).toBe("expired");
    const page = await resident.get(`/en/my/payments/${attempt?.id}`);
    expect(page.body).toContain("The payment has expired");
    expect(page.body).toContain("Pay QAR");
  });
});

describe("the gateway's notifications", () => {
  async function notify(body: string, headers: Record<string, string>) {
    return t.app.inject({
      method: "POST",
      url: "/api/v1/payments/notifications",
      headers: { "content-type": "application/json", ...headers },
      payload: body,
    });
  }

  it("refuses forged and stale ones, and acts on a replayed one only once", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    await atTheBank(resident, await startPaying(resident, reference), CARDS.success);
    const [attempt] = await paymentsOf(reference);
    const gatewayId = attempt?.gatewayPaymentId ?? "";
    const payment = await (
      await fetch(`${t.baseUrl}/sandbox-gateway/api/v1/payments/${gatewayId}`, {
        headers: { authorization: `Basic ${Buffer.from("hukoomi:sandbox-merchant-secret").toString("base64")}` },
      })
    ).json();
    const body = JSON.stringify({
      eventId: `evt-${randomUUID()}`,
      type: "payment.authorised",
      createdAt: new Date().toISOString(),
      payment,
    });
    const now = Math.floor(Date.now() / 1000);

    const forged = await notify(body, {
      "x-gateway-timestamp": String(now),
      "x-gateway-signature": `sha256=${sign("not-the-secret-at-all", now, body)}`,
    });
    expect(forged.statusCode).toBe(401);
    const unsigned = await notify(body, {});
    expect(unsigned.statusCode).toBe(401);
    const changed = await notify(body.replace("authorised", "captured"), {
      "x-gateway-timestamp": String(now),
      "x-gateway-signature": `sha256=${sign(SECRET, now, body)}`,
    });
    expect(changed.statusCode).toBe(401);
    const old = now - 3600;
    const stale = await notify(body, {
      "x-gateway-timestamp": String(old),
      "x-gateway-signature": `sha256=${sign(SECRET, old, body)}`,
    });
    expect(stale.statusCode).toBe(401);
    expect((await paymentsOf(reference))[0]?.status).toBe("pending");

    const signed = { "x-gateway-timestamp": String(now), "x-gateway-signature": `sha256=${sign(SECRET, now, body)}` };
    const good = await notify(body, signed);
    expect(good.statusCode).toBe(200);
    expect((await paymentsOf(reference))[0]?.status).toBe("captured");
    const stepsBefore = await db()
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, attempt?.id ?? ""));
    const replayed = await notify(body, signed);
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toMatchObject({ duplicate: true });
    const stepsAfter = await db()
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, attempt?.id ?? ""));
    expect(stepsAfter).toHaveLength(stepsBefore.length);
    const seen = await db()
      .select()
      .from(gatewayNotifications)
      .where(and(eq(gatewayNotifications.paymentId, attempt?.id ?? "")));
    expect(seen.length).toBeGreaterThanOrEqual(1);
    const malformed = await notify("{not json", {
      "x-gateway-timestamp": String(now),
      "x-gateway-signature": `sha256=${sign(SECRET, now, "{not json")}`,
    });
    expect(malformed.statusCode).toBe(400);
  });
});

describe("refunds", () => {
  it("an officer of the agency refunds part and then the rest; too much is refused with a message; the applicant is told", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await applyWithFee(resident);
    const back = await atTheBank(resident, await startPaying(resident, reference), CARDS.success);
    await resident.get(path(back));
    const [paid] = await paymentsOf(reference);
    const amount = Number(paid?.amount);

    const officer = await signedInAs(t.app, "officer");
    const casePage = await officer.get(`/en/workspace/cases/${reference}`);
    expect(casePage.body).toContain("Amount to refund");
    const key = /name="key" value="([^"]+)"/.exec(casePage.body)?.[1] ?? "";
    // The refund box starts empty (an officer types what to give back), and a refund is asked again first.
    expect(casePage.body).toMatch(/<input[^>]*name="amount"[^>]*value[ />]/);
    expect(casePage.body).not.toMatch(/<input[^>]*name="amount"[^>]*value="\d/);
    const confirm = await officer.post(`/en/workspace/cases/${reference}/refund/confirm`, {
      payment: paid?.id ?? "",
      key,
      amount: "10",
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Refund QAR 10 for request ${reference}?`);
    expect(confirm.body).toContain(`action="/en/workspace/cases/${reference}/refund"`);
    expect((await paymentsOf(reference))[0]?.refundedAmount).toBe("0.00");
    const tooMuchFirst = await officer.post(`/en/workspace/cases/${reference}/refund/confirm`, {
      payment: paid?.id ?? "",
      key,
      amount: String(amount + 1),
    });
    expect(tooMuchFirst.statusCode).toBe(400);
    const tooMuch = await officer.post(`/en/workspace/cases/${reference}/refund`, {
      payment: paid?.id ?? "",
      key,
      amount: String(amount + 1),
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toContain("no more than what is left to refund");
    const notANumber = await officer.post(`/en/workspace/cases/${reference}/refund`, {
      payment: paid?.id ?? "",
      key,
      amount: "ten",
    });
    expect(notANumber.statusCode).toBe(400);
    expect(notANumber.body).toContain("Enter the amount to refund");

    const part = await officer.post(`/en/workspace/cases/${reference}/refund`, { payment: paid?.id ?? "", key, amount: "10" });
    expect(part.statusCode).toBe(303);
    // The same form sent twice is one refund.
    await officer.post(`/en/workspace/cases/${reference}/refund`, { payment: paid?.id ?? "", key, amount: "10" });
    let [after] = await paymentsOf(reference);
    expect(after).toMatchObject({ status: "captured", refundedAmount: "10.00" });
    await officer.get(`/en/workspace/cases/${reference}`);
    await officer.post(`/en/workspace/cases/${reference}/refund`, {
      payment: paid?.id ?? "",
      key: randomUUID(),
      amount: String(amount - 10),
    });
    [after] = await paymentsOf(reference);
    expect(after?.status).toBe("refunded");
    const told = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/my/payments/${paid?.id}`));
    expect(told.filter((n) => n.event === "refunded")).toHaveLength(2);
    expect((await resident.get(`/en/my/payments/${paid?.id}`)).body).toContain("Refunded");
    // The applicant cannot refund.
    const self = await resident.post(`/en/workspace/cases/${reference}/refund`, {
      payment: paid?.id ?? "",
      key: randomUUID(),
      amount: "1",
    });
    expect([303, 403, 404]).toContain(self.statusCode);
  });
});
