import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail, grantRole } from "../../src/accounts/repository.js";
import { services } from "../../src/catalogue/tables.js";
import { pageFeedback } from "../../src/feedback/tables.js";
import { notifications, outboxMessages } from "../../src/notifications/tables.js";
import { loadConfig } from "../../src/platform/config.js";
import { addDays, dohaDate as isoDay } from "../../src/platform/time/doha.js";
import { searchQueries } from "../../src/search/tables.js";
import { daysUntil } from "../../src/workspace/insights/freshness.js";
import { servicesDueForReview } from "../../src/workspace/insights/repository.js";
import { contentReviewReminders } from "../../src/workspace/insights/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const today = isoDay(new Date());
const A = "ministry-of-interior";
const B = "ministry-of-labour";

/** Sets a service's last review so that its review date (12 months on) is `days` from today (negative: overdue). */
async function dueIn(slug: string, days: number) {
  await db()
    .update(services)
    .set({ lastReviewed: sql`(${addDays(today, days)}::date - make_interval(months => 12))::date` })
    .where(eq(services.slug, slug));
}

async function userId(email: string): Promise<string> {
  const user = await findUserByEmail(db(), email);
  if (!user) throw new Error(`no ${email}`);
  return user.id;
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
  // The visitor becomes an editor of agency B (the demo editor is agency A's).
  await grantRole(db(), await userId(demoEmails.visitor), { role: "editor", agency: B });
  // Every service freshly reviewed, then a few of A's and one of B's due or overdue.
  await db().update(services).set({ lastReviewed: today });
  await dueIn("renew-residence-permit", -20);
  await dueIn("apply-for-visitor-visa", -5);
  await dueIn("apply-for-exit-permit", 10);
  await dueIn("labour-complaint", -3);
});
afterAll(() => t.close());

describe("workspace insights: who may see them", () => {
  it("sends signed-out visitors to sign in, in their language", async () => {
    for (const [url, signIn] of [
      ["/workspace/freshness", "/sign-in"],
      ["/en/workspace/freshness", "/en/sign-in"],
      ["/workspace/feedback", "/sign-in"],
      ["/en/workspace/feedback", "/en/sign-in"],
    ] as const) {
      const res = await new Client(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(String(res.headers.location)).toBe(`${signIn}?returnTo=${encodeURIComponent(url)}`);
    }
  });

  it("refuses members of the public", async () => {
    const citizen = await signedInAs(t.app, "citizen");
    for (const url of ["/workspace/freshness", "/en/workspace/freshness", "/workspace/feedback", "/en/workspace/feedback"]) {
      expect((await citizen.get(url)).statusCode, url).toBe(403);
    }
  });

  it("keeps each agency's staff to their own agency", async () => {
    const editorA = await signedInAs(t.app, "editor");
    const editorB = await signedInAs(t.app, "visitor");
    for (const url of ["/en/workspace/freshness", "/en/workspace/feedback"]) {
      expect((await editorA.get(`${url}?agency=${B}`)).statusCode, url).toBe(404);
      expect((await editorB.get(`${url}?agency=${A}`)).statusCode, url).toBe(404);
      expect((await editorA.get(`${url}?agency=no-such-agency`)).statusCode, url).toBe(404);
      const own = await editorB.get(url);
      expect(own.statusCode, url).toBe(200);
      expect(own.body).toContain("Ministry of Labour");
      expect(own.body).not.toContain('name="agency"');
    }
    expect((await editorB.get("/en/workspace/freshness")).body).not.toContain("renew-residence-permit");
  });

  it("lets officers read their agencies' feedback, with a choice of agency, but not the review list", async () => {
    const officer = await signedInAs(t.app, "officer");
    expect((await officer.get("/en/workspace/freshness")).statusCode).toBe(403);
    const res = await officer.get(`/en/workspace/feedback?agency=${B}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="agency"');
    expect(res.body).toContain(`value="${A}"`);
    expect(res.body).toMatch(new RegExp(`value="${B}"\\s+selected`));
    expect((await officer.get("/en/workspace/feedback?agency=ministry-of-public-health")).statusCode).toBe(404);
  });

  it("lets administrators look at any agency", async () => {
    const admin = await signedInAs(t.app, "admin");
    expect((await admin.get(`/en/workspace/freshness?agency=${B}`)).statusCode).toBe(200);
    expect((await admin.get(`/workspace/feedback?agency=${A}`)).statusCode).toBe(200);
  });
});

describe("freshness", () => {
  it("lists the agency's services past their review date and due within 30 days, most overdue first", async () => {
    const editor = await signedInAs(t.app, "editor");
    const res = await editor.get("/en/workspace/freshness");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("no-store");
    const body = res.body;
    const order = ["renew-residence-permit", "apply-for-visitor-visa", "apply-for-exit-permit"].map((s) =>
      body.indexOf(`href="/en/services/${s}"`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain("Overdue by 20 days");
    expect(body).toContain("Overdue by 5 days");
    expect(body).toContain("Due in 10 days");
    expect(body).toContain('href="/en/workspace/content/services/renew-residence-permit"');
    expect(body).toContain(`datetime="${addDays(today, -20)}"`);
    // Freshly reviewed services and other agencies' services are not listed.
    expect(body).not.toContain("report-lost-id-card");
    expect(body).not.toContain("labour-complaint");
    const arabic = await editor.get("/workspace/freshness");
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('href="/services/renew-residence-permit"');
    expect(arabic.body).toContain("متأخرة");
  });

  it("moves the review date with CONTENT_REVIEW_MONTHS", async () => {
    expect(loadConfig({}).CONTENT_REVIEW_MONTHS).toBe(12);
    expect(loadConfig({ CONTENT_REVIEW_MONTHS: "6" }).CONTENT_REVIEW_MONTHS).toBe(6);
    expect(() => loadConfig({ CONTENT_REVIEW_MONTHS: "0" })).toThrow();
    const editor = await signedInAs(t.app, "editor");
    expect((await editor.get("/en/workspace/freshness")).body).toContain("12 months after it was last reviewed");
    // Reviewed 7 months ago: not due on a 12-month interval, overdue by about a month on a 6-month one.
    await db()
      .update(services)
      .set({ lastReviewed: sql`(${today}::date - make_interval(months => 7))::date` })
      .where(eq(services.slug, "report-lost-id-card"));
    const until = addDays(today, 30);
    const twelve = await servicesDueForReview(db(), { agency: A, months: 12, until });
    const six = await servicesDueForReview(db(), { agency: A, months: 6, until });
    expect(twelve.map((s) => s.slug)).not.toContain("report-lost-id-card");
    expect(six.map((s) => s.slug)).toContain("report-lost-id-card");
    const overdue = daysUntil(six.find((s) => s.slug === "report-lost-id-card")?.dueOn ?? today, today);
    expect(overdue).toBeLessThanOrEqual(-28);
    expect(overdue).toBeGreaterThanOrEqual(-31);
    await db().update(services).set({ lastReviewed: today }).where(eq(services.slug, "report-lost-id-card"));
  });

  it("shows “last reviewed on” on the public page in both languages", async () => {
    expect((await t.app.inject("/en/services/apply-for-exit-permit")).body).toContain("Last reviewed on");
    expect((await t.app.inject("/services/apply-for-exit-permit")).body).toContain("تاريخ آخر مراجعة");
  });
});

describe("review reminders", () => {
  const remindersTo = async (email: string) =>
    db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, await userId(email)), eq(notifications.event, "content-review-due")));

  it("emails each agency's editors once, listing its overdue services, however often the job runs", async () => {
    const first = await t.app.reviewReminderJobs.runOnce();
    expect(first).toEqual({ agencies: 2, services: 3 });
    const second = await t.app.reviewReminderJobs.runOnce();
    expect(second).toEqual({ agencies: 0, services: 0 });

    const toA = await remindersTo(demoEmails.editor);
    expect(toA).toHaveLength(1);
    expect(toA[0]?.link).toBe(`/workspace/freshness?agency=${A}`);
    const emails = await db()
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.notificationId, toA[0]?.id ?? ""));
    const email = emails.find((m) => m.channel === "email");
    // The demo editor reads Arabic: one email naming both overdue services, not the one merely due soon.
    expect(email?.recipient).toBe(demoEmails.editor);
    expect(email?.subject).toContain("وزارة الداخلية");
    expect(email?.body).toContain("تجديد الإقامة");
    expect(email?.body).toContain("طلب تأشيرة زيارة");
    expect(email?.body).not.toContain("طلب تصريح خروج");
    expect(email?.body).toContain(`/workspace/freshness?agency=${A}`);

    const toB = await remindersTo(demoEmails.visitor);
    expect(toB).toHaveLength(1);
    const [emailB] = await db()
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.notificationId, toB[0]?.id ?? ""), eq(outboxMessages.channel, "email")));
    expect(emailB?.locale).toBe("en");
    expect(emailB?.subject).toBe("Services past their review date: Ministry of Labour");
    // Staff who are not editors of the agency are not told.
    expect(await remindersTo(demoEmails.officer)).toHaveLength(0);
    expect(await remindersTo(demoEmails.admin)).toHaveLength(0);
  });

  it("tells about a newly overdue service once, even when two instances run at the same moment", async () => {
    await dueIn("report-lost-id-card", -1);
    const runs = await Promise.all([t.app.reviewReminderJobs.runOnce(), t.app.reviewReminderJobs.runOnce()]);
    expect(runs.reduce((n, r) => n + r.services, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.agencies, 0)).toBe(1);
    const toA = await remindersTo(demoEmails.editor);
    expect(toA).toHaveLength(2);
    const rows = await db().select().from(contentReviewReminders).where(eq(contentReviewReminders.agency, A));
    expect(rows.map((r) => r.dueOn).sort()).toEqual([addDays(today, -20), addDays(today, -5), addDays(today, -1)]);
  });

  it("reminds again once a reviewed service falls due on its next review date", async () => {
    // Reviewed (a new last-reviewed date), then overdue again: a new review date, a new reminder.
    await dueIn("labour-complaint", -2);
    expect(await t.app.reviewReminderJobs.runOnce()).toEqual({ agencies: 1, services: 1 });
    expect(await remindersTo(demoEmails.visitor)).toHaveLength(2);
  });

  it("sends the emails through the outbox", async () => {
    await t.app.outbox.runOnce();
    const pending = await db()
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, demoEmails.editor), eq(outboxMessages.status, "pending")));
    expect(pending).toHaveLength(0);
  });
});

describe("feedback loop", () => {
  beforeAll(async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const answer = (path: string, helpful: boolean, comment: string | null, minutesAgo: number, locale = "en") => ({
      id: randomUUID(),
      path,
      locale,
      helpful,
      comment,
      createdAt: at(minutesAgo),
      commentedAt: comment ? at(minutesAgo) : null,
    });
    await db()
      .insert(pageFeedback)
      .values([
        answer("/services/renew-residence-permit", true, null, 50),
        answer("/services/renew-residence-permit", true, null, 49),
        answer("/services/renew-residence-permit", false, "The list of documents is unclear.", 30),
        answer(`/agencies/${A}/`, false, "لم أجد ساعات العمل", 20, "ar"),
        answer("/services/labour-complaint", false, "Agency B only: the form link is broken.", 10),
        answer("/about/history", false, "Not an agency page.", 5),
        // Older comments, to fill a second page.
        ...Array.from({ length: 22 }, (_, i) => answer("/services/apply-for-exit-permit", true, `Older note ${i}`, 1000 + i)),
      ]);
    await db()
      .insert(searchQueries)
      .values([
        { day: today, locale: "en", query: "tourist fine", searches: 4, zeroResults: 4 },
        { day: today, locale: "ar", query: "شكوى عمالية فورية", searches: 2, zeroResults: 2 },
        { day: today, locale: "en", query: "ministry opening hours", searches: 7, zeroResults: 7 },
        { day: today, locale: "en", query: "tourist guide", searches: 9, zeroResults: 0 },
        { day: addDays(today, -200), locale: "en", query: "tourist old", searches: 5, zeroResults: 5 },
      ]);
  });

  it("shows agency A's answers and comments, newest first, and none of agency B's", async () => {
    const editor = await signedInAs(t.app, "editor");
    const res = await editor.get("/en/workspace/feedback");
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain("The list of documents is unclear.");
    expect(body).toContain("لم أجد ساعات العمل");
    expect(body).toContain('lang="ar"');
    expect(body.indexOf("لم أجد ساعات العمل")).toBeLessThan(body.indexOf("The list of documents is unclear."));
    expect(body).not.toContain("Agency B only");
    expect(body).not.toContain("Not an agency page.");
    // Renew a residence permit: 2 yes, 1 no (67%); the agency page: 1 no (its address with a trailing slash counts).
    expect(body).toMatch(
      /Renew a residence permit<\/a><\/th><td[^>]*><bdi>2<\/bdi><\/td><td[^>]*><bdi>1<\/bdi><\/td><td[^>]*><bdi>67%<\/bdi>/,
    );
    expect(body).toMatch(/Ministry of Interior<\/a><\/th><td[^>]*><bdi>0<\/bdi><\/td><td[^>]*><bdi>1<\/bdi>/);
    expect(body).toContain("24 comments, newest first.");
    expect(body).toContain("Older note 0");
    expect(body).not.toContain("Older note 21");
    const second = await editor.get(`/en/workspace/feedback?agency=${A}&page=2`);
    expect(second.body).toContain("Older note 21");
    expect(second.body).not.toContain("The list of documents is unclear.");

    const b = await (await signedInAs(t.app, "visitor")).get("/en/workspace/feedback");
    expect(b.body).toContain("Agency B only");
    expect(b.body).not.toContain("The list of documents is unclear.");
  });

  it("attributes searches that found nothing by the agency's own words", async () => {
    const a = (await (await signedInAs(t.app, "editor")).get("/en/workspace/feedback")).body;
    expect(a).toContain("tourist fine");
    expect(a).not.toContain("شكوى عمالية فورية");
    // "tourist" is a word of A's services (and of one other agency's); "عمالية" of B's alone;
    // "ministry" belongs to too many agencies to count. Searches with results and old searches are left out.
    expect(a).not.toContain("ministry opening hours");
    expect(a).not.toContain("tourist guide");
    expect(a).not.toContain("tourist old");
    const b = (await (await signedInAs(t.app, "visitor")).get("/en/workspace/feedback")).body;
    expect(b).toContain("شكوى عمالية فورية");
    expect(b).not.toContain("tourist fine");
  });
});
