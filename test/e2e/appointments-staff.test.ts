import { randomBytes, randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/service.js";
import { newBookingReference } from "../../src/appointments/booking.js";
import { centreBySlug } from "../../src/appointments/service.js";
import { appointmentBookings, appointmentSlots } from "../../src/appointments/tables.js";
import { dohaMoment, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { tabTo } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

/**
 * The counter: an officer checks a person in by typing their booking's
 * reference, by keyboard, without JavaScript, in Arabic and in English. The
 * portal runs in this file's process (a demo database of its own), so a
 * visit booked for today can be put in it whatever the time and weekday.
 */
let t: TestApp;
let browser: Browser;
const CENTRE = "interior-services-al-rayyan";

/** A booked visit today for the demo citizen, late in the day (off the demo's slots). */
async function visitToday(time: string): Promise<string> {
  const db = t.db.database.db;
  const centre = await centreBySlug(db, CENTRE);
  const citizen = await findUserByEmail(db, "citizen@demo.hukoomi.example");
  if (!centre || !citizen) throw new Error("no demo centre or citizen");
  const startsAt = dohaMoment(dohaToday(), time);
  const slotId = randomUUID();
  const service = centre.services[0]?.serviceSlug as string;
  await db
    .insert(appointmentSlots)
    .values({ id: slotId, centreId: centre.id, serviceSlug: service, startsAt, places: 5, taken: 1 });
  const reference = newBookingReference();
  await db.insert(appointmentBookings).values({
    id: randomUUID(),
    reference,
    checkInCode: randomBytes(18).toString("base64url"),
    userId: citizen.id,
    centreId: centre.id,
    serviceSlug: service,
    slotId,
    startsAt,
    minutes: 10,
    status: "booked",
  });
  return reference;
}

/** The reference as someone reads it off a phone: small letters, spaces for dashes, Arabic-Indic digits. */
const asTyped = (reference: string) =>
  reference
    .toLowerCase()
    .replace(/-/g, " ")
    .replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

beforeAll(async () => {
  t = await createTestApp({ demo: true, listen: true });
  await loadDemoPeople(t.db.database.db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("checking a person in at the counter, by keyboard, without JavaScript", () => {
  for (const locale of ["ar", "en"] as const) {
    it(`in ${locale === "ar" ? "Arabic" : "English"}, with axe on each step's page`, async () => {
      const reference = await visitToday(locale === "ar" ? "23:51" : "23:52");
      const prefix = locale === "ar" ? "" : "/en";
      const checkIn = `${t.baseUrl}${prefix}/workspace/appointments/check-in`;
      const { context, page } = await newPage(browser, { javaScriptEnabled: false });
      await page.goto(checkIn);
      await signIn(page, "officer@demo.hukoomi.example");
      // Signing in continues in the officer's own language (Arabic): the page is asked for in the test's.
      if (locale === "en") await page.goto(checkIn);
      expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");

      await tabTo(page, "#reference");
      await page.keyboard.type(asTyped(reference));
      await Promise.all([page.waitForURL(/reference=/), page.keyboard.press("Enter")]);
      const found = await page.textContent("main");
      expect(found).toContain(reference);
      expect(found).toContain(locale === "ar" ? "مريم خالد السليطي" : "Maryam Khalid Al-Sulaiti");

      await tabTo(page, "#check-in");
      await Promise.all([page.waitForURL(/done=/), page.keyboard.press("Enter")]);
      expect(await page.textContent(".notification-banner")).toContain(reference);
      const done = page.url();

      // The centre's day shows the visit as checked in.
      const day = `${t.baseUrl}${prefix}/workspace/appointments/${CENTRE}/${dohaToday()}`;
      await page.goto(day);
      expect(await page.locator("tr", { hasText: reference }).textContent()).toContain(locale === "ar" ? "حضر" : "Checked in");
      await context.close();

      // axe needs JavaScript: the same pages again in a browser with it, signed in as the officer.
      const other = await visitToday(locale === "ar" ? "23:53" : "23:54");
      const axe = await newPage(browser);
      await axe.page.goto(checkIn);
      await signIn(axe.page, "officer@demo.hukoomi.example");
      const desk = `${t.baseUrl}${prefix}/workspace/appointments`;
      for (const address of [checkIn, `${checkIn}?reference=${other}`, done, day, desk, `${desk}/${CENTRE}/close`]) {
        await axe.page.goto(address);
        await expectAccessible(axe.page);
      }
      await axe.context.close();
    });
  }
});
