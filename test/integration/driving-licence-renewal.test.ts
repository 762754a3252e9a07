import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { issueDocument } from "../../src/documents/issue.js";
import { submitCase } from "../../src/eservices/repository/cases.js";
import { cases } from "../../src/eservices/tables.js";
import { addDays, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, pageOf, submit } from "../support/apply.js";
import type { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

/** The driving licence renewal (issue #21): its window, its fee by delivery, and the licence it issues. */
let t: TestApp;
const db = () => t.db.database.db;
const renewal = demoDefinition("driving-licence-renewal");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

const dateFields = (day: string) => {
  const [y, m, d] = day.split("-");
  return { "expiry-date-day": String(Number(d)), "expiry-date-month": String(Number(m)), "expiry-date-year": y ?? "" };
};

/** Starts a renewal and returns the address of its first page, where the licence's expiry is asked. */
async function start(client: Client, prefix: "" | "/en"): Promise<string> {
  await client.get(`${prefix}/eservices/${renewal.slug}`);
  const res = await client.post(`${prefix}/eservices/${renewal.slug}/start`, {});
  const location = String(res.headers.location);
  expect(pageOf(location).page).toBe("licence");
  return location;
}

describe("renewing a driving licence online", () => {
  it("is offered from its service page, which states the same facts, in both languages", async () => {
    const ar = await t.app.inject({ url: "/services/renew-driving-licence" });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("تجديد رخصة القيادة");
    expect(ar.body).toContain('href="/eservices/driving-licence-renewal"');
    const en = await t.app.inject({ url: "/en/services/renew-driving-licence" });
    expect(en.body).toContain("Renew a driving licence");
    expect(en.body).toContain('href="/en/eservices/driving-licence-renewal"');
    expect(en.body).toContain("You can apply from 90 days before the current licence runs out");
    expect(en.body).toContain("At a glance");
    expect(en.body).toContain("QAR 250 or QAR 270");
  });

  it("opens 90 days before the licence runs out and closes a year after, on the server, in both languages", async () => {
    const today = dohaToday();
    for (const prefix of ["/en", ""] as const) {
      const citizen = await signedInAs(t.app, "citizen");
      const page = await start(citizen, prefix);
      const fields = { "licence-number": "28663400101" };
      const early = await citizen.post(page, { ...fields, ...dateFields(addDays(today, 91)) });
      expect(early.statusCode).toBe(400);
      expect(early.body).toContain(prefix ? "You can apply from" : "يمكنك التقديم ابتداءً من");
      expect((await citizen.post(page, { ...fields, ...dateFields(addDays(today, -366)) })).statusCode).toBe(400);
      expect((await citizen.post(page, { ...fields, ...dateFields(addDays(today, -365)) })).statusCode).toBe(303);
      expect((await citizen.post(page, { ...fields, ...dateFields(addDays(today, 90)) })).statusCode).toBe(303);
    }
  });

  it("charges QAR 250 to print the licence and QAR 270 to have it posted", async () => {
    for (const [delivery, fee] of [
      ["self-service", 250],
      ["post", 270],
    ] as const) {
      const resident = await signedInAs(t.app, "resident");
      const check = await answerAll(resident, renewal, { years: "5", delivery });
      const page = await resident.get(check);
      expect(page.body).toContain(`QAR ${fee}`);
      const reference = await submit(resident, check);
      const [kase] = await db().select().from(cases).where(eq(cases.reference, reference));
      expect(Number(kase?.feeAmount)).toBe(fee);
      expect(kase?.status).toBe("payment-due");
    }
  });

  it("issues a licence for 10 years (citizens) or 5 (residents) from the later of the approval and the current expiry", async () => {
    const user = await findUserByEmail(db(), demoEmails.citizen);
    if (!user) throw new Error("no citizen");
    const issue = async (expiry: string, approval: string, years: string) => {
      const { case: kase } = await submitCase(db(), {
        draftId: randomUUID(),
        userId: user.id,
        eservice: renewal.slug,
        version: renewal.version,
        agency: renewal.agency,
        queue: renewal.queue,
        answers: { "licence-number": "28663400101", "expiry-date": expiry, years, delivery: "self-service" },
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
    // Renewed 50 days early: nothing lost.
    expect(await issue("2027-06-30", "2027-05-11", "10")).toBe("2037-06-30");
    expect(await issue("2027-06-30", "2027-05-11", "5")).toBe("2032-06-30");
    // Expired before the approval: counted from the approval.
    expect(await issue("2027-06-30", "2027-09-01", "10")).toBe("2037-08-31");
  });
});
