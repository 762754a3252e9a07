import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { notifications } from "../../src/notifications/tables.js";
import { translator } from "../../src/platform/i18n/messages.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

/** The one wording of the state, from the catalogue, in each language. */
const words = { en: translator("en").t("eservices.status.payment-due"), ar: translator("ar").t("eservices.status.payment-due") };

describe("a request whose fee is unpaid is not sent until it is paid", () => {
  it("says so first, puts paying before anything else, and never says it was sent or when to expect an answer", async () => {
    expect(words).toEqual({ en: "Not sent until the fee is paid", ar: "لن يُرسل قبل دفع الرسوم" });
    const resident = await signedInAs(t.app, "resident");
    const reference = await submit(resident, await answerAll(resident, demoDefinition("residence-permit-renewal")));
    for (const [prefix, texts] of [
      ["/en", { title: "Pay the fee to send your application", sent: ["Application sent", "Sent on", "Answer expected by"] }],
      ["", { title: "ادفع الرسوم لإرسال طلبك", sent: ["أُرسل طلبك", "أُرسل في", "الرد متوقع قبل"] }],
    ] as const) {
      for (const url of [`${prefix}/my/requests/${reference}?submitted=1`, `${prefix}/my/requests/${reference}`]) {
        const page = await resident.get(url);
        expect(page.statusCode).toBe(200);
        const main = page.body.slice(page.body.indexOf("<main"));
        expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(main)?.[1]).toBe(texts.title);
        expect(main).not.toContain('class="panel');
        for (const text of texts.sent) expect(main, text).not.toContain(text);
        expect(main).toContain(words[prefix === "" ? "ar" : "en"]);
        // The pay button comes before the request's details.
        const pay = main.indexOf(`/my/requests/${reference}/pay`);
        expect(pay).toBeGreaterThan(0);
        expect(pay).toBeLessThan(main.indexOf("summary-list"));
      }
      const receipt = await resident.get(`${prefix}/my/requests/${reference}/receipt`);
      expect(receipt.body).toContain(words[prefix === "" ? "ar" : "en"]);
      expect(receipt.body).not.toContain(texts.sent[1]);
    }
  });

  it("is worded alike in My Hukoomi, My requests and the notification", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await submit(resident, await answerAll(resident, demoDefinition("residence-permit-renewal")));
    for (const [prefix, lang] of [
      ["/en", "en"],
      ["", "ar"],
    ] as const) {
      for (const path of ["/my", "/my/requests"]) {
        const page = await resident.get(`${prefix}${path}`);
        const row = page.body.slice(page.body.indexOf(reference), page.body.indexOf("</tr>", page.body.indexOf(reference)));
        expect(row, `${prefix}${path}`).toContain(words[lang]);
        expect(row).toContain(translator(lang).t("eservices.requests.notSent"));
      }
    }
    const user = await findUserByEmail(db(), demoEmails.resident);
    const [told] = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user?.id ?? ""), eq(notifications.event, "payment-due")));
    const list = await resident.get("/en/my/notifications");
    expect(told).toBeDefined();
    expect(list.body).toContain(`${words.en}: ${reference}`);
  });
});
