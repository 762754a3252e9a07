import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { publishDefinitions } from "../../src/eservices/repository/definitions.js";
import { cases } from "../../src/eservices/tables.js";
import { textsOf } from "../../src/forms/engine/overlay.js";
import { loadWorkerForms } from "../../src/workers/form/content.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, pageOf } from "../support/apply.js";
import { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const def = demoDefinition("labour-complaint");
const forms = loadWorkerForms();
const start = "/workers/ur/eservices/labour-complaint";

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 180_000);
afterAll(() => t.close());

/** Urdu's text for a key of the labour complaint's definition, or its form words. */
function ur(key: string): string {
  const text = forms.overlays.ur?.get("labour-complaint")?.texts.get(key) ?? forms.words.ur?.get(key);
  if (!text) throw new Error(`no Urdu text ${key}`);
  return text;
}

/** The page's <html> start: its language and direction. */
const urduPage = /^<!doctype html><html lang="ur" dir="rtl">/;

/** The error summary's messages, as a reader sees them. */
function summary(html: string): string {
  return (/<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "").replace(/<[^>]+>/g, " ");
}

/** A started draft's first page address, for a signed-in client. */
async function startDraft(client: Client): Promise<string> {
  await client.get(start);
  const res = await client.post(`${start}/start`, {});
  expect(res.statusCode).toBe(303);
  return String(res.headers.location);
}

describe("the labour complaint in Urdu", () => {
  it("is where the Urdu complaints page leads", async () => {
    const page = await t.app.inject({ url: "/workers/ur/complaints" });
    expect(page.body).toMatch(new RegExp(`<a class="button button--start" href="${start}" hreflang="ur"`));
    for (const language of ["hi", "ne", "bn", "tl", "ml", "si"] as const) {
      const res = await t.app.inject({ url: `/workers/${language}/complaints` });
      const translated = Boolean(forms.overlays[language]);
      const href = translated ? `/workers/${language}/eservices/labour-complaint` : "/en/eservices/labour-complaint";
      expect(res.body, language).toContain(`href="${href}" hreflang="${translated ? language : "en"}"`);
    }
  });

  it("starts in Urdu, right to left, and brings the reader back to it after signing in", async () => {
    const client = new Client(t.app);
    const page = await client.get(start);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(urduPage);
    expect(page.body).toContain(`<h1 class="heading-xl">${ur("title")}</h1>`);
    const signIn = `/en/sign-in?returnTo=${encodeURIComponent(start)}`;
    expect(page.body).toContain(`href="${signIn.replace(/&/g, "&amp;")}"`);
    // Starting without signing in goes to sign in too, and comes back.
    await client.get(signIn);
    const res = await client.post("/en/sign-in", {
      identifier: demoEmails.resident,
      password: DEMO_PASSWORD,
      returnTo: start,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(start);
    const signedIn = await client.get(start);
    expect(signedIn.body).toContain(`action="${start}/start"`);
    expect(signedIn.body).toContain('name="_csrf"');
  });

  it("asks every question in Urdu, is sent, and reaches the officers as the same request", async () => {
    const client = await signedInAs(t.app, "resident");
    const check = await answerAll(client, def, { about: ["unpaid-wages", "passport-withheld"] }, "/workers/ur");
    expect(check).toMatch(/^\/workers\/ur\/eservices\/labour-complaint\/[0-9a-f-]{36}\/check$/);
    const checkPage = await client.get(check);
    expect(checkPage.statusCode).toBe(200);
    expect(checkPage.body).toMatch(urduPage);
    expect(checkPage.body).toContain(ur("eservices.check.title"));
    expect(checkPage.body).toContain(ur("pages.complaint.questions.about.options.passport-withheld.label"));
    expect(checkPage.body).toContain(ur("declaration"));
    expect(checkPage.body).toContain(ur("eservices.check.submit"));
    const sent = await client.post(check.replace(/\/check$/, "/submit"), { declaration: "yes" });
    expect(sent.statusCode).toBe(303);
    const reference = /\/sent\/(HK-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(String(sent.headers.location))?.[1];
    expect(reference).toBeDefined();
    const confirmation = await client.get(String(sent.headers.location));
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toMatch(urduPage);
    expect(confirmation.body).toContain(ur("form.sentTitle"));
    expect(confirmation.body).toContain(ur("nextSteps"));
    expect(confirmation.body).toContain(reference);
    // The request officers process: the e-service and version in force, the answers as values.
    const [kase] = await db()
      .select()
      .from(cases)
      .where(eq(cases.reference, reference ?? ""));
    expect(kase?.eservice).toBe("labour-complaint");
    expect(kase?.version).toBe(def.version);
    expect(kase?.answers.about).toEqual(["unpaid-wages", "passport-withheld"]);
    expect(kase?.answers["tell-employer"]).toBe("yes");
    const officer = await signedInAs(t.app, "officer");
    expect((await officer.get("/en/workspace/cases")).body).toContain(reference);
    const open = await officer.get(`/en/workspace/cases/${reference}`);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain("My passport is being held");
  });

  it("says what is wrong in Urdu, with a 400, and keeps nothing wrong", async () => {
    const client = await signedInAs(t.app, "resident");
    const first = await startDraft(client);
    expect(pageOf(first).page).toBe("worker");
    const page = await client.get(first);
    expect(page.body).toMatch(urduPage);
    expect(page.body).toContain(ur("pages.worker.questions.worker-qid.label"));
    expect(page.body).toContain(ur("eservices.apply.continue"));
    const bad = await client.post(first, { "worker-qid": "123", "worker-phone": "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(urduPage);
    const label = ur("pages.worker.questions.worker-qid.label");
    expect(summary(bad.body)).toContain(ur("components.errorSummary.title"));
    expect(summary(bad.body)).toContain(ur("forms.errors.qidLength").replace("{label}", label));
    expect(summary(bad.body)).toContain(
      ur("forms.errors.required").replace("{label}", ur("pages.worker.questions.worker-phone.label")),
    );
    expect(bad.body).toContain(`<title>${ur("errors.titlePrefix").replace("{title}", "")}`);
  });

  it("asks for the declaration in Urdu", async () => {
    const client = await signedInAs(t.app, "resident");
    const check = await answerAll(client, def, {}, "/workers/ur");
    await client.get(check);
    const res = await client.post(check.replace(/\/check$/, "/submit"), {});
    expect(res.statusCode).toBe(400);
    expect(summary(res.body)).toContain(ur("forms.errors.declaration"));
  });

  it("needs sign-in and the anti-forgery token, and shows no one else's draft", async () => {
    const anonymous = new Client(t.app);
    const res = await anonymous.post(`${start}/start`, {});
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/^\/en\/sign-in\?returnTo=/);
    const owner = await signedInAs(t.app, "resident");
    const first = await startDraft(owner);
    const forged = await owner.post(first, { _csrf: "forged", "worker-qid": "29035600102" });
    expect(forged.statusCode).toBe(403);
    const other = await signedInAs(t.app, "citizen");
    expect((await other.get(first)).statusCode).toBe(404);
    expect((await other.get(first.replace(/[a-z-]+$/, "check"))).statusCode).toBe(404);
  });

  it("exists only in the languages it is translated into", async () => {
    for (const language of ["hi", "ne", "bn", "tl", "ml", "si"] as const) {
      const res = await t.app.inject({ url: `/workers/${language}/eservices/labour-complaint` });
      expect(res.statusCode, language).toBe(200);
      expect(res.body).toMatch(new RegExp(`^<!doctype html><html lang="${language}" dir="ltr">`));
      expect(res.body).toContain(forms.overlays[language]?.get("labour-complaint")?.texts.get("summary"));
    }
    expect((await t.app.inject({ url: "/workers/fr/eservices/labour-complaint" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/workers/ar/eservices/labour-complaint" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/workers/ur/eservices/visitor-visa" })).statusCode).toBe(404);
  });

  it("shows no English text of the definition anywhere on the way", async () => {
    const english = [...textsOf(def).values()];
    const client = await signedInAs(t.app, "resident");
    const first = await startDraft(client);
    const page = await client.get(first);
    for (const text of english) expect(page.body).not.toContain(`>${text}<`);
  });
});

describe("the labour complaint in each workers' language", () => {
  it("says what is wrong in the language, with a 400", async () => {
    const client = await signedInAs(t.app, "resident");
    for (const language of ["hi", "ur", "ne", "bn", "tl", "ml", "si"] as const) {
      const words = forms.words[language];
      const texts = forms.overlays[language]?.get("labour-complaint")?.texts;
      const here = `/workers/${language}/eservices/labour-complaint`;
      await client.get(here);
      const started = await client.post(`${here}/start`, {});
      const first = String(started.headers.location);
      expect(first.startsWith(`${here}/`), language).toBe(true);
      const bad = await client.post(first, { "worker-qid": "", "worker-phone": "5550 0102" });
      expect(bad.statusCode, language).toBe(400);
      expect(bad.body).toMatch(
        new RegExp(`^<!doctype html><html lang="${language}" dir="${language === "ur" ? "rtl" : "ltr"}">`),
      );
      const label = texts?.get("pages.worker.questions.worker-qid.label") ?? "";
      expect(summary(bad.body), language).toContain(words?.get("forms.errors.required")?.replace("{label}", label));
      expect(bad.body).toContain(words?.get("eservices.apply.continue"));
    }
  });
});

describe("the Urdu labour complaint, around the form", () => {
  it("tells a visitor, in Urdu, to go to a service centre, and starts nothing", async () => {
    const client = await signedInAs(t.app, "visitor");
    const page = await client.get(start);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(ur("form.notEligible"));
    expect(page.body).not.toContain(`action="${start}/start"`);
    const res = await client.post(`${start}/start`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(start);
  });

  it("offers a saved draft again, in Urdu", async () => {
    const client = await signedInAs(t.app, "citizen");
    const first = await startDraft(client);
    const { draft } = pageOf(first);
    const page = await client.get(start);
    expect(page.body).toContain(ur("form.draftsTitle"));
    expect(page.body).toMatch(new RegExp(`href="${start}/${draft}/[a-z-]+"`));
  });

  it("sends readers to the English form once a new version is in force, and finishes drafts of the translated one in Urdu", async () => {
    const client = await signedInAs(t.app, "resident");
    const first = await startDraft(client);
    const v4 = structuredClone(def);
    v4.version = def.version + 1;
    v4.summary = { ar: `${def.summary.ar} (محدّث)`, en: `${def.summary.en} (updated)` };
    expect((await publishDefinitions(db(), [v4])).published).toEqual([`labour-complaint v${v4.version}`]);
    const res = await client.get(start);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/en/eservices/labour-complaint");
    const draft = await client.get(first);
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toMatch(urduPage);
    // A link to the complaints page still leads to the Urdu address, which sends on to the form in force.
    expect((await t.app.inject({ url: "/workers/ur/complaints" })).body).toContain(`href="${start}"`);
  });
});
