import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";
import { formOf, revisionOf } from "./workspace-support.js";

let t: TestApp;
const A = "ministry-of-interior";
const emails = { editor: "editor@demo.hukoomi.example", approver: "approver@demo.hukoomi.example" };

async function as(who: keyof typeof emails): Promise<Client> {
  return signInWith(new Client(t.app), emails[who]);
}

const base = (kind: string, slug: string) => `/en/workspace/content/${A}/${kind}/${slug}`;

/** Submits the item as the editor and publishes it as the approver. */
async function submitAndPublish(editor: Client, approver: Client, kind: string, slug: string) {
  await editor.get(base(kind, slug));
  const submitted = await editor.post(`${base(kind, slug)}/submit`, { revision: revisionOf(editor.lastBody) });
  expect(submitted.statusCode, editor.lastBody.slice(0, 0)).toBe(303);
  await approver.get(base(kind, slug));
  const published = await approver.post(`${base(kind, slug)}/publish`, { revision: revisionOf(approver.lastBody) });
  expect(published.statusCode).toBe(303);
}

const pdf = Buffer.from("%PDF-1.4\n% workspace test form\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(t.db.database.db);
}, 300_000);
afterAll(() => t.close());

describe("workspace content kinds", { timeout: 120_000 }, () => {
  it("edits and publishes the agency profile; it can be neither created nor unpublished", async () => {
    const editor = await as("editor");
    const approver = await as("approver");
    await editor.get(base("agency", A));
    const form = formOf(editor.lastBody);
    expect(form["name-en"]).toBe("Ministry of Interior");
    const saved = await editor.post(base("agency", A), {
      ...form,
      "description-en": "Keeps the country safe, and issues IDs and permits.",
    });
    expect(saved.statusCode).toBe(303);
    await submitAndPublish(editor, approver, "agency", A);
    const page = await new Client(t.app).get(`/en/agencies/${A}`);
    expect(page.body).toContain("Keeps the country safe, and issues IDs and permits.");
    expect((await editor.get(`/en/workspace/content/${A}/agency/new`)).statusCode).toBe(404);
    await approver.get(base("agency", A));
    const unpublish = await approver.post(`${base("agency", A)}/unpublish`, {
      revision: revisionOf(approver.lastBody),
      reason: "No",
    });
    expect(unpublish.statusCode).toBe(404);
    expect((await new Client(t.app).get(`/en/agencies/${A}`)).statusCode).toBe(200);
  });

  it("creates, publishes and unpublishes a news item", async () => {
    const editor = await as("editor");
    const approver = await as("approver");
    await editor.get(`/en/workspace/content/${A}/news/new`);
    const fields = {
      "title-ar": "مواعيد جديدة لمراكز الخدمة",
      "title-en": "New opening hours at service centres",
      "summary-ar": "تفتح مراكز الخدمة أبوابها مساءً اعتبارًا من الشهر المقبل.",
      "summary-en": "Service centres open in the evening from next month.",
      "body-ar": "تستقبل المراكز المراجعين حتى الساعة التاسعة مساءً.",
      "body-en": "Centres welcome visitors until 9 in the evening.",
      publishedAt: "2026-11-20T10:00",
    };
    const taken = await editor.post(`/en/workspace/content/${A}/news/new`, { slug: "new", ...fields });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("Enter an address of lower-case English letters, digits and hyphens");
    const made = await editor.post(`/en/workspace/content/${A}/news/new`, { slug: "evening-hours", ...fields });
    expect(made.statusCode).toBe(303);
    const again = await editor.post(`/en/workspace/content/${A}/news/new`, { slug: "evening-hours", ...fields });
    expect(again.body).toContain("That address is already used");
    expect((await new Client(t.app).get("/en/news/evening-hours")).statusCode).toBe(404);
    await submitAndPublish(editor, approver, "news", "evening-hours");
    const published = await new Client(t.app).get("/en/news/evening-hours");
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain("Centres welcome visitors until 9 in the evening.");

    await approver.get(base("news", "evening-hours"));
    const gone = await approver.post(`${base("news", "evening-hours")}/unpublish`, {
      revision: revisionOf(approver.lastBody),
      reason: "Announced too early.",
    });
    expect(gone.statusCode).toBe(303);
    expect((await new Client(t.app).get("/en/news/evening-hours")).statusCode).toBe(404);
  });

  it("creates an event, refusing one that ends before it starts", async () => {
    const editor = await as("editor");
    const approver = await as("approver");
    await editor.get(`/en/workspace/content/${A}/event/new`);
    const fields = {
      slug: "open-day-2027",
      "title-ar": "اليوم المفتوح",
      "title-en": "Open day",
      "summary-ar": "تعرّف على خدمات الوزارة.",
      "summary-en": "Meet the ministry’s services.",
      "body-ar": "فعاليات للعائلات طوال اليوم.",
      "body-en": "Activities for families all day.",
      "place-ar": "مركز الخدمة الرئيسي",
      "place-en": "Main service centre",
      startsAt: "2027-02-10T16:00",
      endsAt: "2027-02-10T09:00",
    };
    expect((await editor.post(`/en/workspace/content/${A}/event/new`, fields)).statusCode).toBe(303);
    await editor.get(base("event", "open-day-2027"));
    const refused = await editor.post(`${base("event", "open-day-2027")}/submit`, { revision: revisionOf(editor.lastBody) });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("Ends (Doha time): check this answer");
    const fixed = await editor.post(base("event", "open-day-2027"), { ...formOf(editor.lastBody), endsAt: "2027-02-10T21:00" });
    expect(fixed.statusCode).toBe(303);
    await submitAndPublish(editor, approver, "event", "open-day-2027");
    const page = await new Client(t.app).get("/en/events/open-day-2027");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Main service centre");
  });

  it("edits a service’s related services, refusing an address that names no service", async () => {
    const editor = await as("editor");
    const approver = await as("approver");
    const slug = "apply-for-exit-permit";
    await editor.get(base("service", slug));
    const form = formOf(editor.lastBody);
    const saved = await editor.post(base("service", slug), { ...form, related: "no-such-service\ncomplain-about-a-bank" });
    expect(saved.statusCode).toBe(303);
    await editor.get(base("service", slug));
    const refused = await editor.post(`${base("service", slug)}/submit`, { revision: revisionOf(editor.lastBody) });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("Related services");
    const fixed = await editor.post(base("service", slug), { ...formOf(editor.lastBody), related: "complain-about-a-bank" });
    expect(fixed.statusCode).toBe(303);
    await submitAndPublish(editor, approver, "service", slug);
    const page = await new Client(t.app).get(`/en/services/${slug}`);
    expect(page.body).toContain('href="/en/services/complain-about-a-bank"');
  });

  it("uploads a downloadable form (PDF only) and publishes it on its service’s page", async () => {
    const editor = await as("editor");
    const approver = await as("approver");
    await editor.get(`/en/workspace/content/${A}/document/new`);
    const fields = {
      slug: "exit-permit-request-form",
      service: "apply-for-exit-permit",
      "title-ar": "نموذج طلب تصريح خروج",
      "title-en": "Exit permit request form",
    };
    const notPdf = await editor.postMultipart(`/en/workspace/content/${A}/document/new`, fields, [
      { field: "file", filename: "form.txt", type: "text/plain", data: Buffer.from("not a pdf") },
    ]);
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.body).toContain("The form (PDF): check this answer");
    const made = await editor.postMultipart(`/en/workspace/content/${A}/document/new`, fields, [
      { field: "file", filename: "exit-permit.pdf", type: "application/pdf", data: pdf },
    ]);
    expect(made.statusCode).toBe(303);
    const draftFile = await editor.get(`${base("document", "exit-permit-request-form")}/file`);
    expect(draftFile.statusCode).toBe(200);
    expect(draftFile.rawPayload.equals(pdf)).toBe(true);
    const preview = await editor.get(`${base("document", "exit-permit-request-form")}/preview`);
    expect(preview.body).toContain("Exit permit request form");

    await submitAndPublish(editor, approver, "document", "exit-permit-request-form");
    const page = await new Client(t.app).get("/en/services/apply-for-exit-permit");
    expect(page.body).toContain("Exit permit request form");
    const download = await new Client(t.app).get("/en/services/apply-for-exit-permit/documents/exit-permit-request-form");
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it("refuses a form for another agency’s service, and keeps none of the file it sent", async () => {
    const editor = await as("editor");
    await editor.get(`/en/workspace/content/${A}/document/new`);
    const put = vi.spyOn(t.storage, "put");
    const res = await editor.postMultipart(
      `/en/workspace/content/${A}/document/new`,
      { slug: "borrowed-form", service: "marriage-contract-registration", "title-ar": "نموذج", "title-en": "Form" },
      [{ field: "file", filename: "f.pdf", type: "application/pdf", data: pdf }],
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Service the form belongs to: check this answer");
    // The form does not offer the removed file as the draft's own.
    expect(res.body).not.toContain("f.pdf");
    const written = put.mock.calls.map(([key]) => key);
    put.mockRestore();
    expect(written).toHaveLength(1);
    expect(await t.storage.get(written[0] as string)).toBeUndefined();
  });
});
