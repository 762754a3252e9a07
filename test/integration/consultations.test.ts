// Over 400 lines on purpose: a consultation's whole life (public page, comments, reports and moderation, closing and the response, staff pages) runs on one demo portal, built once for the file.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail, grantRole } from "../../src/accounts/repository.js";
import { REPORTS_TO_HOLD } from "../../src/participation/consultations/repository.js";
import { consultationComments, consultations } from "../../src/participation/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;

const emails = {
  citizen: "citizen@demo.hukoomi.example",
  resident: "resident@demo.hukoomi.example",
  visitor: "visitor@demo.hukoomi.example",
  officer: "officer@demo.hukoomi.example",
  admin: "admin@demo.hukoomi.example",
  /** Editor of the Ministry of Interior. */
  editor: "editor@demo.hukoomi.example",
  /** Made editor of the Ministry of Municipality below (it runs the demo's open consultation). */
  approver: "approver@demo.hukoomi.example",
};
type Who = keyof typeof emails;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
  const approver = await findUserByEmail(db(), emails.approver);
  if (!approver) throw new Error("no demo approver");
  await grantRole(db(), approver.id, { role: "editor", agency: "ministry-of-municipality" });
});
afterAll(() => t.close());

async function as(who: Who | "anonymous"): Promise<Client> {
  const client = new Client(t.app);
  if (who === "anonymous") return client;
  return signInWith(client, emails[who]);
}

/** Day, month and year in Doha, `days` from today. */
function dohaDay(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Qatar" }).format(d).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? "" };
}

/** A complete staff form: open since yesterday until next year, with two sections. */
function formFields(overrides: Record<string, string> = {}): Record<string, string> {
  const opens = dohaDay(-1);
  const closes = dohaDay(365);
  return {
    agency: "ministry-of-interior",
    titleAr: "مسودة قواعد مواقف السيارات قرب المدارس",
    titleEn: "Draft rules on parking near schools",
    summaryAr: "قواعد مقترحة لمواقف السيارات عند بوابات المدارس.",
    summaryEn: "Proposed rules for parking at school gates.",
    "opens-day": opens.day,
    "opens-month": opens.month,
    "opens-year": opens.year,
    "opens-time": "08:00",
    "closes-day": closes.day,
    "closes-month": closes.month,
    "closes-year": closes.year,
    "closes-time": "23:59",
    "s1-headingAr": "التوقف للإنزال",
    "s1-headingEn": "Stopping to drop off",
    "s1-bodyAr": "يُسمح بالتوقف دقيقتين عند البوابة.",
    "s1-bodyEn": "Drivers may stop for two minutes at the gate.\n\nThey must stay with the car.",
    "s2-headingAr": "مواقف الحافلات",
    "s2-headingEn": "Bus bays",
    "s2-bodyAr": "تُخصص مواقف الحافلات للحافلات المدرسية وحدها.",
    "s2-bodyEn": "Bus bays are for school buses only.",
    ...overrides,
  };
}

/** Creates and publishes a consultation as the Interior editor; returns its slug. */
async function publishedConsultation(overrides: Record<string, string> = {}): Promise<string> {
  const editor = await as("editor");
  await editor.get("/en/workspace/participation/consultations/new");
  const res = await editor.post("/en/workspace/participation/consultations/new", { ...formFields(overrides), action: "publish" });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  const location = String(res.headers.location);
  expect(location).toMatch(/^\/en\/workspace\/participation\/consultations\/[a-z0-9-]+\?done=published$/);
  return location.split("/").pop()?.split("?")[0] ?? "";
}

/** The page's main content. */
const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));

async function consultationId(slug: string): Promise<string> {
  const [row] = await db().select().from(consultations).where(eq(consultations.slug, slug));
  if (!row) throw new Error(`no consultation ${slug}`);
  return row.id;
}

const commentsOf = async (slug: string) =>
  db()
    .select()
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, await consultationId(slug)));

/** The id of the hidden `section` field of section n on the page. */
function sectionId(html: string, n: number): string {
  const ids = [...html.matchAll(/name="section" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
  const id = ids[n - 1];
  if (!id) throw new Error(`no comment form for section ${n}`);
  return id;
}

async function comment(client: Client, slug: string, section: number, text: string) {
  const page = await client.get(`/en/participate/consultations/${slug}`);
  return client.post(`/en/participate/consultations/${slug}/comments`, { section: sectionId(page.body, section), comment: text });
}

async function report(client: Client, slug: string, commentId: string) {
  await client.get(`/en/participate/consultations/${slug}`);
  return client.post(`/en/participate/consultations/${slug}/comments/${commentId}/report`, {});
}

describe("consultations: the public page", () => {
  it("shows the demo's open consultation by section, with a table of contents; the held comment is not in the page", async () => {
    const res = await t.app.inject({ url: "/en/participate/consultations/shared-e-scooters-draft-regulation" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Draft regulation on shared e-scooters in public spaces");
    expect(res.body).toContain('href="#section-3"');
    expect(res.body).toContain('id="section-3"');
    expect(res.body).toContain("Please make sure parking bays are not placed on narrow pavements.");
    expect(res.body).toContain("Priya");
    expect(res.body).not.toContain("Nair");
    expect(res.body).not.toContain("Best scooter deals");
    expect(res.body).toContain("/en/sign-in?returnTo=");
    expect(res.body).not.toContain('name="section"');

    const ar = await t.app.inject({ url: "/participate/consultations/shared-e-scooters-draft-regulation" });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("مسودة لائحة تنظيم الدراجات الكهربائية المشتركة في الأماكن العامة");
    expect(ar.body).toContain("خالد");
    expect(ar.body).not.toContain("المهندي");
  });

  it("shows a closed consultation read-only, with the agency's response", async () => {
    const res = await t.app.inject({ url: "/en/participate/consultations/healthy-school-canteens-draft-guidelines" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("What we heard and what we will do");
    expect(res.body).toContain("the price of fresh fruit and water will be capped");
    expect(res.body).toContain("Allergen labels matter a lot to us.");
    expect(res.body).not.toContain("cheap protein bars");
    expect(res.body).not.toContain('name="section"');
    expect(res.body).not.toContain("/report");
  });

  it("renders the text as paragraphs, never as HTML", async () => {
    const slug = await publishedConsultation({ "s2-bodyEn": "First paragraph.\n\n<script>alert(1)</script> second." });
    const res = await t.app.inject({ url: `/en/participate/consultations/${slug}` });
    expect(res.body).toContain("<p>First paragraph.</p>");
    expect(res.body).toContain("&lt;script>alert(1)&lt;/script> second.");
    expect(res.body).not.toContain("<script>alert(1)");
  });

  it("keeps drafts and scheduled consultations from the public", async () => {
    const editor = await as("editor");
    await editor.get("/en/workspace/participation/consultations/new");
    const draft = await editor.post("/en/workspace/participation/consultations/new", {
      ...formFields({ titleEn: "A draft nobody sees" }),
      action: "draft",
    });
    expect(draft.statusCode).toBe(303);
    expect(String(draft.headers.location)).toContain("?done=created");
    expect((await t.app.inject({ url: "/en/participate/consultations/a-draft-nobody-sees" })).statusCode).toBe(404);
    const later = dohaDay(30);
    const scheduled = await publishedConsultation({
      titleEn: "A consultation opening later",
      "opens-day": later.day,
      "opens-month": later.month,
      "opens-year": later.year,
    });
    expect((await t.app.inject({ url: `/en/participate/consultations/${scheduled}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/en/participate/consultations/no-such-thing" })).statusCode).toBe(404);
  });
});

describe("consultations: comments", () => {
  it("a signed-in person comments on a section; it shows with their first name and the date", async () => {
    const slug = await publishedConsultation({ titleEn: "Comment test" });
    const citizen = await as("citizen");
    const res = await comment(
      citizen,
      slug,
      2,
      "  Bus bays should also be free for taxis bringing\u0007 children with disabilities.  ",
    );
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^/en/participate/consultations/${slug}\\?commented=[0-9a-f-]{36}$`));
    const page = await citizen.get(location);
    expect(page.body).toContain("Your comment has been published");
    expect(page.body).toContain("Bus bays should also be free for taxis bringing children with disabilities.");
    expect(page.body).toContain("Maryam");
    // Only the first name: the full name is in the header's account links, never in the page's content.
    expect(main(page.body)).not.toContain("Al-Sulaiti");
    const [saved] = await commentsOf(slug);
    expect(saved).toMatchObject({
      body: "Bus bays should also be free for taxis bringing children with disabilities.",
      status: "published",
      reports: 0,
    });
    // It is under section 2.
    const section2 = page.body.slice(page.body.indexOf('id="section-2"'));
    expect(section2).toContain("Bus bays should also be free");
    const section1 = page.body.slice(page.body.indexOf('id="section-1"'), page.body.indexOf('id="section-2"'));
    expect(section1).not.toContain("Bus bays should also be free");
    // In Arabic, the first name in Arabic.
    const ar = await citizen.get(`/participate/consultations/${slug}`);
    expect(ar.body).toContain("مريم");
  });

  it("refuses an empty comment, a comment too long and one of control characters only: 400, the message beside the field, the text kept, nothing saved", async () => {
    const slug = await publishedConsultation({ titleEn: "Bad comments" });
    const citizen = await as("citizen");
    for (const [text, message] of [
      ["   ", "Enter your comment"],
      ["\u0001\u0002\u0007\u001b", "Enter your comment"],
      [`Too long ${"x".repeat(2000)}`, "Your comment must be 2,000 characters or fewer"],
    ] as const) {
      const res = await comment(citizen, slug, 1, text);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("There is a problem");
      expect(res.body).toContain(`href="#section-1-comment"`);
      expect(res.body).toContain(`id="section-1-comment-error"`);
      expect(res.body).toContain(message);
      if (text.startsWith("Too long")) expect(res.body).toContain(text);
    }
    expect(await commentsOf(slug)).toHaveLength(0);
  });

  it("sends people who are not signed in to sign in", async () => {
    const slug = await publishedConsultation({ titleEn: "Signed out" });
    const anonymous = new Client(t.app);
    const page = await anonymous.get(`/en/participate/consultations/${slug}`);
    expect(page.body).toContain(`/en/sign-in?returnTo=${encodeURIComponent(`/en/participate/consultations/${slug}`)}`);
    const res = await anonymous.post(`/en/participate/consultations/${slug}/comments`, { section: "x", comment: "Hello" });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toContain("/en/sign-in?returnTo=");
    expect(await commentsOf(slug)).toHaveLength(0);
  });

  it("refuses a comment without the anti-forgery token", async () => {
    const slug = await publishedConsultation({ titleEn: "Forgery" });
    const citizen = await as("citizen");
    const page = await citizen.get(`/en/participate/consultations/${slug}`);
    const res = await citizen.post(`/en/participate/consultations/${slug}/comments`, {
      _csrf: "forged",
      section: sectionId(page.body, 1),
      comment: "Hello",
    });
    expect(res.statusCode).toBe(403);
    expect(await commentsOf(slug)).toHaveLength(0);
  });
});

describe("consultations: reports and moderation", () => {
  it(`${REPORTS_TO_HOLD} reports by different people hold a comment; 2 do not; the same person twice counts once; one's own is refused`, async () => {
    const slug = await publishedConsultation({ titleEn: "Reports" });
    const resident = await as("resident");
    await comment(resident, slug, 1, "Parking wardens should be at every gate at 7 in the morning.");
    await comment(resident, slug, 2, "A comment nobody reports.");
    const [target] = (await commentsOf(slug)).filter((c) => c.body.startsWith("Parking wardens"));
    if (!target) throw new Error("no comment");
    const visible = async () =>
      (await t.app.inject({ url: `/en/participate/consultations/${slug}` })).body.includes("Parking wardens");

    // Reporting one's own comment is refused.
    const own = await report(resident, slug, target.id);
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain("You cannot report your own comment.");

    const citizen = await as("citizen");
    expect((await report(citizen, slug, target.id)).statusCode).toBe(303);
    expect((await report(citizen, slug, target.id)).statusCode).toBe(303);
    const visitor = await as("visitor");
    const second = await report(visitor, slug, target.id);
    expect(second.statusCode).toBe(303);
    expect(String(second.headers.location)).toBe(`/en/participate/consultations/${slug}?reported=1`);
    let [row] = (await commentsOf(slug)).filter((c) => c.id === target.id);
    expect(row).toMatchObject({ reports: 2, status: "published" });
    expect(await visible()).toBe(true);
    const afterReport = await visitor.get(`/en/participate/consultations/${slug}?reported=1`);
    expect(afterReport.body).toContain("Thank you for your report.");
    expect(afterReport.body).toContain("You reported this comment.");

    const officer = await as("officer");
    expect((await report(officer, slug, target.id)).statusCode).toBe(303);
    [row] = (await commentsOf(slug)).filter((c) => c.id === target.id);
    expect(row).toMatchObject({ reports: 3, status: "held" });
    expect(await visible()).toBe(false);
    expect((await resident.get(`/en/participate/consultations/${slug}`)).body).not.toContain("Parking wardens");
    // A held comment can no longer be reported.
    expect((await report(visitor, slug, target.id)).statusCode).toBe(404);

    // Listed first for the moderators.
    const editor = await as("editor");
    const moderation = await editor.get(`/en/workspace/participation/consultations/${slug}/moderation`);
    expect(moderation.statusCode).toBe(200);
    const held = moderation.body.indexOf("Parking wardens");
    const other = moderation.body.indexOf("A comment nobody reports.");
    expect(held).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(held);
    expect(moderation.body).toContain("Held after reports");
    expect(moderation.body).toContain("3 reports");

    // Approved: visible again, and further reports do not hide it.
    const approve = await editor.post(`/en/workspace/participation/consultations/${slug}/moderation/${target.id}`, {
      decision: "approve",
    });
    expect(approve.statusCode).toBe(303);
    expect(String(approve.headers.location)).toContain("/moderation?done=approved");
    [row] = (await commentsOf(slug)).filter((c) => c.id === target.id);
    expect(row?.status).toBe("approved");
    expect(row?.moderatedBy).toBe((await findUserByEmail(db(), emails.editor))?.id);
    expect(row?.moderatedAt).toBeInstanceOf(Date);
    expect(await visible()).toBe(true);
    const admin = await as("admin");
    expect((await report(admin, slug, target.id)).statusCode).toBe(303);
    [row] = (await commentsOf(slug)).filter((c) => c.id === target.id);
    expect(row).toMatchObject({ reports: 4, status: "approved" });
    expect(await visible()).toBe(true);

    // Hidden: gone from the public page; restored by approving.
    await editor.get(`/en/workspace/participation/consultations/${slug}/moderation`);
    expect(
      (
        await editor.post(`/en/workspace/participation/consultations/${slug}/moderation/${target.id}`, {
          decision: "hide",
        })
      ).statusCode,
    ).toBe(303);
    expect(await visible()).toBe(false);
    const restorePage = await editor.get(`/en/workspace/participation/consultations/${slug}/moderation`);
    expect(restorePage.body).toContain("Restore");
    await editor.post(`/en/workspace/participation/consultations/${slug}/moderation/${target.id}`, { decision: "approve" });
    expect(await visible()).toBe(true);

    // A decision that is neither is refused.
    const bad = await editor.post(`/en/workspace/participation/consultations/${slug}/moderation/${target.id}`, {
      decision: "delete",
    });
    expect(bad.statusCode).toBe(400);
  });

  it("lists the demo's held comment first for the Municipality's editor", async () => {
    const editor = await as("approver");
    const res = await editor.get("/en/workspace/participation/consultations/shared-e-scooters-draft-regulation/moderation");
    expect(res.statusCode).toBe(200);
    const held = res.body.indexOf("Best scooter deals");
    expect(held).toBeGreaterThan(0);
    expect(res.body.indexOf("Monthly trip data")).toBeGreaterThan(held);
  });
});

describe("consultations: closing and the response", () => {
  it("a closed consultation refuses comments with a message; its response shows once published", async () => {
    const slug = await publishedConsultation({ titleEn: "Closing" });
    const citizen = await as("citizen");
    const open = await citizen.get(`/en/participate/consultations/${slug}`);
    const section = sectionId(open.body, 1);
    await comment(citizen, slug, 1, "A comment before closing.");

    const editor = await as("editor");
    const staffPage = await editor.get(`/en/workspace/participation/consultations/${slug}`);
    expect(staffPage.body).toContain("Close the consultation early");
    // The response cannot be published while open.
    expect(
      (await editor.post(`/en/workspace/participation/consultations/${slug}/response`, { responseAr: "ر", responseEn: "r" }))
        .statusCode,
    ).toBe(409);
    const close = await editor.post(`/en/workspace/participation/consultations/${slug}/close`, {});
    expect(close.statusCode).toBe(303);
    expect(String(close.headers.location)).toContain("?done=closed");

    const refused = await citizen.post(`/en/participate/consultations/${slug}/comments`, { section, comment: "Too late." });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("This consultation has closed, so it no longer takes comments.");
    const closed = await citizen.get(`/en/participate/consultations/${slug}`);
    expect(closed.body).toContain("A comment before closing.");
    expect(closed.body).not.toContain('name="section"');
    expect(closed.body).toContain("is reading the comments");
    expect(closed.body).not.toContain("What we heard and what we will do");

    // Both languages are needed.
    await editor.get(`/en/workspace/participation/consultations/${slug}`);
    const bad = await editor.post(`/en/workspace/participation/consultations/${slug}/response`, {
      responseAr: "",
      responseEn: "We will keep the two-minute rule.",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the response in Arabic");
    expect(bad.body).toContain("We will keep the two-minute rule.");
    const ok = await editor.post(`/en/workspace/participation/consultations/${slug}/response`, {
      responseAr: "سنبقي على قاعدة الدقيقتين.",
      responseEn: "We heard that two minutes is enough.\n\nWe will keep the two-minute rule.",
    });
    expect(ok.statusCode).toBe(303);
    expect(String(ok.headers.location)).toContain("?done=responded");
    const en = await t.app.inject({ url: `/en/participate/consultations/${slug}` });
    expect(en.body).toContain("What we heard and what we will do");
    expect(en.body).toContain("<p>We will keep the two-minute rule.</p>");
    const ar = await t.app.inject({ url: `/participate/consultations/${slug}` });
    expect(ar.body).toContain("ما سمعناه وما سنفعله");
    expect(ar.body).toContain("سنبقي على قاعدة الدقيقتين.");
    // Closed, it cannot be closed again or changed.
    expect((await editor.post(`/en/workspace/participation/consultations/${slug}/close`, {})).statusCode).toBe(409);
    expect((await editor.post(`/en/workspace/participation/consultations/${slug}`, formFields())).statusCode).toBe(409);
  });
});

describe("consultations: staff", () => {
  const scooters = "/en/workspace/participation/consultations/shared-e-scooters-draft-regulation";
  const matrix: [string, Record<Who | "anonymous", number>][] = [
    [
      "/en/workspace/participation/consultations/new",
      { anonymous: 303, citizen: 403, resident: 403, visitor: 403, officer: 403, editor: 200, approver: 200, admin: 200 },
    ],
    [
      scooters,
      { anonymous: 303, citizen: 403, resident: 403, visitor: 403, officer: 403, editor: 404, approver: 200, admin: 200 },
    ],
    [
      `${scooters}/moderation`,
      { anonymous: 303, citizen: 403, resident: 403, visitor: 403, officer: 403, editor: 404, approver: 200, admin: 200 },
    ],
  ];

  for (const who of ["anonymous", "citizen", "officer", "editor", "approver", "admin"] as const) {
    it(`access: ${who}`, async () => {
      const client = await as(who);
      for (const [route, expected] of matrix) {
        const res = await client.get(route);
        expect(res.statusCode, `${who} ${route}`).toBe(expected[who]);
        if (res.statusCode === 303)
          expect(String(res.headers.location)).toBe(`/en/sign-in?returnTo=${encodeURIComponent(route)}`);
      }
    });
  }

  it("another agency's editor can neither close nor moderate the consultation (404)", async () => {
    const editor = await as("editor");
    await editor.get("/en/workspace/participation/consultations/new");
    expect((await editor.post(`${scooters}/close`, {})).statusCode).toBe(404);
    const [held] = await db()
      .select()
      .from(consultationComments)
      .where(
        and(
          eq(consultationComments.consultationId, await consultationId("shared-e-scooters-draft-regulation")),
          eq(consultationComments.status, "held"),
        ),
      );
    expect((await editor.post(`${scooters}/moderation/${held?.id}`, { decision: "approve" })).statusCode).toBe(404);
    const [still] = await db()
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.id, held?.id ?? ""));
    expect(still?.status).toBe("held");
  });

  it("refuses a bad staff form with 400, messages beside the fields, and the values kept", async () => {
    const editor = await as("editor");
    await editor.get("/en/workspace/participation/consultations/new");
    const empty = await editor.post("/en/workspace/participation/consultations/new", { action: "draft" });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      "Choose the agency that runs the consultation",
      "Enter the title in Arabic",
      "Enter the title in English",
      "Enter the summary in Arabic",
      "Enter the day, month, year and time the consultation opens",
      "Enter the day, month, year and time the consultation closes",
      "Enter at least one section, with its heading and text in Arabic and English",
    ]) {
      expect(empty.body).toContain(message);
    }
    expect(empty.body).toContain('href="#s1-headingAr"');

    const bad = await editor.post("/en/workspace/participation/consultations/new", {
      ...formFields({
        agency: "ministry-of-labour",
        titleEn: "Kept title",
        "s2-bodyEn": "",
        "s3-headingEn": "A heading alone",
        "closes-day": "31",
        "closes-month": "2",
        "opens-time": "25:00",
      }),
      action: "publish",
    });
    expect(bad.statusCode).toBe(400);
    for (const message of [
      "Choose the agency that runs the consultation",
      "The opening must be a real date and a time such as 08:00",
      "The closing must be a real date and a time such as 23:59",
      "Enter the text of section 2 in English",
      "Enter the heading of section 3 in Arabic",
    ]) {
      expect(bad.body).toContain(message);
    }
    expect(bad.body).toContain('value="Kept title"');
    expect(bad.body).toContain('value="A heading alone"');

    const before = dohaDay(-3);
    const backwards = await editor.post("/en/workspace/participation/consultations/new", {
      ...formFields({ "closes-day": before.day, "closes-month": before.month, "closes-year": before.year }),
      action: "publish",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain("The closing must be after the opening");
  });

  it("creates a draft, changes it, then publishes it; a published one cannot be changed", async () => {
    const editor = await as("editor");
    await editor.get("/en/workspace/participation/consultations/new");
    const created = await editor.post("/en/workspace/participation/consultations/new", {
      ...formFields({ titleEn: "Parking near schools (draft)" }),
      action: "draft",
    });
    const location = String(created.headers.location);
    const path = location.split("?")[0] ?? "";
    const draft = await editor.get(location);
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain("The draft consultation has been saved");
    expect(draft.body).toContain('value="Parking near schools (draft)"');
    expect(draft.body).toContain("Drivers may stop for two minutes at the gate.");
    const saved = await editor.post(path, {
      ...formFields({
        titleEn: "Parking near schools (changed)",
        "s2-headingAr": "",
        "s2-headingEn": "",
        "s2-bodyAr": "",
        "s2-bodyEn": "",
      }),
      action: "draft",
    });
    expect(saved.statusCode).toBe(303);
    expect(String(saved.headers.location)).toBe(`${path}?done=saved`);
    const slug = path.split("/").pop() ?? "";
    const [row] = await db().select().from(consultations).where(eq(consultations.slug, slug));
    expect(row).toMatchObject({ titleEn: "Parking near schools (changed)", status: "draft", agency: "ministry-of-interior" });
    const published = await editor.post(path, {
      ...formFields({ titleEn: "Parking near schools (changed)" }),
      action: "publish",
    });
    expect(String(published.headers.location)).toBe(`${path}?done=published`);
    const page = await t.app.inject({ url: `/en/participate/consultations/${slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Bus bays");
    await editor.get(path);
    expect((await editor.post(path, { ...formFields(), action: "draft" })).statusCode).toBe(409);
  });
});
