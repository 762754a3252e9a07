import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildDemoAgency } from "../../src/demo-agency/app.js";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";

const baseUrl = inject("baseUrl");
const agencyUrl = inject("agencyUrl");
let browser: Browser;
let agency: FastifyInstance;

beforeAll(async () => {
  browser = await launchBrowser();
  agency = await buildDemoAgency({
    issuer: `${baseUrl}/idp`,
    url: agencyUrl,
    clientId: "demo-agency-portal",
    clientSecret: "demo-agency-portal-secret",
    cookieSecret: "a cookie secret for the browser tests",
  });
  await agency.listen({ host: "127.0.0.1", port: Number(new URL(agencyUrl).port) });
});
afterAll(async () => {
  await agency?.close();
  await browser?.close();
});

describe("single sign-on across government", () => {
  it("signs in on an agency's portal with Hukoomi, and is not asked again", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${agencyUrl}/?lang=en`);
    await page.click("#sign-in");
    // Hukoomi's own sign-in page, in the language the agency asked for.
    await page.waitForURL(/\/en\/sign-in\?returnTo=%2Fidp%2Finteraction%2F/);
    await page.fill("#identifier", "resident@demo.hukoomi.example");
    await page.fill("#password", "Hukoomi-demo-2026");
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(`${agencyUrl}/?lang=en`);
    expect(await page.textContent("#welcome")).toContain("Welcome, Anil Kumar Menon");
    expect(await page.textContent("main")).toContain("29035600102");

    // Signed in to Hukoomi as well.
    await page.goto(`${baseUrl}/en/my`);
    expect(new URL(page.url()).pathname).toBe("/en/my");

    // Leaving the agency's site (Hukoomi asks whether to sign out of it too: no) and signing in there again: no questions asked.
    await page.goto(`${agencyUrl}/?lang=en`);
    await page.getByRole("button").click();
    await page.waitForURL(/\/idp\/session\/end/);
    await page.getByRole("button", { name: "No, stay signed in" }).click();
    await page.waitForURL(`${agencyUrl}/`);
    await page.goto(`${agencyUrl}/?lang=en`);
    await page.click("#sign-in");
    await page.waitForURL(`${agencyUrl}/?lang=en`);
    expect(await page.textContent("#welcome")).toContain("Anil Kumar Menon");

    // The person can see that the agency received their details.
    await page.goto(`${baseUrl}/en/my`);
    expect(await page.textContent("main")).toContain("Ministry of Interior portal (demo)");
    await context.close();
  });

  it("uses a Hukoomi session started on the portal itself", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill("#identifier", "citizen@demo.hukoomi.example");
    await page.fill("#password", "Hukoomi-demo-2026");
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(`${baseUrl}/my`);
    await page.goto(`${agencyUrl}/`);
    await page.click("#sign-in");
    await page.waitForURL(`${agencyUrl}/?lang=ar`);
    expect(await page.textContent("#welcome")).toContain("مريم خالد السليطي");
    // Signing out of Hukoomi ends single sign-on: the agency is told (it forgets the person) and must send them to sign in again.
    await page.goto(`${baseUrl}/my`);
    await page.locator(".account-links__button").click();
    await page.goto(`${agencyUrl}/`);
    expect(await page.locator("#welcome").count()).toBe(0);
    await page.click("#sign-in");
    await page.waitForURL(/\/sign-in\?returnTo=%2Fidp%2Finteraction%2F/);
    await context.close();
  });
});

describe("national sign-in (the portal as an OpenID Connect client)", () => {
  it("signs out once: from the agency's portal through Hukoomi and back (the policy lets the redirect through), or from Hukoomi with the agency told", async () => {
    const { context, page } = await newPage(browser);
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${agencyUrl}/?lang=en`);
    await page.click("#sign-in");
    await page.waitForURL(/\/en\/sign-in\?returnTo=/);
    await page.fill("#identifier", "visitor@demo.hukoomi.example");
    await page.fill("#password", "Hukoomi-demo-2026");
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(`${agencyUrl}/?lang=en`);
    // Signing out on the agency's portal: Hukoomi asks, in the person's language, then sends them back.
    await page.getByRole("button").click();
    await page.waitForURL(/\/idp\/session\/end/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL(`${agencyUrl}/`);
    expect(blocked).toEqual([]);
    await page.goto(`${baseUrl}/en/my`);
    expect(new URL(page.url()).pathname).toBe("/en/sign-in");

    // Signed in again on both, then out of Hukoomi itself: the agency's portal is told and forgets the person.
    await page.goto(`${agencyUrl}/?lang=en`);
    await page.click("#sign-in");
    await page.fill("#identifier", "visitor@demo.hukoomi.example");
    await page.fill("#password", "Hukoomi-demo-2026");
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(`${agencyUrl}/?lang=en`);
    expect(await page.textContent("#welcome")).toContain("Sarah Thompson");
    await page.goto(`${baseUrl}/en/my`);
    await page.locator(".account-links__button").click();
    await page.goto(`${agencyUrl}/?lang=en`);
    expect(await page.locator("#welcome").count()).toBe(0);
    await context.close();
  });

  it("signs in with a smart card through the national identity provider, with axe on the sign-in page", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/sign-in`);
    expect(await axeViolations(page)).toEqual([]);
    await page.click("#national-sign-in");
    await page.waitForSelector("#qid");
    await page.selectOption("#qid", "29163400188");
    await page.getByRole("button", { name: "Use this card" }).click();
    await page.waitForURL(`${baseUrl}/en/my`);
    expect(await page.textContent("main")).toContain("Welcome, Yousef Abdullah Al-Dosari.");
    await context.close();
  });
});
