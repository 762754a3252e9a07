import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { issueDocument } from "../../src/documents/issue.js";
import { submitCase } from "../../src/eservices/repository/cases.js";
import { drafts } from "../../src/eservices/tables.js";
import { addDays, dohaToday as qatarToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, pageOf, submit } from "../support/apply.js";
import type { Client } from "../support/client.js";
import { pageFields } from "../support/fill.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const renewal = demoDefinition("residence-permit-renewal");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

/** Starts a renewal and answers pages until the expiry date is asked; returns that page's address. */
async function toExpiryPage(client: Client, prefix: "" | "/en"): Promise<string> {
  await client.get(`${prefix}/eservices/${renewal.slug}`);
  const res = await client.post(`${prefix}/eservices/${renewal.slug}/start`, {});
  let location = String(res.headers.location);
  for (let i = 0; i < 10 && pageOf(location).page !== "expiry"; i++) {
    const page = await client.get(location);
    const { fields } = pageFields(renewal, pageOf(location).page, page.body, { "permit-for": "family-member" });
    location = String((await client.post(location, fields)).headers.location);
  }
  expect(pageOf(location).page).toBe("expiry");
  return location;
}

const dateFields = (day: string) => {
  const [y, m, d] = day.split("-");
  return { "expiry-date-day": String(Number(d)), "expiry-date-month": String(Number(m)), "expiry-date-year": y ?? "" };
};

describe("the residence permit renewal's rules, declared once in its definition", () => {
  it("are explained before starting, in both languages, from the definition", async () => {
    const resident = await signedInAs(t.app, "resident");
    const en = await resident.get(`/en/eservices/${renewal.slug}`);
    expect(en.body).toContain("You can apply from 90 days before the current permit expires until 90 days after it.");
    expect(en.body).toContain("The new Residence permit is valid from the day after the current one expires");
    expect(en.body).toContain("Who can apply: Resident.");
    const ar = await resident.get(`/eservices/${renewal.slug}`);
    expect(ar.body).toContain("يمكنك التقديم ابتداءً من 90 يوماً قبل انتهاء الإقامة الحالية وحتى 90 يوماً بعده.");
    expect(ar.body).toContain("تبدأ صلاحية المستند الجديد (تصريح إقامة) من اليوم التالي لانتهاء الحالي");
  });

  it("are shown on the service page from the same definition, in both languages", async () => {
    const en = await t.app.inject({ url: "/en/services/renew-residence-permit" });
    expect(en.body).toContain("Applying online");
    expect(en.body).toContain("You can apply from 90 days before the current permit expires until 90 days after it.");
    expect(en.body).toContain("Within 2 working days");
    expect(en.body).not.toContain("Immediately in most cases");
    const ar = await t.app.inject({ url: "/services/renew-residence-permit" });
    expect(ar.body).toContain("التقديم الإلكتروني");
    expect(ar.body).toContain("يمكنك التقديم ابتداءً من 90 يوماً قبل انتهاء الإقامة الحالية وحتى 90 يوماً بعده.");
  });

  it("refuses a permit expiring 184 days ahead on the server with the day renewal opens, in both languages", async () => {
    const today = qatarToday();
    const expiry = addDays(today, 184);
    for (const prefix of ["/en", ""] as const) {
      const resident = await signedInAs(t.app, "resident");
      const page = await toExpiryPage(resident, prefix);
      const refused = await resident.post(page, dateFields(expiry));
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(prefix ? "You can apply from" : "يمكنك التقديم ابتداءً من");
      expect(refused.body).toContain(prefix ? "90 days before the date you gave" : "قبل 90 يوماً من التاريخ الذي أدخلته");
      // 90 days ahead is the first day it opens; 91 days after expiry it has closed.
      expect((await resident.post(page, dateFields(addDays(today, 91)))).statusCode).toBe(400);
      expect((await resident.post(page, dateFields(addDays(today, -91)))).statusCode).toBe(400);
      expect((await resident.post(page, dateFields(addDays(today, 90)))).statusCode).toBe(303);
    }
  });

  it("cannot be sent with a date that breaks the window, whatever the pages were sent with", async () => {
    const resident = await signedInAs(t.app, "resident");
    const check = await answerAll(resident, renewal);
    const { draft } = pageOf(check.replace(/\/check$/, "/x"));
    // The answer stored before the rule (or from a registry) is checked again at the end.
    const [saved] = await db().select().from(drafts).where(eq(drafts.id, draft));
    await db()
      .update(drafts)
      .set({ answers: { ...saved?.answers, "expiry-date": addDays(qatarToday(), 184) } })
      .where(eq(drafts.id, draft));
    await resident.get(check);
    const res = await resident.post(check.replace(/\/check$/, "/submit"), { declaration: "yes" });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/\/expiry$/);
    const page = await resident.get(String(res.headers.location));
    expect(page.body).toContain("You can apply from");
    expect(await submit(resident, await answerAll(resident, renewal))).toMatch(/^HK-/);
  });

  it("issues the renewed permit from the later of the approval and the current expiry", async () => {
    const user = await findUserByEmail(db(), demoEmails.resident);
    if (!user) throw new Error("no resident");
    const issue = async (expiry: string, approval: string, years: string) => {
      const { case: kase } = await submitCase(db(), {
        draftId: randomUUID(),
        userId: user.id,
        eservice: renewal.slug,
        version: renewal.version,
        agency: renewal.agency,
        queue: renewal.queue,
        answers: { "permit-for": "myself", "expiry-date": expiry, years },
        fee: 0,
        targetDays: renewal.targetDays,
        files: [],
      });
      const doc = await issueDocument(db(), {
        kase,
        definition: renewal,
        holder: user,
        now: new Date(`${approval}T09:00:00+03:00`),
      });
      return doc.validUntil;
    };
    expect(await issue("2027-06-30", "2027-04-10", "1")).toBe("2028-06-30");
    expect(await issue("2027-06-30", "2027-04-10", "2")).toBe("2029-06-30");
    // Expired before the approval: a year from the approval.
    expect(await issue("2027-06-30", "2027-08-01", "1")).toBe("2028-07-31");
  });
});
