import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { services } from "../../src/catalogue/tables.js";
import { publishDefinitions } from "../../src/eservices/repository/definitions.js";
import { addYears } from "../../src/forms/engine/rules.js";
import { messageOf } from "../../src/forms/problems.js";
import { translator } from "../../src/platform/i18n/messages.js";
import { addDays, dohaToday } from "../../src/platform/time/doha.js";
import { workspaceItems } from "../../src/workspace/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { demoDefinition, pageOf } from "../support/apply.js";
import { Client } from "../support/client.js";
import { pageFields } from "../support/fill.js";
import { signedInAs, signInWith } from "../support/people.js";
import { formOf, revisionOf } from "./workspace-support.js";

/**
 * One source of service facts: the fee, documents and working days a
 * service states once are what its page and its e-service's start page show,
 * and publishing refuses a service or e-service that contradicts them, naming
 * the field in the person's language. And the age rule a definition declares.
 */
let t: TestApp;
const db = () => t.db.database.db;
const A = "ministry-of-interior";
const slug = "renew-residence-permit";
const renewal = demoDefinition("residence-permit-renewal");
const registration = demoDefinition("commercial-registration");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 300_000);
afterAll(() => t.close());

const as = (who: "editor" | "approver") => signInWith(new Client(t.app), `${who}@demo.hukoomi.example`);
const workspacePage = (lang: "" | "/en") => `${lang}/workspace/content/${A}/service/${slug}`;
/** The "At a glance" box of a page, as HTML. */
const glance = (html: string) => /<section class="service-facts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function draftOf() {
  const [row] = await db()
    .select()
    .from(workspaceItems)
    .where(and(eq(workspaceItems.kind, "service"), eq(workspaceItems.slug, slug)));
  return row;
}

describe("a service's facts, stated once", { timeout: 120_000 }, () => {
  it("are the same fee, documents and working days on the service page and its e-service's start page, in both languages", async () => {
    const resident = await signedInAs(t.app, "resident");
    for (const [lang, words] of [
      ["/en", ["QAR 500, QAR 1,000, or QAR 1,500", "Within 2 working days", "A recent photograph on a white background"]],
      ["", ["خلال يومي عمل", "صورة شخصية حديثة بخلفية بيضاء"]],
    ] as const) {
      const servicePage = await t.app.inject({ url: `${lang}/services/${slug}` });
      const startPage = await resident.get(`${lang}/eservices/${renewal.slug}`);
      const onService = glance(servicePage.body);
      expect(onService).not.toBe("");
      expect(glance(startPage.body)).toBe(onService);
      for (const w of words) expect(text(onService)).toContain(w);
      // Two documents, the two the e-service asks to upload; no employment contract.
      expect(onService.match(/<li>/g)).toHaveLength(2);
      expect(servicePage.body).not.toContain("employment contract");
    }
    // Integrators read the same facts.
    const api = await t.app.inject({ url: `/api/v1/services/${slug}` });
    expect(api.json().facts).toMatchObject({ fee: { type: "amounts", amounts: [500, 1000, 1500] }, workingDays: 2 });
  });

  it("refuse an e-service whose fee, working days or users contradict its service, naming each field in both languages", async () => {
    const changed = {
      ...renewal,
      version: renewal.version + 1,
      targetDays: 5,
      fee: { type: "fixed" as const, amount: 600 },
      eligibility: { ...renewal.eligibility, residency: ["citizen" as const, "resident" as const] },
    };
    const outcome = await publishDefinitions(db(), [changed]);
    expect(outcome.published).toEqual([]);
    const problems = outcome.refused[0]?.problems ?? [];
    expect(problems.map((p) => p.field)).toEqual(["fee", "workingDays", "residency"]);
    const en = problems.map((p) => messageOf(translator("en"), p));
    expect(en[0]).toContain("Fee: the e-service charges QAR 600 but the service page says QAR 500 / 1000 / 1500");
    expect(en[1]).toContain("Processing time (working days): the e-service says 5 working days");
    expect(en[2]).toBe(
      "Who can use it: the e-service is for citizens and residents but the service page says it is for residents",
    );
    const ar = problems.map((p) => messageOf(translator("ar"), p));
    expect(ar[0]).toContain("الرسوم:");
    expect(ar[1]).toContain("مدة الإنجاز بأيام العمل:");
    // Who may use it in words of the reader's language, not the content's identifiers.
    expect(ar[2]).toBe(
      "من يمكنه استخدام الخدمة: الخدمة الإلكترونية متاحة للمواطنين والمقيمين، بينما تذكر صفحة الخدمة أنها للمقيمين",
    );
    // The published version is the one people still start.
    expect((await t.app.inject({ url: `/en/eservices/${renewal.slug}` })).statusCode).not.toBe(500);
  });

  it("refuse publishing a service that contradicts its e-service: 409, the field named in both languages, the draft kept", async () => {
    const editor = await as("editor");
    await editor.get(workspacePage("/en"));
    const saved = await editor.post(workspacePage("/en"), {
      ...formOf(editor.lastBody),
      workingDays: "5",
      requiredDocuments: `${formOf(editor.lastBody).requiredDocuments}\nemployment-contract | عقد العمل | The employment contract`,
    });
    expect(saved.statusCode).toBe(303);
    for (const lang of ["/en", ""] as const) {
      await editor.get(workspacePage(lang));
      const refused = await editor.post(`${workspacePage(lang)}/submit`, { revision: revisionOf(editor.lastBody) });
      expect(refused.statusCode).toBe(409);
      const said = text(refused.body);
      if (lang) {
        expect(said).toContain("Processing time (working days): the e-service says 2 working days but the service page says 5");
        expect(said).toContain("Required documents: the service page lists a document (employment-contract)");
      } else {
        expect(said).toContain("مدة الإنجاز بأيام العمل: تذكر الخدمة الإلكترونية يومي عمل");
        expect(said).toContain("المستندات المطلوبة: تذكر صفحة الخدمة مستنداً");
      }
      expect(refused.body).toContain('href="#workingDays"');
    }
    // Nothing typed is lost: the draft keeps it, the public page is unchanged.
    const kept = await draftOf();
    expect(kept?.state).toBe("draft");
    expect(kept?.draft.workingDays).toBe("5");
    expect(text((await t.app.inject({ url: `/en/services/${slug}` })).body)).toContain("Within 2 working days");

    // Agreeing again, it is submitted; made to disagree after, the approver's publish is refused the same way.
    await editor.get(workspacePage("/en"));
    const fixed = await editor.post(workspacePage("/en"), {
      ...formOf(editor.lastBody),
      workingDays: "2",
      requiredDocuments: String(formOf(editor.lastBody).requiredDocuments).split("\n").slice(0, 2).join("\n"),
    });
    expect(fixed.statusCode).toBe(303);
    await editor.get(workspacePage("/en"));
    expect((await editor.post(`${workspacePage("/en")}/submit`, { revision: revisionOf(editor.lastBody) })).statusCode).toBe(303);
    const item = await draftOf();
    await db()
      .update(workspaceItems)
      .set({ draft: { ...item?.draft, feeAmounts: "600" } })
      .where(eq(workspaceItems.id, item?.id ?? 0));
    const approver = await as("approver");
    for (const lang of ["", "/en"] as const) {
      await approver.get(workspacePage(lang));
      const refused = await approver.post(`${workspacePage(lang)}/publish`, { revision: revisionOf(approver.lastBody) });
      expect(refused.statusCode).toBe(409);
      expect(text(refused.body)).toContain(lang ? "Fee: the e-service charges QAR 500 / 1000 / 1500" : "الرسوم: تتقاضى الخدمة");
    }
    const [live] = await db().select({ facts: services.facts }).from(services).where(eq(services.slug, slug));
    expect(live?.facts?.fee).toEqual({ type: "amounts", amounts: [500, 1000, 1500] });
  });
});

describe("the age rule a definition declares", { timeout: 120_000 }, () => {
  /** Starts a commercial registration and answers pages until the owner's date of birth is asked. */
  async function toOwnerPage(client: Client, lang: "" | "/en"): Promise<string> {
    await client.get(`${lang}/eservices/${registration.slug}`);
    let location = String((await client.post(`${lang}/eservices/${registration.slug}/start`, {})).headers.location);
    for (let i = 0; i < 5 && pageOf(location).page !== "owner"; i++) {
      const page = await client.get(location);
      const { fields } = pageFields(registration, pageOf(location).page, page.body, {});
      location = String((await client.post(location, fields)).headers.location);
    }
    expect(pageOf(location).page).toBe("owner");
    return location;
  }
  const born = (day: string) => {
    const [y, m, d] = day.split("-");
    return {
      "owner-birth-date-day": String(Number(d)),
      "owner-birth-date-month": String(Number(m)),
      "owner-birth-date-year": y ?? "",
    };
  };

  it("is explained before starting and on the service page, in both languages", async () => {
    const resident = await signedInAs(t.app, "resident");
    expect(text((await resident.get(`/en/eservices/${registration.slug}`)).body)).toContain(
      "The applicant must be at least 18 years old.",
    );
    expect(text((await t.app.inject({ url: "/en/services/commercial-registration" })).body)).toContain(
      "The applicant must be at least 18 years old.",
    );
    expect(text((await t.app.inject({ url: "/services/commercial-registration" })).body)).toContain(
      "يجب ألا يقل عمر صاحب الطلب عن 18 سنة",
    );
    // The other demo e-services' windows, from their definitions.
    expect(text((await t.app.inject({ url: "/en/services/apply-for-exit-permit" })).body)).toContain(
      "You can apply from 30 days before the day you leave.",
    );
    expect(text((await t.app.inject({ url: "/en/services/apply-for-visitor-visa" })).body)).toContain(
      "You can apply until 180 days before the visitor's passport expires.",
    );
    expect(text((await t.app.inject({ url: "/services/apply-for-visitor-visa" })).body)).toContain(
      "يمكنك التقديم حتى 180 يوماً قبل انتهاء جواز سفر الزائر.",
    );
  });

  it("refuses an applicant under 18 on the server with a clear message, in both languages, and accepts one who is 18 today", async () => {
    const eighteenTomorrow = addDays(addYears(dohaToday(), -18), 1);
    for (const lang of ["/en", ""] as const) {
      const resident = await signedInAs(t.app, "resident");
      const page = await toOwnerPage(resident, lang);
      const refused = await resident.post(page, born(eighteenTomorrow));
      expect(refused.statusCode).toBe(400);
      expect(text(refused.body)).toContain(
        lang
          ? "The person whose date of birth you gave must be at least 18 years old"
          : "يجب ألا يقل عمر صاحب تاريخ الميلاد الذي أدخلته عن 18",
      );
      expect((await resident.post(page, born(addYears(dohaToday(), -18)))).statusCode).toBe(303);
    }
  });
});
