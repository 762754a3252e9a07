import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail, grantRole, revokeRole } from "../../src/accounts/repository.js";
import { verifyAuditChain } from "../../src/audit/log.js";
import { auditLog } from "../../src/audit/tables.js";
import { services } from "../../src/catalogue/tables.js";
import { notifications, outboxMessages } from "../../src/notifications/tables.js";
import { contentVersions } from "../../src/platform/db/versions.js";
import { dohaDate as dohaDay } from "../../src/platform/time/doha.js";
import { workspaceItems } from "../../src/workspace/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";
import { formOf, revisionOf } from "./workspace-support.js";

let t: TestApp;
const db = () => t.db.database.db;
const A = "ministry-of-interior";
const emails = { editor: "editor@demo.hukoomi.example", approver: "approver@demo.hukoomi.example" };

async function as(who: keyof typeof emails): Promise<Client> {
  return signInWith(new Client(t.app), emails[who]);
}

const page = (slug: string, lang = "/en") => `${lang}/workspace/content/${A}/service/${slug}`;

/** Opens a service in the workspace, changes some fields, saves; returns the saving response. */
async function edit(client: Client, slug: string, change: Record<string, string | string[]>) {
  await client.get(page(slug));
  return client.post(page(slug), { ...formOf(client.lastBody), ...change });
}

async function step(client: Client, slug: string, what: string, fields: Record<string, string> = {}) {
  await client.get(page(slug));
  return client.post(`${page(slug)}/${what}`, { revision: revisionOf(client.lastBody), ...fields });
}

async function item(slug: string) {
  const [row] = await db()
    .select()
    .from(workspaceItems)
    .where(and(eq(workspaceItems.kind, "service"), eq(workspaceItems.slug, slug)));
  return row;
}

/** A field of a stored object (an audit entry's before or after, a draft), for checking. */
function field(object: unknown, name: string): unknown {
  return object && typeof object === "object" ? (object as Record<string, unknown>)[name] : undefined;
}

async function catalogueVersion(): Promise<number> {
  const [row] = await db().select().from(contentVersions).where(eq(contentVersions.name, "catalogue"));
  return row?.version ?? 0;
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 300_000);
afterAll(() => t.close());

describe("workspace workflow", { timeout: 120_000 }, () => {
  it("edit, submit, publish: the public page shows it, reviewed today, every instance told, every step audited", async () => {
    const slug = "renew-residence-permit";
    const editor = await as("editor");
    const approver = await as("approver");
    const saved = await edit(editor, slug, { "title-en": "Renew your residence permit (QID)" });
    expect(saved.statusCode).toBe(303);
    expect((await editor.follow(saved)).body).toContain("The draft was saved.");
    // Not public yet.
    expect((await new Client(t.app).get(`/en/services/${slug}`)).body).not.toContain("Renew your residence permit (QID)");

    expect((await step(editor, slug, "submit")).statusCode).toBe(303);
    expect((await item(slug))?.state).toBe("submitted");
    // An editor cannot publish.
    expect((await step(editor, slug, "publish")).statusCode).toBe(403);

    const before = await catalogueVersion();
    const published = await step(approver, slug, "publish");
    expect(published.statusCode).toBe(303);
    expect((await approver.follow(published)).body).toContain("Published.");
    expect(await catalogueVersion()).toBe(before + 1);

    const publicPage = await new Client(t.app).get(`/en/services/${slug}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain("Renew your residence permit (QID)");
    const [row] = await db().select().from(services).where(eq(services.slug, slug));
    expect(row?.lastReviewed).toBe(dohaDay(new Date()));

    const entries = await db().select().from(auditLog).where(eq(auditLog.objectId, slug));
    expect(entries.map((e) => e.action)).toEqual(["content.created", "content.submitted", "content.published"]);
    const publishedEntry = entries[2];
    expect(field(publishedEntry?.before, "state")).toBe("submitted");
    expect(field(publishedEntry?.after, "state")).toBe("published");
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("four eyes: whoever last changed a draft cannot approve it, told why (and what to do when they are the only approver)", async () => {
    const slug = "apply-for-exit-permit";
    const approver = await as("approver");
    expect((await edit(approver, slug, { "title-en": "Apply for an exit permit (four eyes)" })).statusCode).toBe(303);
    expect((await step(approver, slug, "submit")).statusCode).toBe(303);
    const alone = await step(approver, slug, "publish");
    expect(alone.statusCode).toBe(409);
    expect(alone.body).toContain("Someone else must approve this draft");
    expect(alone.body).toContain("you are this agency’s only approver");
    // Scheduling it is approving it too.
    const later = await step(approver, slug, "publish", { publishDate: "2099-01-01", publishTime: "08:00" });
    expect(later.statusCode).toBe(409);
    expect((await item(slug))?.state).toBe("submitted");
    const arabic = await approver.post(`/workspace/content/${A}/service/${slug}/publish`, {
      revision: revisionOf(approver.lastBody),
    });
    expect(arabic.body).toContain("يجب أن يعتمد هذه المسودة شخص آخر");
    // An administrator may allow the agency a documented exception, audited with its reason; withdrawn, it stops.
    const admin = new Client(t.app);
    await admin.get("/en/sign-in");
    await admin.post("/en/sign-in", { identifier: "admin@demo.hukoomi.example", password: DEMO_PASSWORD });
    await admin.get(`/en/admin/agencies/${A}`);
    const short = await admin.post(`/en/admin/agencies/${A}/single-approver`, { action: "allow", reason: "small" });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("Write why this agency works with one approver");
    const reason = "One approver during the pilot; a second is being recruited.";
    await admin.post(`/en/admin/agencies/${A}/single-approver`, { action: "allow", reason });
    expect((await admin.get(`/en/admin/agencies/${A}`)).body).toContain(reason);
    const exceptions = await db().select().from(auditLog).where(eq(auditLog.action, "four-eyes.exception-allowed"));
    expect(field(exceptions[0]?.after, "reason")).toBe(reason);
    // With it, the agency's one approver publishes their own change.
    const own = "report-lost-id-card";
    expect((await edit(approver, own, { "title-en": "Report a lost ID card (one approver)" })).statusCode).toBe(303);
    expect((await step(approver, own, "submit")).statusCode).toBe(303);
    expect((await step(approver, own, "publish")).statusCode).toBe(303);
    expect((await item(own))?.state).toBe("published");
    await admin.post(`/en/admin/agencies/${A}/single-approver`, { action: "withdraw" });
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "four-eyes.exception-withdrawn"))).length).toBe(1);
    expect((await step(approver, slug, "publish")).statusCode).toBe(409);
    // With a second approver named, the first is told to leave it to them; the second publishes it.
    const officer = await findUserByEmail(db(), "officer@demo.hukoomi.example");
    await grantRole(db(), officer?.id ?? "", { role: "approver", agency: A });
    const other = await step(approver, slug, "publish");
    expect(other.statusCode).toBe(409);
    expect(other.body).toContain("another approver must publish it");
    const second = new Client(t.app);
    await second.get("/en/sign-in");
    await second.post("/en/sign-in", { identifier: "officer@demo.hukoomi.example", password: DEMO_PASSWORD });
    expect((await step(second, slug, "publish")).statusCode).toBe(303);
    expect((await item(slug))?.state).toBe("published");
    await revokeRole(db(), officer?.id ?? "", { role: "approver", agency: A });
  });

  it("refuses a stale save with a message, and loses nothing", async () => {
    const slug = "apply-for-exit-permit";
    const editor = await as("editor");
    const approver = await as("approver");
    await editor.get(page(slug));
    await approver.get(page(slug));
    const editorsForm = formOf(editor.lastBody);
    const approversForm = formOf(approver.lastBody);
    expect(approversForm.revision).toBe(editorsForm.revision);

    const first = await editor.post(page(slug), { ...editorsForm, "summary-en": "First person’s summary." });
    expect(first.statusCode).toBe(303);
    const second = await approver.post(page(slug), { ...approversForm, "summary-en": "Second person’s careful summary." });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Someone else saved this draft while you were editing");
    expect(second.body).toContain("Second person’s careful summary.");
    expect(field((await item(slug))?.draft.summary, "en")).toBe("First person’s summary.");

    // Saving again from the refusal page is a deliberate overwrite, based on the latest revision.
    const again = await approver.post(page(slug), formOf(second.body));
    expect(again.statusCode).toBe(303);
    expect(field((await item(slug))?.draft.summary, "en")).toBe("Second person’s careful summary.");
  });

  it("refuses to submit or publish with a missing translation, naming what is missing in the person’s language", async () => {
    const slug = "apply-for-visitor-visa";
    const editor = await as("editor");
    const approver = await as("approver");
    expect((await edit(editor, slug, { "title-en": "", "fees-ar": "" })).statusCode).toBe(303);

    const refused = await step(editor, slug, "submit");
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("This cannot be published yet");
    expect(refused.body).toContain("Title: missing in English");
    expect(refused.body).toContain("Fees: missing in Arabic");
    expect((await item(slug))?.state).toBe("draft");

    await editor.get(page(slug, ""));
    const arabic = await editor.post(`${page(slug, "")}/submit`, { revision: revisionOf(editor.lastBody) });
    expect(arabic.statusCode).toBe(409);
    expect(arabic.body).toContain("العنوان: غير موجود بالإنجليزية");

    // Publishing checks again, whatever the state says.
    await db().update(workspaceItems).set({ state: "submitted" }).where(eq(workspaceItems.slug, slug));
    const publish = await step(approver, slug, "publish");
    expect(publish.statusCode).toBe(409);
    expect(publish.body).toContain("Title: missing in English");
    expect((await new Client(t.app).get(`/en/services/${slug}`)).body).not.toContain("Title: missing");
  });

  it("returns a draft with comments the editor sees", async () => {
    const slug = "report-lost-id-card";
    const editor = await as("editor");
    const approver = await as("approver");
    expect((await edit(editor, slug, { "summary-en": "Tell us your ID card is lost." })).statusCode).toBe(303);
    expect((await step(editor, slug, "submit")).statusCode).toBe(303);
    expect((await step(approver, slug, "return", { comment: "Say where to report it." })).statusCode).toBe(303);
    const seen = await editor.get(page(slug));
    expect(seen.body).toContain("Returned with comments");
    expect(seen.body).toContain("Say where to report it.");
    expect((await item(slug))?.state).toBe("returned");
  });

  it("tells the agency’s approvers of a draft to review, and the editor of its return and its publishing, once each, by email", async () => {
    // The agency's own profile: the other tests here work on its services.
    const profile = `/en/workspace/content/${A}/agency/${A}`;
    const editor = await as("editor");
    const approver = await as("approver");
    const people = {
      editor: await findUserByEmail(db(), emails.editor),
      approver: await findUserByEmail(db(), emails.approver),
    };
    const told = async (who: keyof typeof people) =>
      (
        await db()
          .select()
          .from(notifications)
          .where(eq(notifications.userId, people[who]?.id ?? ""))
      ).filter((n) => n.link?.endsWith(`/agency/${A}`));
    const emailsOf = async (who: keyof typeof emails) =>
      (await db().select().from(outboxMessages).where(eq(outboxMessages.recipient, emails[who]))).filter((m) =>
        m.body.includes(`/agency/${A}`),
      );
    const profileStep = async (client: Client, what: string, fields: Record<string, string> = {}) => {
      await client.get(profile);
      return client.post(`${profile}/${what}`, { revision: revisionOf(client.lastBody), ...fields });
    };

    await editor.get(profile);
    const saved = await editor.post(profile, {
      ...formOf(editor.lastBody),
      "openingHours-en": "Sunday to Thursday, 7:00 to 14:00",
    });
    expect(saved.statusCode).toBe(303);
    expect((await profileStep(editor, "submit")).statusCode).toBe(303);
    expect((await told("approver")).map((n) => n.event)).toEqual(["content-submitted"]);
    const [toApprover] = await emailsOf("approver");
    expect(toApprover?.channel).toBe("email");
    expect(toApprover?.body).toContain(`/workspace/content/${A}/agency/${A}`);
    expect(await told("editor")).toEqual([]);

    expect((await profileStep(approver, "return", { comment: "Add the Friday hours." })).statusCode).toBe(303);
    expect((await told("editor")).map((n) => n.event)).toEqual(["content-returned"]);
    expect((await emailsOf("editor")).some((m) => m.body.includes("Add the Friday hours."))).toBe(true);

    expect((await profileStep(editor, "submit")).statusCode).toBe(303);
    expect((await profileStep(approver, "publish")).statusCode).toBe(303);
    expect((await told("editor")).map((n) => n.event).sort()).toEqual(["content-published", "content-returned"]);
    // Told once per submission, and never of their own step.
    expect((await told("approver")).map((n) => n.event)).toEqual(["content-submitted", "content-submitted"]);
  });

  it("publishes at the scheduled Doha time when the job runs, once", async () => {
    const slug = "report-lost-id-card";
    const editor = await as("editor");
    const approver = await as("approver");
    expect((await edit(editor, slug, { "title-en": "Report a lost ID card (scheduled)" })).statusCode).toBe(303);
    expect((await step(editor, slug, "submit")).statusCode).toBe(303);
    const tomorrow = dohaDay(new Date(Date.now() + 86_400_000));
    const scheduled = await step(approver, slug, "publish", { publishDate: tomorrow, publishTime: "08:00" });
    expect(scheduled.statusCode).toBe(303);
    expect(String(scheduled.headers.location)).toContain("done=scheduled");
    expect((await item(slug))?.publishAt?.toISOString()).toBe(new Date(`${tomorrow}T05:00:00Z`).toISOString());

    expect(await t.app.workspaceJobs.runOnce(new Date())).toBe(0);
    expect((await new Client(t.app).get(`/en/services/${slug}`)).body).not.toContain("(scheduled)");
    const later = new Date(`${tomorrow}T05:01:00Z`);
    const [first, second] = await Promise.all([t.app.workspaceJobs.runOnce(later), t.app.workspaceJobs.runOnce(later)]);
    expect(first + second).toBe(1);
    expect(await t.app.workspaceJobs.runOnce(later)).toBe(0);
    expect((await item(slug))?.state).toBe("published");
    expect((await new Client(t.app).get(`/en/services/${slug}`)).body).toContain("Report a lost ID card (scheduled)");
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, "content.published.scheduled"));
    expect(entries).toHaveLength(1);
  });

  it("refuses a time in the past for scheduling", async () => {
    const slug = "apply-for-exit-permit";
    const editor = await as("editor");
    const approver = await as("approver");
    expect((await step(editor, slug, "submit")).statusCode).toBe(303);
    const res = await step(approver, slug, "publish", { publishDate: "2020-01-01", publishTime: "08:00" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("The publishing time must be in the future");
  });

  it("unpublishes with a reason: the public page is gone, the reason kept", async () => {
    const slug = "renew-residence-permit";
    const editor = await as("editor");
    const approver = await as("approver");
    expect((await step(approver, slug, "unpublish", { reason: "" })).statusCode).toBe(400);
    expect((await step(editor, slug, "unpublish", { reason: "Replaced" })).statusCode).toBe(403);
    // The item page's form asks again first: nothing is taken off until the approver confirms.
    expect((await approver.get(page(slug))).body).toContain(`action="${page(slug)}/unpublish/confirm"`);
    const confirm = await step(approver, slug, "unpublish/confirm", { reason: "Replaced by the new online service." });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Take this page off Hukoomi?");
    expect(confirm.body).toContain(`action="${page(slug)}/unpublish"`);
    expect(confirm.body).toContain('name="reason" value="Replaced by the new online service."');
    expect((await new Client(t.app).get(`/en/services/${slug}`)).statusCode).toBe(200);
    expect((await step(approver, slug, "unpublish/confirm", { reason: "" })).statusCode).toBe(400);
    expect((await step(editor, slug, "unpublish/confirm", { reason: "Replaced" })).statusCode).toBe(403);
    const res = await step(approver, slug, "unpublish", { reason: "Replaced by the new online service." });
    expect(res.statusCode).toBe(303);
    expect((await new Client(t.app).get(`/en/services/${slug}`)).statusCode).toBe(404);
    const seen = await editor.get(page(slug));
    expect(seen.body).toContain("Replaced by the new online service.");
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "content.unpublished"));
    expect(field(entry?.after, "unpublishReason")).toBe("Replaced by the new online service.");
    expect(field(entry?.before, "live")).toBe(true);
  });

  it("keeps every published version, shows a word-level diff, and restores an earlier one as a new draft", async () => {
    const slug = "renew-residence-permit";
    const editor = await as("editor");
    const versions = await editor.get(`${page(slug)}/versions`);
    expect(versions.statusCode).toBe(200);
    expect(versions.body).toContain("Version 2");
    expect(versions.body).toContain("Version 1");
    const diff = await editor.get(`${page(slug)}/versions?from=1&to=2`);
    expect(diff.body).toMatch(/<del><span class="visually-hidden">removed: <\/span>[^<]*a[^<]*<span/);
    expect(diff.body).toMatch(/<ins><span class="visually-hidden">added: <\/span>[^<]*your[^<]*<span/);
    expect(diff.body).toContain("Title (English)");
    expect(diff.body).not.toContain("Title (Arabic)");

    const restored = await editor.post(`${page(slug)}/restore`, { revision: revisionOf(versions.body), version: "1" });
    expect(restored.statusCode).toBe(303);
    const now = await item(slug);
    expect(now?.state).toBe("draft");
    expect(field(now?.draft.title, "en")).toBe("Renew a residence permit");
    const same = await editor.get(`${page(slug)}/versions?from=1&to=draft`);
    expect(same.body).toContain("There are no differences.");
  });

  it("previews the draft with the real public page, marked, not indexed, not stored", async () => {
    const slug = "apply-for-exit-permit";
    const editor = await as("editor");
    const res = await editor.get(`${page(slug)}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["x-robots-tag"]).toContain("noindex");
    expect(res.body).toContain("Preview of a draft");
    expect(res.body).toContain("Second person’s careful summary.");
    expect(res.body).toContain('class="service"');
    const arabic = await editor.get(`${page(slug, "")}/preview`);
    expect(arabic.body).toContain("معاينة مسودة");
  });
});
