// Over 400 lines on purpose: every e-service's keyboard-only journey and axe check shares one headless Chromium, launched once for the file (the portal is the e2e run's own).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { validUntilFrom } from "../../src/documents/validity.js";
import { loadDefinitionFiles } from "../../src/eservices/content.js";
import type { Definition, SimpleQuestion } from "../../src/forms/engine/definition.js";
import { formatDate } from "../../src/platform/i18n/format.js";
import { addDays, dohaNoon as dayDate } from "../../src/platform/time/doha.js";
import { samplePdf, samplePng } from "../support/files.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { expectErrorSummaryFocused, skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
const defs = new Map(loadDefinitionFiles().map((d) => [d.slug, d]));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function exists(page: Page, selector: string): Promise<boolean> {
  return (await page.locator(selector).count()) > 0;
}

/** Answers one question with the keyboard alone (a file is chosen as the system's file dialog would). */
async function answer(page: Page, q: SimpleQuestion, name: string) {
  const typeInto = async (id: string, text: string) => {
    await tabTo(page, `#${id}`);
    await typeOver(page, text);
  };
  switch (q.type) {
    case "text":
      return typeInto(name, "Details for the officer".slice(0, q.maxLength));
    case "name-ar":
      return typeInto(name, "أنيل كومار");
    case "name-en":
      return typeInto(name, "Anil Kumar");
    case "qid":
      return typeInto(name, "29035600102");
    case "phone":
      return typeInto(name, "5550 0102");
    case "email":
      return typeInto(name, "anil@example.com");
    case "number":
      return typeInto(name, String(q.min ?? 1));
    case "money":
      return typeInto(name, "2500");
    case "date": {
      // A date inside the question's window (a permit expiring within the next weeks), else a plausible one.
      const d = q.window
        ? new Date(
            Date.now() +
              (q.window.closesDaysBefore !== undefined
                ? q.window.closesDaysBefore + 30
                : Math.min(30, q.window.opensDaysBefore ?? 0)) *
                86_400_000,
          )
        : q.past
          ? new Date(Date.UTC(1990, 4, 17))
          : q.future
            ? new Date(Date.now() + 20 * 86_400_000)
            : new Date(Date.UTC(2025, 5, 15));
      await typeInto(`${name}-day`, String(d.getUTCDate()));
      await page.keyboard.press("Tab");
      await typeOver(page, String(d.getUTCMonth() + 1));
      await page.keyboard.press("Tab");
      return typeOver(page, String(d.getUTCFullYear()));
    }
    case "address":
      await typeInto(`${name}-zone`, "66");
      await page.keyboard.press("Tab");
      await typeOver(page, "820");
      await page.keyboard.press("Tab");
      return typeOver(page, "12");
    case "select":
      await tabTo(page, `#${name}`);
      return page.keyboard.press("ArrowDown");
    case "radios":
    case "yes-no":
    case "checkboxes":
    case "declaration":
      // The first choice: "yes" for yes/no questions.
      await tabTo(page, `input[name="${name}"]`);
      if (!(await page.locator(":focus").isChecked())) await page.keyboard.press("Space");
      return;
    case "file": {
      await tabTo(page, `#${name}`);
      const pdf = q.accept.includes("pdf");
      const input = page.locator(`#${name}`);
      await input.setInputFiles({
        name: pdf ? "document.pdf" : "photo.png",
        mimeType: pdf ? "application/pdf" : "image/png",
        buffer: pdf ? samplePdf : samplePng,
      });
      return;
    }
  }
}

/** Answers every question the page shows, then presses Continue; checks each page with axe first (axe needs JavaScript). */
async function answerPage(page: Page, def: Definition, axe = true) {
  const pageId = /\/([a-z0-9-]+)(\?.*)?$/.exec(page.url())?.[1];
  const step = def.pages.find((p) => p.id === pageId);
  if (!step || !("questions" in step)) throw new Error(`no question page at ${page.url()}`);
  if (axe) await expectAccessible(page);
  await skipToMain(page);
  for (const q of step.questions) {
    if (q.type === "group") {
      for (const g of q.questions) await answer(page, g, `${q.id}-0-${g.id}`);
    } else if (
      (await exists(page, `#${q.id}`)) ||
      (await exists(page, `#${q.id}-day`)) ||
      (await exists(page, `#${q.id}-zone`))
    ) {
      await answer(page, q, q.id);
    }
  }
  await tabTo(page, "main form .button-group button:not([name])");
  const before = new URL(page.url()).pathname;
  await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
  if (new URL(page.url()).pathname === before) {
    throw new Error(
      `${before} refused: ${
        (await page
          .locator(".error-summary")
          .textContent()
          .catch(() => "")) ?? ""
      }`,
    );
  }
}

/** From the first question page to "check your answers". */
async function answerAll(page: Page, def: Definition, axe = true) {
  for (let i = 0; i < 30 && !page.url().includes("/check"); i++) await answerPage(page, def, axe);
  expect(page.url()).toContain("/check");
}

/**
 * From a portal page with a "Pay" button: to the bank's page, and a card
 * typed by keyboard (or Cancel); back on the portal's payment page, checked
 * with axe, as are the bank's pages.
 */
async function payAtTheBank(page: Page, card: string | "cancel") {
  await skipToMain(page);
  await tabTo(page, "main form[action$='/pay'] button");
  await Promise.all([page.waitForURL(/\/sandbox-gateway\/en\/pay\/pay_/), page.keyboard.press("Enter")]);
  await expectAccessible(page);
  if (card === "cancel") {
    await tabTo(page, 'button[value="cancel"]');
  } else {
    for (const [id, text] of [
      ["cardNumber", card],
      ["expiry", "12/30"],
      ["cvc", "123"],
      ["cardName", "Anil Kumar"],
    ]) {
      await tabTo(page, `#${id}`);
      await typeOver(page, text ?? "");
    }
    await tabTo(page, 'button[value="pay"]');
  }
  await Promise.all([page.waitForURL(/\/en\/my\/payments\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
  await expectAccessible(page);
}

describe("applying online, by keyboard alone, with axe on every step", () => {
  it("from the service page through sign-in, questions, an upload, check answers and submit; an officer approves; the applicant sees the decision and the renewed permit's dates (English)", {
    timeout: 180_000,
  }, async () => {
    const def = defs.get("residence-permit-renewal");
    if (!def) throw new Error("no definition");
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/services/renew-residence-permit`);
    await skipToMain(page);
    await tabTo(page, "a.button--start");
    await Promise.all([page.waitForURL(`${baseUrl}/en/eservices/${def.slug}`), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    await skipToMain(page);
    await tabTo(page, 'main a[href*="/sign-in"]');
    await Promise.all([page.waitForURL(/\/en\/sign-in/), page.keyboard.press("Enter")]);
    await signIn(page, "resident@demo.hukoomi.example");
    expect(page.url()).toBe(`${baseUrl}/en/eservices/${def.slug}`);
    await skipToMain(page);
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/eservices\/residence-permit-renewal\/[0-9a-f-]{36}\//), page.keyboard.press("Enter")]);

    // A page sent without an answer: the summary takes focus and links to the field.
    await skipToMain(page);
    await tabTo(page, "main form .button-group button:not([name])");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".error-summary");
    await expectErrorSummaryFocused(page);
    await expectAccessible(page);

    await answerAll(page, def);
    await expectAccessible(page);
    expect(await page.textContent("h1")).toBe("Check your answers before sending your application");
    expect(await page.textContent("main")).toContain("document.pdf");
    await skipToMain(page);
    await tabTo(page, "#declaration");
    await page.keyboard.press("Space");
    await tabTo(page, "main form button[type=submit]:not(.link-button)");
    await Promise.all([page.waitForURL(/\/en\/my\/requests\/HK-/), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    // Not sent until the fee is paid: no "sent" panel, paying first.
    expect(await page.textContent("h1")).toBe("Pay the fee to send your application");
    expect(await page.$(".panel")).toBeNull();
    const reference = /\/requests\/(HK-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(page.url())?.[1] ?? "";
    expect(reference).toMatch(/^HK-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // The fee, through the sandbox bank's pages: a declined card, a cancelled payment, then a good card.
    await payAtTheBank(page, "4000000000000002");
    expect(await page.textContent("main")).toContain("Your bank declined the payment.");
    await payAtTheBank(page, "cancel");
    expect(await page.textContent("main")).toContain("You cancelled the payment.");
    await payAtTheBank(page, "4111111111111111");
    expect(await page.textContent("h1")).toBe("Payment received");
    expect(await page.textContent("main")).toContain(reference);
    await page.goto(`${baseUrl}/en/my/requests/${reference}/receipt`);
    await expectAccessible(page);

    // The officer of the Ministry of Interior finds it, opens it and approves it.
    const officer = await newPage(browser);
    await officer.page.goto(`${baseUrl}/en/sign-in?returnTo=${encodeURIComponent("/en/workspace/cases")}`);
    await signIn(officer.page, "officer@demo.hukoomi.example");
    // Signing in keeps the language the officer signed in with, whatever the language they prefer.
    expect(officer.page.url()).toBe(`${baseUrl}/en/workspace/cases`);
    await expectAccessible(officer.page);
    await officer.page.goto(`${baseUrl}/en/workspace/cases`);
    await expectAccessible(officer.page);
    await skipToMain(officer.page);
    await tabTo(officer.page, `a[href="/en/workspace/cases/${reference}"]`);
    await Promise.all([
      officer.page.waitForURL(`${baseUrl}/en/workspace/cases/${reference}`),
      officer.page.keyboard.press("Enter"),
    ]);
    await expectAccessible(officer.page);
    await skipToMain(officer.page);
    await tabTo(officer.page, "#decision");
    await officer.page.keyboard.press("Space");
    await tabTo(officer.page, "#reason");
    await officer.page.keyboard.type("All documents are in order.");
    await tabTo(officer.page, 'form[action$="/decide/confirm"] button[type=submit]');
    // A decision is asked again before it is recorded (a plain form: works without JavaScript).
    await Promise.all([officer.page.waitForURL(/\/decide\/confirm$/), officer.page.keyboard.press("Enter")]);
    expect(await officer.page.textContent("h1")).toBe(`Approve request ${reference}?`);
    expect(await officer.page.textContent("main")).toContain("All documents are in order.");
    await expectAccessible(officer.page);
    await tabTo(officer.page, 'main form[action$="/decide"] button[type=submit]');
    await Promise.all([officer.page.waitForURL(/done=approved/), officer.page.keyboard.press("Enter")]);
    await expectAccessible(officer.page);
    expect(await officer.page.textContent("main")).toContain("The request has been approved and the applicant told.");
    await officer.context.close();

    await page.goto(`${baseUrl}/en/my/requests/${reference}`);
    await expectAccessible(page);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Approved");
    expect(main).toContain("Your request was approved.");
    expect(main).toContain("All documents are in order.");

    // The renewed permit runs from the day after the current one expires (the date typed, 30 days ahead),
    // so it is valid a year from that expiry, not a year from the approval.
    const expiry = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const until = formatDate(dayDate(validUntilFrom(addDays(expiry, 1), 12)), "en");
    expect(until).toContain(String(Number(expiry.slice(0, 4)) + 1));
    await page.goto(`${baseUrl}/en/my/documents`);
    await expectAccessible(page);
    const row = page.locator("main table tr", { hasText: "Residence permit" }).first();
    expect(await row.textContent()).toContain(until);
    await row.locator("a").first().click();
    await page.waitForURL(/\/en\/my\/documents\/[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page);
    expect(await page.textContent("main")).toContain(until);
    await context.close();
  });

  it("in Arabic: an application left half-way, found in My Hukoomi, finished and sent", { timeout: 120_000 }, async () => {
    const def = defs.get("commercial-registration");
    if (!def) throw new Error("no definition");
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/sign-in`);
    await signIn(page, "resident@demo.hukoomi.example");
    await page.goto(`${baseUrl}/eservices/${def.slug}`);
    await expectAccessible(page);
    await skipToMain(page);
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/eservices\/commercial-registration\/[0-9a-f-]{36}\//), page.keyboard.press("Enter")]);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const firstPage = page.url();
    await answerPage(page, def);
    // Left half-way: the draft is in My Hukoomi.
    await page.goto(`${baseUrl}/my`);
    await expectAccessible(page);
    expect(await page.textContent("main")).toContain(`أكمل: ${def.title.ar}`);
    await page.goto(firstPage);
    await answerPage(page, def);
    await answerAll(page, def);
    await expectAccessible(page);
    await skipToMain(page);
    await tabTo(page, "#declaration");
    await page.keyboard.press("Space");
    await tabTo(page, "main form button[type=submit]:not(.link-button)");
    await Promise.all([page.waitForURL(/\/my\/requests\/HK-/), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    expect(await page.textContent("h1")).toBe("ادفع الرسوم لإرسال طلبك");
    await page.goto(`${baseUrl}/my/requests`);
    await expectAccessible(page);
    await context.close();
  });

  it("without JavaScript, in Arabic: a whole application by keyboard", async () => {
    const def = defs.get("exit-permit");
    if (!def) throw new Error("no definition");
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/sign-in`);
    await signIn(page, "resident@demo.hukoomi.example");
    await page.goto(`${baseUrl}/eservices/${def.slug}`);
    await skipToMain(page);
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/eservices\/exit-permit\/[0-9a-f-]{36}\//), page.keyboard.press("Enter")]);
    await answerAll(page, def, false);
    await skipToMain(page);
    await tabTo(page, "#declaration");
    await page.keyboard.press("Space");
    await tabTo(page, "main form button[type=submit]:not(.link-button)");
    await Promise.all([page.waitForURL(/\/my\/requests\/HK-/), page.keyboard.press("Enter")]);
    expect(await page.textContent("h1")).toBe("أُرسل طلبك");
    await context.close();
  });

  it("the 'add another' page lets a partner be added and removed with the keyboard", async () => {
    const def = defs.get("commercial-registration");
    if (!def) throw new Error("no definition");
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/sign-in`);
    await signIn(page, "citizen@demo.hukoomi.example");
    await page.goto(`${baseUrl}/en/eservices/${def.slug}`);
    await skipToMain(page);
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/eservices\/commercial-registration\/[0-9a-f-]{36}\//), page.keyboard.press("Enter")]);
    // A company, so that the partners page applies.
    await skipToMain(page);
    await tabTo(page, 'input[name="legal-form"]');
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "main form .button-group button:not([name])");
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/form")), page.keyboard.press("Enter")]);
    for (let i = 0; i < 10 && !(await exists(page, "[name^='partners-0-']")); i++) await answerPage(page, def);
    const group = def.pages.flatMap((p) => ("questions" in p ? p.questions : [])).find((q) => q.type === "group");
    if (group?.type !== "group") throw new Error("no group");
    await expectAccessible(page);
    for (const g of group.questions) await answer(page, g, `${group.id}-0-${g.id}`);
    await tabTo(page, `button[value="add-${group.id}"]`);
    await Promise.all([page.waitForURL(/add=/), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    expect(await exists(page, `#${group.id}-1-${group.questions[0]?.id}`)).toBe(true);
    for (const g of group.questions) await answer(page, g, `${group.id}-1-${g.id}`);
    await tabTo(page, `#${group.id}-1-remove`);
    await page.keyboard.press("Space");
    await tabTo(page, "main form .button-group button:not([name])");
    await Promise.all([page.waitForURL((url) => !url.search.includes("add=")), page.keyboard.press("Enter")]);
    await context.close();
  });
});

describe("axe on every e-service template, in both languages", () => {
  for (const locale of ["ar", "en"] as const) {
    const at = (path: string) => `${baseUrl}${locale === "en" ? "/en" : ""}${path}`;

    it(`stop page, uploaded files, request with a question, the answer, queue and case (${locale})`, {
      timeout: 120_000,
    }, async () => {
      const customs = defs.get("customs-duty-calculation");
      const labour = defs.get("labour-complaint");
      if (!customs || !labour) throw new Error("no definition");
      const { context, page } = await newPage(browser);
      await page.goto(at("/sign-in"));
      await signIn(page, "resident@demo.hukoomi.example");

      // A stop page: tobacco is not calculated here.
      await page.goto(at(`/eservices/${customs.slug}`));
      await Promise.all([page.waitForURL(/\/goods$/), page.locator("main form button[type=submit]").click()]);
      await page.selectOption("#goods-kind", "tobacco");
      await page.fill("#description", "Cigars");
      await Promise.all([page.waitForURL(/\/tobacco-rate$/), page.locator("main form .button-group button:not([name])").click()]);
      await expectAccessible(page);

      // A page with files already uploaded, then the request.
      await page.goto(at(`/eservices/${labour.slug}`));
      await Promise.all([page.waitForURL(/\/worker$/), page.locator("main form button[type=submit]").click()]);
      await answerAll(page, labour);
      const check = page.url();
      await page.goto(check.replace(/\/check$/, "/evidence-upload?change=1"));
      expect(await page.locator(".file-upload__list").count()).toBe(1);
      await expectAccessible(page);
      await page.goto(check);
      await page.check("#declaration");
      await Promise.all([page.waitForURL(/\/my\/requests\/HK-/), page.locator("main form button[type=submit]").click()]);
      const reference = ((await page.textContent(".panel__reference")) ?? "").trim();

      // The officer asks for more information.
      const officer = await newPage(browser);
      await officer.page.goto(at("/sign-in"));
      await signIn(officer.page, "officer@demo.hukoomi.example");
      await officer.page.goto(at(`/workspace/cases?eservice=${labour.slug}&status=submitted`));
      await expectAccessible(officer.page);
      await officer.page.goto(at(`/workspace/cases/${reference}`));
      await expectAccessible(officer.page);
      await officer.page.fill("#question", "Send your employment contract, please.");
      await Promise.all([
        officer.page.waitForURL(/done=info-requested/),
        officer.page.locator('form[action$="/request-info"] button').click(),
      ]);
      await expectAccessible(officer.page);
      // A refused decision shows its messages.
      await officer.page.check("input[name=decision][value=reject]");
      await officer.page.locator('form[action$="/decide/confirm"] button').click();
      await officer.page.waitForSelector(".error-summary");
      await expectAccessible(officer.page);

      // The applicant reads the question and answers it, with a file.
      await page.goto(at(`/my/requests/${reference}`));
      expect(await page.textContent("main")).toContain("Send your employment contract, please.");
      await expectAccessible(page);
      await page.locator("main form button[type=submit]").click();
      await page.waitForSelector(".error-summary");
      await expectAccessible(page);
      await page.fill("#answer", "Attached.");
      await page.setInputFiles("#files", { name: "contract.pdf", mimeType: "application/pdf", buffer: samplePdf });
      await Promise.all([page.waitForURL(/answered=1/), page.locator("main form button[type=submit]").click()]);
      await expectAccessible(page);
      for (const path of ["/my", "/my/requests", `/my/requests/${reference}/receipt`]) {
        await page.goto(at(path));
        await expectAccessible(page);
      }
      await officer.page.goto(at(`/workspace/cases/${reference}`));
      expect(await officer.page.textContent("main")).toContain("contract.pdf");
      await expectAccessible(officer.page);
      await officer.context.close();
      await context.close();
    });
  }
});
