// Over 400 lines on purpose: answering surveys and the staff's survey pages share one demo portal, built once for the file.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { findSurvey } from "../../src/participation/surveys/repository.js";
import { respondentKey } from "../../src/participation/surveys/respondent.js";
import { surveyResponses, surveys } from "../../src/participation/tables.js";
import { loadConfig } from "../../src/platform/config.js";
import { dohaDateTimeValues } from "../../src/platform/http/date-time.js";
import { translator } from "../../src/platform/i18n/messages.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { type DemoPerson, demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const DAY = 86_400_000;
const secret = loadConfig({}).SURVEY_KEY_SECRET;
const ar = translator("ar");
const en = translator("en");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

/** The text of a page, with the entities the renderer writes turned back into characters. */
const text = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

async function surveyId(slug: string): Promise<string> {
  const survey = await findSurvey(db(), slug);
  if (!survey) throw new Error(`no survey ${slug}`);
  return survey.id;
}

async function responsesTo(slug: string) {
  return db()
    .select()
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, await surveyId(slug)));
}

async function userId(who: DemoPerson): Promise<string> {
  const user = await findUserByEmail(db(), demoEmails[who]);
  if (!user) throw new Error(`no ${who}`);
  return user.id;
}

/** A full, good answer to the demo health survey. */
const goodHealthAnswers = {
  q1: "o2",
  q2: "o1",
  q3: "15",
  q4: "yes",
  q5: ["o1", "o3"],
  q6: "Friendly nurses.",
};

const HEALTH = "/en/participate/surveys/health-centre-visit";

describe("answering a survey", () => {
  it("shows the survey to everyone, with a sign-in link for those signed out, in both languages", async () => {
    const client = new Client(t.app);
    const res = await client.get(HEALTH);
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain("Your visit to a health centre: how did we do?");
    expect(page).toContain("Ministry of Public Health");
    expect(page).toContain("Your answers are not linked to you.");
    expect(res.body).toContain(`href="/en/sign-in?returnTo=${encodeURIComponent(HEALTH)}"`);
    expect(res.body).not.toContain('name="q1"');

    const arabic = await client.get("/participate/surveys/health-centre-visit");
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain("زيارتك للمركز الصحي");
    expect(arabic.body).toContain("لا تُربط إجاباتك بك.");
    expect(arabic.body).toContain(`href="/sign-in?returnTo=${encodeURIComponent("/participate/surveys/health-centre-visit")}"`);

    // Posting without signing in goes to sign in.
    const post = await client.post(HEALTH, goodHealthAnswers);
    expect(post.statusCode).toBe(303);
    expect(String(post.headers.location)).toContain("/en/sign-in");
  });

  it("takes one anonymous response: no user, the month only, the keyed hash; then thanks", async () => {
    const resident = await signedInAs(t.app, "resident");
    const page = await resident.get(HEALTH);
    expect(page.body).toContain('name="q1"');
    expect(page.body).toContain('name="q3"');
    const before = (await responsesTo("health-centre-visit")).length;
    const res = await resident.post(HEALTH, goodHealthAnswers);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HEALTH}/thanks`);
    const thanks = await resident.follow(res);
    expect(thanks.statusCode).toBe(200);
    expect(text(thanks.body)).toContain("Thank you for your answers");

    const rows = await responsesTo("health-centre-visit");
    expect(rows).toHaveLength(before + 1);
    const key = respondentKey(secret, await surveyId("health-centre-visit"), await userId("resident"));
    const mine = rows.find((r) => r.respondentKey === key);
    expect(mine).toBeDefined();
    expect(mine?.userId).toBeNull();
    const now = new Date();
    expect(mine?.month).toBe(now.toISOString().slice(0, 7));
    expect(mine?.createdAt.toISOString()).toBe(`${now.toISOString().slice(0, 7)}-01T00:00:00.000Z`);
    expect(mine?.answers).toEqual({ q1: "o2", q2: "o1", q3: 15, q4: "yes", q5: ["o1", "o3"], q6: "Friendly nurses." });
    // Nothing in the row names the person.
    expect(JSON.stringify(mine)).not.toContain(await userId("resident"));

    // Once answered, the page says so instead of showing the questions.
    const again = await resident.get(HEALTH);
    expect(text(again.body)).toContain("You have already answered this survey");
    expect(again.body).not.toContain('name="q1"');
  });

  it("refuses a second response from the same person, without a second row", async () => {
    const resident = await signedInAs(t.app, "resident");
    await resident.get(HEALTH);
    const before = (await responsesTo("health-centre-visit")).length;
    const res = await resident.post(HEALTH, goodHealthAnswers);
    expect(res.statusCode).toBe(409);
    expect(text(res.body)).toContain("You have already answered this survey");
    expect(await responsesTo("health-centre-visit")).toHaveLength(before);
  });

  it("stores one response when the same person sends twice at the same time", async () => {
    const visitor = await signedInAs(t.app, "visitor");
    await visitor.get(HEALTH);
    const before = (await responsesTo("health-centre-visit")).length;
    const results = await Promise.all([visitor.post(HEALTH, goodHealthAnswers), visitor.post(HEALTH, goodHealthAnswers)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    expect(await responsesTo("health-centre-visit")).toHaveLength(before + 1);
  });

  it("refuses bad answers with messages in the page's language, keeps what was typed, saves nothing", async () => {
    const citizen = await signedInAs(t.app, "citizen");
    await citizen.get("/participate/surveys/health-centre-visit");
    const before = (await responsesTo("health-centre-visit")).length;
    const survey = await findSurvey(db(), "health-centre-visit");
    const label = (id: string) => survey?.questions.find((q) => q.id === id)?.label;
    const res = await citizen.post("/participate/surveys/health-centre-visit", {
      q1: "o9",
      q3: "999",
      q4: "yes",
      q6: "نص محفوظ",
    });
    expect(res.statusCode).toBe(400);
    const page = text(res.body);
    expect(page).toContain('class="error-summary"');
    expect(page).toContain(ar.t("forms.errors.choose", { label: label("q1")?.ar ?? "" }));
    expect(page).toContain(ar.t("forms.errors.choose", { label: label("q2")?.ar ?? "" }));
    expect(page).toContain(ar.t("forms.errors.max", { label: label("q3")?.ar ?? "", max: 300 }));
    expect(page).toContain('href="#q2"');
    expect(page).toContain('value="999"');
    expect(page).toContain("نص محفوظ");
    expect(page).toMatch(/<title>[^<]*خطأ/);
    expect(await responsesTo("health-centre-visit")).toHaveLength(before);

    // The same in English on the English page.
    await citizen.get(HEALTH);
    const english = await citizen.post(HEALTH, { q2: "o1", q3: "-4", q4: "yes" });
    expect(english.statusCode).toBe(400);
    expect(text(english.body)).toContain(en.t("forms.errors.choose", { label: label("q1")?.en ?? "" }));
    expect(text(english.body)).toContain(en.t("forms.errors.min", { label: label("q3")?.en ?? "", min: 0 }));
    expect(await responsesTo("health-centre-visit")).toHaveLength(before);
  });

  it("refuses answers to a closed survey with a message", async () => {
    const citizen = await signedInAs(t.app, "citizen");
    const page = await citizen.get("/en/participate/surveys/neighbourhood-parks");
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("This survey has closed");
    expect(page.body).not.toContain('name="q1"');
    const before = (await responsesTo("neighbourhood-parks")).length;
    const res = await citizen.post("/en/participate/surveys/neighbourhood-parks", { q1: "o1", q2: "o1", q3: "5" });
    expect(res.statusCode).toBe(409);
    expect(text(res.body)).toContain("This survey has closed");
    expect(await responsesTo("neighbourhood-parks")).toHaveLength(before);
  });

  it("keeps drafts and surveys not yet open from the public", async () => {
    const now = Date.now();
    await db()
      .insert(surveys)
      .values([
        {
          id: crypto.randomUUID(),
          slug: "draft-survey",
          agency: "ministry-of-interior",
          titleAr: "مسودة",
          titleEn: "Draft",
          questions: [],
          status: "draft",
          opensAt: new Date(now - DAY),
          closesAt: new Date(now + DAY),
          createdBy: crypto.randomUUID(),
        },
        {
          id: crypto.randomUUID(),
          slug: "later-survey",
          agency: "ministry-of-interior",
          titleAr: "لاحقاً",
          titleEn: "Later",
          questions: [],
          status: "published",
          opensAt: new Date(now + DAY),
          closesAt: new Date(now + 2 * DAY),
          createdBy: crypto.randomUUID(),
        },
      ]);
    const citizen = await signedInAs(t.app, "citizen");
    expect((await citizen.get("/en/participate/surveys/draft-survey")).statusCode).toBe(404);
    expect((await citizen.get("/en/participate/surveys/later-survey")).statusCode).toBe(404);
    expect((await citizen.get("/en/participate/surveys/no-such-survey")).statusCode).toBe(404);
  });
});

/** The staff editor's fields for a survey, with question rows (q1-…). */
function editorFields(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const now = Date.now();
  return {
    agency: "ministry-of-interior",
    "title-ar": "استبيان عن خدمات الجوازات",
    "title-en": "Passport services survey",
    "intro-ar": "أخبرنا عن تجربتك.",
    "intro-en": "Tell us about your experience.",
    anonymous: "identified",
    audience: "any",
    ...dohaDateTimeValues("opens", new Date(now - DAY)),
    ...dohaDateTimeValues("closes", new Date(now + 10 * DAY)),
    "q1-type": "radios",
    "q1-label-ar": "ما مدى رضاك؟",
    "q1-label-en": "How satisfied are you?",
    "q1-required": "yes",
    "q1-options": "راضٍ | Satisfied\nغير راضٍ | Not satisfied",
    "q2-type": "number",
    "q2-label-ar": "كم مرة زرت المكتب؟",
    "q2-label-en": "How many times did you visit the office?",
    "q2-required": "yes",
    "q2-min": "0",
    "q2-max": "50",
    "q3-type": "long-text",
    "q3-label-ar": "ملاحظاتك",
    "q3-label-en": "Your comments",
    "q3-required": "no",
    "q4-type": "checkboxes",
    "q4-label-ar": "ما الخدمات التي استخدمتها؟",
    "q4-label-en": "Which services did you use?",
    "q4-required": "no",
    "q4-options": "تجديد | Renewal\nإصدار أول | First issue",
    "q5-type": "text",
    "q5-required": "yes",
    ...over,
  };
}

const NEW = "/en/workspace/participation/surveys/new";

describe("surveys for agency staff", () => {
  let slug = "";

  it("refuses bad input with messages beside the fields, keeping what was typed", async () => {
    const editor = await signedInAs(t.app, "editor");
    const form = await editor.get(NEW);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="title-ar"');
    expect(form.body).toContain('name="q8-label-en"');
    const count = (await db().select().from(surveys)).length;
    const res = await editor.post(
      NEW,
      editorFields({
        agency: "ministry-of-public-health",
        "title-en": "",
        ...dohaDateTimeValues("closes", new Date(Date.now() - 3 * DAY)),
        "q1-options": "راضٍ without a bar",
        "q2-min": "ten",
        action: "publish",
      }),
    );
    expect(res.statusCode).toBe(400);
    const page = text(res.body);
    expect(page).toContain('class="error-summary"');
    expect(page).toContain("Choose one of your agencies");
    expect(page).toContain("Enter the title in English");
    expect(page).toContain("The closing date must be after the opening date");
    expect(page).toContain("Question 1: write each option as Arabic label | English label");
    expect(page).toContain("Question 2: enter the limit as a number");
    expect(page).toContain('href="#closes-day"');
    expect(page).toContain('value="ten"');
    expect(page).toContain("استبيان عن خدمات الجوازات");
    expect((await db().select().from(surveys)).length).toBe(count);

    // In Arabic, the messages are Arabic.
    await editor.get("/workspace/participation/surveys/new");
    const arabic = await editor.post("/workspace/participation/surveys/new", editorFields({ "title-ar": "", "q1-label-en": "" }));
    expect(arabic.statusCode).toBe(400);
    expect(text(arabic.body)).toContain("أدخل العنوان بالعربية");
    expect(text(arabic.body)).toContain("السؤال 1: أدخل السؤال بالإنجليزية");
  });

  it("creates a draft, changes it, publishes it; its questions are e-service questions", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get(NEW);
    const res = await editor.post(NEW, editorFields({ action: "save" }));
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/en\/workspace\/participation\/surveys\/passport-services-survey(-\d+)?\?done=saved$/);
    slug = /surveys\/([a-z0-9-]+)/.exec(location)?.[1] ?? "";
    const draft = await editor.follow(res);
    expect(text(draft.body)).toContain("The draft has been saved");
    expect(draft.body).toContain("Passport services survey");
    // Not public while a draft.
    expect((await new Client(t.app).get(`/en/participate/surveys/${slug}`)).statusCode).toBe(404);

    const saved = await findSurvey(db(), slug);
    expect(saved?.status).toBe("draft");
    expect(saved?.questions).toEqual([
      {
        id: "q1",
        type: "radios",
        required: true,
        label: { ar: "ما مدى رضاك؟", en: "How satisfied are you?" },
        options: [
          { value: "o1", label: { ar: "راضٍ", en: "Satisfied" } },
          { value: "o2", label: { ar: "غير راضٍ", en: "Not satisfied" } },
        ],
      },
      {
        id: "q2",
        type: "number",
        required: true,
        min: 0,
        max: 50,
        integer: true,
        label: { ar: "كم مرة زرت المكتب؟", en: "How many times did you visit the office?" },
      },
      {
        id: "q3",
        type: "text",
        required: false,
        multiline: true,
        maxLength: 2000,
        label: { ar: "ملاحظاتك", en: "Your comments" },
      },
      {
        id: "q4",
        type: "checkboxes",
        required: false,
        label: { ar: "ما الخدمات التي استخدمتها؟", en: "Which services did you use?" },
        options: [
          { value: "o1", label: { ar: "تجديد", en: "Renewal" } },
          { value: "o2", label: { ar: "إصدار أول", en: "First issue" } },
        ],
      },
    ]);

    const published = await editor.post(`/en/workspace/participation/surveys/${slug}`, editorFields({ action: "publish" }));
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/en/workspace/participation/surveys/${slug}?done=published`);
    const results = await editor.follow(published);
    expect(text(results.body)).toContain("The survey has been published.");
    expect(text(results.body)).toContain("No responses yet");
    expect((await findSurvey(db(), slug))?.status).toBe("published");
  });

  it("keeps the person with an identified survey's answers; counts and exports them", async () => {
    const path = `/en/participate/surveys/${slug}`;
    const citizen = await signedInAs(t.app, "citizen");
    await citizen.get(path);
    expect((await citizen.post(path, { q1: "o1", q2: "3", q3: 'Slow, "very" slow\nat noon', q4: ["o1", "o2"] })).statusCode).toBe(
      303,
    );
    const resident = await signedInAs(t.app, "resident");
    await resident.get(path);
    expect((await resident.post(path, { q1: "o2", q2: "7", q3: "=SUM(A1:A9)" })).statusCode).toBe(303);
    const visitor = await signedInAs(t.app, "visitor");
    await visitor.get(path);
    expect((await visitor.post(path, { q1: "o1", q2: "2", q3: "الموظفون متعاونون، شكراً", q4: "o1" })).statusCode).toBe(303);
    const rows = await responsesTo(slug);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.userId).sort()).toEqual(
      [await userId("citizen"), await userId("resident"), await userId("visitor")].sort(),
    );

    const editor = await signedInAs(t.app, "editor");
    const results = await editor.get(`/en/workspace/participation/surveys/${slug}`);
    expect(results.statusCode).toBe(200);
    expect(results.headers["cache-control"]).toBe("private, no-store");
    const page = text(results.body);
    expect(page).toContain("3 responses");
    // q1: Satisfied 2 (66.7%), Not satisfied 1 (33.3%).
    expect(page).toMatch(/Satisfied<\/th><td[^>]*>2<\/td><td[^>]*>66\.7%<\/td>/);
    expect(page).toMatch(/Not satisfied<\/th><td[^>]*>1<\/td><td[^>]*>33\.3%<\/td>/);
    // q2: average 4, lowest 2, highest 7.
    expect(page).toMatch(/Average<\/dt><dd>4<\/dd>/);
    expect(page).toMatch(/Lowest<\/dt><dd>2<\/dd>/);
    expect(page).toMatch(/Highest<\/dt><dd>7<\/dd>/);
    // q4: Renewal 2 of 2 who answered.
    expect(page).toMatch(/Renewal<\/th><td[^>]*>2<\/td><td[^>]*>100%<\/td>/);
    expect(page).toContain("The first 3 answers:");
    expect(page).toContain("=SUM(A1:A9)");
    // No names in the summary.
    expect(page).not.toContain("Maryam");
    expect(page).not.toContain("Anil Kumar");

    const csv = await editor.get(`/en/workspace/participation/surveys/${slug}/responses.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="${slug}-responses.csv"`);
    expect(csv.headers["cache-control"]).toBe("private, no-store");
    const raw = csv.rawPayload.toString("utf8");
    expect(raw.startsWith("\uFEFF")).toBe(true);
    const lines = raw.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Response,Submitted,Respondent,How satisfied are you?,How many times did you visit the office?,Your comments,Which services did you use?",
    );
    expect(raw).toContain(`,Maryam Khalid Al-Sulaiti,Satisfied,3,"Slow, ""very"" slow\nat noon",Renewal; First issue\r\n`);
    expect(raw).toContain(",Anil Kumar Menon,Not satisfied,7,'=SUM(A1:A9),\r\n");
    // Arabic text intact (the Arabic comma needs no quotes).
    expect(raw).toContain(",Sarah Thompson,Satisfied,2,الموظفون متعاونون، شكراً,Renewal\r\n");
    // Header, one row per response, and the last line break.
    expect(lines.filter(Boolean)).toHaveLength(1 + 3);
    expect(lines.slice(1, 4).map((l) => l.split(",")[0])).toEqual(["1", "2", "3"]);
  });

  it("exports an anonymous survey without names, with the month only", async () => {
    const admin = await signedInAs(t.app, "admin");
    const csv = await admin.get("/workspace/participation/surveys/health-centre-visit/responses.csv");
    expect(csv.statusCode).toBe(200);
    const raw = csv.rawPayload.toString("utf8");
    const [header, first] = raw.slice(1).split("\r\n");
    expect(header).toBe(
      "الرد,وقت الإرسال,في أي بلدية يقع المركز الصحي الذي زرته؟,ما مدى رضاك عن زيارتك بشكل عام؟,كم دقيقة انتظرت تقريباً بعد موعدك حتى قابلت الطبيب؟,هل حجزت موعدك عبر الإنترنت؟,ما الذي ينبغي أن نحسّنه أولاً؟,هل تود إخبارنا بشيء آخر عن زيارتك؟",
    );
    expect(first).toMatch(/^1,\d{4}-\d{2},/);
    expect(raw).toContain("الطبيب شرح لي كل شيء بوضوح، شكراً.");
    const rows = raw.slice(1).split("\r\n").filter(Boolean);
    expect(rows).toHaveLength(1 + (await responsesTo("health-centre-visit")).length);

    const summary = await admin.get("/en/workspace/participation/surveys/health-centre-visit");
    expect(summary.statusCode).toBe(200);
    expect(text(summary.body)).toContain(`${rows.length - 1} responses`);
  });

  it("refuses people who are not in the survey's audience", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get(NEW);
    const res = await editor.post(
      NEW,
      editorFields({ "title-en": "For citizens only", audience: "citizens", action: "publish" }),
    );
    expect(res.statusCode).toBe(303);
    const path = `/en/participate/surveys/${/surveys\/([a-z0-9-]+)/.exec(String(res.headers.location))?.[1]}`;
    const resident = await signedInAs(t.app, "resident");
    const page = await resident.get(path);
    expect(text(page.body)).toContain("This survey is for citizens only.");
    expect(page.body).not.toContain('name="q1"');
    const post = await resident.post(path, { q1: "o1", q2: "1" });
    expect(post.statusCode).toBe(403);
    expect(text(post.body)).toContain("This survey is for citizens only.");
    const citizen = await signedInAs(t.app, "citizen");
    await citizen.get(path);
    expect((await citizen.post(path, { q1: "o1", q2: "1" })).statusCode).toBe(303);
  });

  it("closes a survey early; then it takes no more answers", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get(`/en/workspace/participation/surveys/${slug}`);
    const res = await editor.post(`/en/workspace/participation/surveys/${slug}/close`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/workspace/participation/surveys/${slug}?done=closed`);
    expect((await findSurvey(db(), slug))?.closedAt).toBeInstanceOf(Date);
    const admin = await signedInAs(t.app, "admin");
    await admin.get(`/en/participate/surveys/${slug}`);
    const post = await admin.post(`/en/participate/surveys/${slug}`, { q1: "o1", q2: "1" });
    expect(post.statusCode).toBe(409);
    expect(text(post.body)).toContain("This survey has closed");
    // A published survey's editor is gone: a post changes nothing.
    await editor.get(`/en/workspace/participation/surveys/${slug}`);
    const change = await editor.post(`/en/workspace/participation/surveys/${slug}`, editorFields({ "title-en": "Changed" }));
    expect(change.statusCode).toBe(303);
    expect((await findSurvey(db(), slug))?.title.en).toBe("Passport services survey");
  });

  it("keeps other agencies' staff and the public out of the summary and the export", async () => {
    const editor = await signedInAs(t.app, "editor");
    expect((await editor.get("/en/workspace/participation/surveys/health-centre-visit")).statusCode).toBe(404);
    expect((await editor.get("/en/workspace/participation/surveys/health-centre-visit/responses.csv")).statusCode).toBe(404);
    await editor.get(NEW);
    expect((await editor.post("/en/workspace/participation/surveys/health-centre-visit/close", {})).statusCode).toBe(404);

    for (const who of ["citizen", "officer"] as const) {
      const person = await signedInAs(t.app, who);
      expect((await person.get(`/en/workspace/participation/surveys/${slug}`)).statusCode).toBe(404);
      expect((await person.get(`/en/workspace/participation/surveys/${slug}/responses.csv`)).statusCode).toBe(404);
      expect((await person.get(NEW)).statusCode).toBe(403);
    }
    const anonymous = new Client(t.app);
    const res = await anonymous.get(`/en/workspace/participation/surveys/${slug}/responses.csv`);
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toContain("/en/sign-in");
  });
});
