import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { participationFigures } from "../../src/participation/figures.js";
import { consultations, polls, pollVotes, surveyResponses, surveys } from "../../src/participation/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const DAY = 86_400_000;
const author = randomUUID();

function poll(slug: string, agency: string, status: string, opensIn: number, closesIn: number) {
  return {
    id: randomUUID(),
    slug,
    agency,
    questionAr: `سؤال ${slug}`,
    questionEn: `Question ${slug}`,
    status,
    opensAt: new Date(Date.now() + opensIn * DAY),
    closesAt: new Date(Date.now() + closesIn * DAY),
    createdBy: author,
  };
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
  await db()
    .insert(polls)
    .values([
      poll("test-open-poll", "ministry-of-interior", "published", -1, 10),
      poll("test-closed-poll", "ministry-of-interior", "published", -20, -2),
      poll("test-scheduled-poll", "ministry-of-interior", "published", 3, 10),
      poll("test-draft-poll", "ministry-of-interior", "draft", -1, 10),
      poll("test-other-agency-poll", "ministry-of-labour", "draft", -1, 10),
    ]);
  await db()
    .insert(consultations)
    .values({
      id: randomUUID(),
      slug: "test-open-consultation",
      agency: "ministry-of-interior",
      titleAr: "استشارة تجريبية",
      titleEn: "Test consultation",
      status: "published",
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 5 * DAY),
      createdBy: author,
    });
});
afterAll(() => t.close());

describe("the participation page", () => {
  it("lists what is open and what has closed, in both languages; drafts and scheduled items are not shown", async () => {
    const en = await t.app.inject({ method: "GET", url: "/en/participate" });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain("Question test-open-poll");
    expect(en.body).toContain("Question test-closed-poll");
    expect(en.body).toContain("Test consultation");
    expect(en.body).toContain('href="/en/participate/polls/test-open-poll"');
    expect(en.body).not.toContain("test-scheduled-poll");
    expect(en.body).not.toContain("test-draft-poll");
    const open = en.body.indexOf("Open now");
    const closed = en.body.indexOf("Closed, with results");
    expect(en.body.indexOf("Question test-open-poll")).toBeGreaterThan(open);
    expect(en.body.indexOf("Question test-open-poll")).toBeLessThan(closed);
    expect(en.body.indexOf("Question test-closed-poll")).toBeGreaterThan(closed);
    const ar = await t.app.inject({ method: "GET", url: "/participate" });
    expect(ar.body).toContain("سؤال test-open-poll");
    expect(ar.body).toContain("شارك برأيك");
  });

  it("shows what is open on the home page", async () => {
    const home = await t.app.inject({ method: "GET", url: "/en" });
    expect(home.body).toContain("Question test-open-poll");
    expect(home.body).not.toContain("Question test-closed-poll");
  });
});

describe("the staff's participation list", () => {
  it("shows an editor their agency's items, drafts included, and no other agency's; the public reaches none of it", async () => {
    const editor = new Client(t.app);
    await editor.get("/en/sign-in");
    await editor.post("/en/sign-in", { identifier: "editor@demo.hukoomi.example", password: "Hukoomi-demo-2026" });
    const page = await editor.get("/en/workspace/participation");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Question test-draft-poll");
    expect(page.body).not.toContain("test-other-agency-poll");
    const citizen = await signedInAs(t.app, "citizen");
    expect((await citizen.get("/en/workspace/participation")).statusCode).toBe(403);
    const signedOut = await t.app.inject({ method: "GET", url: "/en/workspace/participation" });
    expect(signedOut.statusCode).toBe(303);
    const admin = await signedInAs(t.app, "admin");
    expect((await admin.get("/en/workspace/participation")).body).toContain("test-other-agency-poll");
  });
});

describe("participation figures", () => {
  it("count each person once a month across polls, comments and identified surveys, and compare the year with the one before", async () => {
    const now = new Date(Date.UTC(2031, 5, 15));
    const month = (back: number) => new Date(Date.UTC(2031, 5 - back, 10));
    const [target] = await db().select().from(polls).limit(1);
    const pollId = target?.id ?? "";
    const people = Array.from({ length: 6 }, () => randomUUID());
    // Two years: the year before has 4 participations, the last year 6 (+50%).
    await db()
      .insert(pollVotes)
      .values([
        ...people.slice(0, 4).map((userId) => ({ pollId, userId, createdAt: month(14) })),
        ...people.slice(0, 5).map((userId) => ({ pollId: randomUUID(), userId, createdAt: month(2) })),
      ]);
    const surveyId = randomUUID();
    await db()
      .insert(surveys)
      .values({
        id: surveyId,
        slug: "test-figures-survey",
        agency: "ministry-of-interior",
        titleAr: "استبيان",
        titleEn: "Survey",
        questions: [],
        opensAt: month(3),
        closesAt: now,
        createdBy: author,
      });
    await db()
      .insert(surveyResponses)
      .values([
        // Someone who also voted that month: counted once.
        {
          id: randomUUID(),
          surveyId,
          userId: people[0],
          respondentKey: "k0",
          answers: {},
          month: "2031-04",
          createdAt: month(2),
        },
        // An anonymous answer: one more person.
        { id: randomUUID(), surveyId, userId: null, respondentKey: "k1", answers: {}, month: "2031-04" },
      ]);
    const figures = await participationFigures(db(), now);
    expect(figures.months).toHaveLength(12);
    expect(figures.months.find((m) => m.month === "2031-04")?.participants).toBe(6);
    expect(figures.yearBefore).toBe(4);
    expect(figures.lastYear).toBe(6);
    expect(figures.growth).toBeCloseTo(0.5);
    expect(figures.target).toBe(0.2);

    const facts = await t.app.inject({ method: "GET", url: "/en/facts" });
    expect(facts.body).toContain("People taking part");
  });
});
