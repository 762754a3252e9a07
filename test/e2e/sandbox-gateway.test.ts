import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifySignature } from "../../src/payments/signature.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { expectAccessible } from "./support/session.js";

const baseUrl = inject("baseUrl");
/** The e2e portal runs with the default sandbox credentials. */
const AUTH = `Basic ${Buffer.from("hukoomi:sandbox-merchant-secret").toString("base64")}`;
const NOTIFY_SECRET = "sandbox-notification-secret";

/** The merchant: where shoppers come back to, and where notifications arrive. */
class Merchant {
  readonly returns: URL[] = [];
  readonly notifications: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  private server: Server | undefined;
  url = "";

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.method === "POST") {
          this.notifications.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
          res.writeHead(204).end();
          return;
        }
        this.returns.push(new URL(req.url ?? "/", this.url));
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end('<!doctype html><html lang="en"><title>Merchant</title><h1>Back at the merchant</h1></html>');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const address = this.server?.address();
    if (!address || typeof address === "string") throw new Error("no address");
    this.url = `http://127.0.0.1:${address.port}`;
  }

  stop() {
    return new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const merchant = new Merchant();
let browser: Browser;
beforeAll(async () => {
  await merchant.start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await merchant.stop();
});

async function createPayment(language: "ar" | "en"): Promise<{ id: string; paymentUrl: string }> {
  const res = await fetch(`${baseUrl}/sandbox-gateway/api/v1/payments`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({
      amount: "250.00",
      currency: "QAR",
      description: language === "ar" ? "تجديد رخصة القيادة" : "Driving licence renewal",
      reference: `HK-E2E-${randomUUID().slice(0, 6)}`,
      returnUrl: `${merchant.url}/payments/return?step=done`,
      notifyUrl: `${merchant.url}/payments/notifications`,
      language,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; paymentUrl: string };
}

async function statusOf(id: string): Promise<string> {
  const res = await fetch(`${baseUrl}/sandbox-gateway/api/v1/payments/${id}`, { headers: { authorization: AUTH } });
  return ((await res.json()) as { status: string }).status;
}

/** Fills the card form with the keyboard alone, from the skip link. */
async function typeCard(page: Page, card: { number: string; expiry: string; cvc: string; name: string }) {
  await skipToMain(page);
  for (const [id, text] of [
    ["cardNumber", card.number],
    ["expiry", card.expiry],
    ["cvc", card.cvc],
    ["cardName", card.name],
  ] as const) {
    await tabTo(page, `#${id}`);
    await typeOver(page, text);
  }
}

async function pressPay(page: Page) {
  await tabTo(page, 'button[value="pay"]');
  await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
}

describe("the sandbox bank's hosted payment page", () => {
  it("is accessible in both languages and takes the success card by keyboard alone", async () => {
    const payment = await createPayment("en");
    const { context, page } = await newPage(browser);
    try {
      await page.goto(payment.paymentUrl);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.getAttribute("html", "dir")).toBe("ltr");
      expect(await page.locator("h1").textContent()).toBe("Pay Hukoomi");
      await expectAccessible(page);

      // The language switch leads to the same payment in Arabic.
      await page.locator('a[hreflang="ar"]').click();
      expect(new URL(page.url()).pathname).toBe(`/sandbox-gateway/pay/${payment.id}`);
      expect(await page.getAttribute("html", "lang")).toBe("ar");
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      await expectAccessible(page);

      await typeCard(page, { number: "4111 1111 1111 1111", expiry: "12/34", cvc: "123", name: "Anil Kumar" });
      await pressPay(page);
      const back = new URL(page.url());
      expect(back.origin).toBe(merchant.url);
      expect(back.pathname).toBe("/payments/return");
      expect(back.searchParams.get("step")).toBe("done");
      expect(back.searchParams.get("payment")).toBe(payment.id);
      expect(merchant.returns.some((u) => u.searchParams.get("payment") === payment.id)).toBe(true);
      expect(await statusOf(payment.id)).toBe("authorised");
    } finally {
      await context.close();
    }

    // The gateway's own timer sends the signed notification.
    const deadline = Date.now() + 15_000;
    let delivered: (typeof merchant.notifications)[number] | undefined;
    while (!delivered && Date.now() < deadline) {
      delivered = merchant.notifications.find((n) => n.body.includes(payment.id));
      if (!delivered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(delivered, "notification delivered").toBeDefined();
    expect(JSON.parse(delivered?.body ?? "{}")).toMatchObject({ type: "payment.authorised", payment: { id: payment.id } });
    expect(
      verifySignature(
        NOTIFY_SECRET,
        {
          timestamp: String(delivered?.headers["x-gateway-timestamp"]),
          signature: String(delivered?.headers["x-gateway-signature"]),
        },
        delivered?.body ?? "",
      ),
    ).toBe(true);
  });

  it("refuses a bad card with an accessible error summary, then shows a declined card's outcome", async () => {
    const payment = await createPayment("ar");
    const { context, page } = await newPage(browser);
    try {
      await page.goto(payment.paymentUrl);
      await typeCard(page, { number: "1234 5678", expiry: "01/20", cvc: "1", name: "أنيل كومار" });
      await pressPay(page);
      expect(new URL(page.url()).pathname).toBe(`/sandbox-gateway/pay/${payment.id}`);
      expect(await page.getAttribute("html", "lang")).toBe("ar");
      const summary = page.locator(".error-summary");
      expect(await summary.locator("h2").textContent()).toBe("هناك مشكلة");
      expect(await summary.locator("li").count()).toBe(3);
      expect(await page.locator("#cardNumber").getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page);

      // The summary's link takes the keyboard to the field.
      await tabTo(page, '.error-summary a[href="#cardNumber"]');
      await page.keyboard.press("Enter");
      await typeCard(page, { number: "4000 0000 0000 0002", expiry: "12/34", cvc: "123", name: "أنيل كومار" });
      await pressPay(page);
      const back = new URL(page.url());
      expect(back.origin).toBe(merchant.url);
      expect(back.searchParams.get("payment")).toBe(payment.id);
      expect(await statusOf(payment.id)).toBe("declined");

      // The bank's page now says how it ended, with no form to pay twice.
      await page.goto(payment.paymentUrl);
      expect(await page.locator("h1").textContent()).toBe("رفض بنكك الدفع");
      expect(await page.locator("#cardNumber").count()).toBe(0);
      await expectAccessible(page);
      await page.goto(`${baseUrl}/sandbox-gateway/en/pay/${payment.id}`);
      expect(await page.locator("h1").textContent()).toBe("Your bank declined the payment");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it("works without JavaScript", async () => {
    const payment = await createPayment("en");
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(payment.paymentUrl);
      await typeCard(page, { number: "4111111111111111", expiry: "0934", cvc: "999", name: "Sara Ali" });
      await pressPay(page);
      expect(new URL(page.url()).searchParams.get("payment")).toBe(payment.id);
      expect(await statusOf(payment.id)).toBe("authorised");
    } finally {
      await context.close();
    }
  });
});
