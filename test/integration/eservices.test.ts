// Over 400 lines on purpose: every e-service journey (applying to each demo service, drafts, files, access, the back office, versions, who may apply) shares one demo portal, built once for the file.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { loadDefinitionFiles } from "../../src/eservices/content.js";
import { REFERENCE_ALPHABET } from "../../src/eservices/references.js";
import { publishDefinitions } from "../../src/eservices/repository/definitions.js";
import { caseEvents, cases, drafts, uploads } from "../../src/eservices/tables.js";
import type { Definition } from "../../src/forms/engine/definition.js";
import { devMessages } from "../../src/platform/messaging/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, type Choices, demoDefinition, pageOf, submit } from "../support/apply.js";
import { Client } from "../support/client.js";
import { disguisedProgram, pdfOfSize, samplePdf } from "../support/files.js";
import { type DemoPerson, demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const def = demoDefinition;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

const emails = demoEmails;
const as = (who: DemoPerson) => signedInAs(t.app, who);

/** Answers that keep each demo e-service away from its stop pages. */
const choices: Record<string, Choices> = {
  "customs-duty-calculation": { "gulf-origin": "no" },
};

/** Who applies for each demo e-service (its eligibility). */
function applicantFor(d: Definition): DemoPerson {
  const allowed = d.eligibility.residency;
  return !allowed || allowed.includes("resident") ? "resident" : "citizen";
}

async function caseByRef(reference: string) {
  const [row] = await db().select().from(cases).where(eq(cases.reference, reference));
  if (!row) throw new Error(`no case ${reference}`);
  return row;
}

/** The email sent to someone (the outbox is sent first, as its worker would). */
async function mailTo(email: string) {
  await t.app.outbox.runOnce();
  return db()
    .select()
    .from(devMessages)
    .where(and(eq(devMessages.recipient, email), eq(devMessages.channel, "email")));
}

describe("a full application of every demo e-service", () => {
  it("ships the nine e-services, listed by the API", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/eservices" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      total: number;
      items: { id: string; version: number; agency: string; title: { ar: string; en: string } }[];
    };
    expect(body.total).toBe(9);
    expect(body.items.map((i) => i.id).sort()).toEqual(
      loadDefinitionFiles()
        .map((d) => d.slug)
        .sort(),
    );
    const first = body.items[0];
    expect(first).toMatchObject({
      version: def(first?.id ?? "").version,
      title: { ar: expect.any(String), en: expect.any(String) },
    });
  });

  for (const slug of loadDefinitionFiles().map((d) => d.slug)) {
    it(slug, async () => {
      const d = def(slug);
      const who = applicantFor(d);
      const client = await as(who);
      const check = await answerAll(client, d, choices[slug]);
      const page = await client.get(check);
      expect(page.body).toContain("Check your answers");
      const reference = await submit(client, check);
      expect(reference).toMatch(new RegExp(`^HK-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`));
      const kase = await caseByRef(reference);
      // With a fee, the request waits for payment before it reaches the agency.
      const status = Number(kase.feeAmount) > 0 ? "payment-due" : "submitted";
      const agency = d.routeTo ? kase.answers[d.routeTo] : d.agency;
      expect(kase).toMatchObject({ eservice: slug, version: d.version, agency, status });
      expect(kase.dueAt.getTime()).toBeGreaterThan(kase.submittedAt.getTime());
      const confirmation = await client.get(`/en/my/requests/${reference}?submitted=1`);
      expect(confirmation.statusCode).toBe(200);
      expect(confirmation.body).toContain(status === "submitted" ? "Application sent" : "Pay the fee to send your application");
      expect(confirmation.body).toContain(reference);
      const receipt = await client.get(`/en/my/requests/${reference}/receipt`);
      expect(receipt.statusCode).toBe(200);
      expect(receipt.body).toContain(reference);
      const mail = await mailTo(emails[who]);
      expect(mail.some((m) => m.body.includes(reference))).toBe(true);
      // The files sent are the case's now, and no longer the draft's.
      const files = await db().select().from(uploads).where(eq(uploads.caseId, kase.id));
      const questionsWithFiles = d.pages.flatMap((p) => ("questions" in p ? p.questions : [])).filter((q) => q.type === "file");
      if (questionsWithFiles.some((q) => q.required)) expect(files.length).toBeGreaterThan(0);
    });
  }

  it("shows the customs calculation before sending", async () => {
    const client = await as("resident");
    const check = await answerAll(client, def("customs-duty-calculation"), { "gulf-origin": "no", "declared-value": "12000" });
    const page = await client.get(check);
    expect(page.body).toContain("QAR 600");
  });

  it("in Arabic too, from the same definition", async () => {
    const client = await as("citizen");
    const check = await answerAll(client, def("suggestion-or-complaint"), {}, "");
    const page = await client.get(check);
    expect(page.body).toContain("راجع إجاباتك قبل إرسال طلبك");
    expect(page.body).toContain('lang="ar"');
  });
});

describe("drafts", () => {
  it("are saved at every page, listed in My Hukoomi and resumed on another device", async () => {
    const d = def("exit-permit");
    const laptop = await as("resident");
    await laptop.get(`/en/eservices/${d.slug}`);
    const start = await laptop.post(`/en/eservices/${d.slug}/start`, {});
    const first = String(start.headers.location);
    await laptop.get(first);
    const firstPage = d.pages[0];
    if (!firstPage || !("questions" in firstPage)) throw new Error("no first page");
    const q = firstPage.questions[0];
    if (q?.type !== "radios") throw new Error("expected a radios question first");
    const answered = await laptop.post(first, { [q.id]: q.options[0]?.value ?? "", destination: "Oman" });
    expect(answered.statusCode).toBe(303);
    const phone = await as("resident");
    const my = await phone.get("/en/my");
    expect(my.body).toContain(`Continue: ${d.title.en}`);
    const link = new RegExp(`href="(/en/eservices/${d.slug}/${pageOf(first).draft}/[a-z0-9-]+)"`).exec(my.body)?.[1];
    expect(link).toBeDefined();
    expect(pageOf(String(link)).page).not.toBe(firstPage.id);
    const resumed = await phone.get(String(link));
    expect(resumed.statusCode).toBe(200);
    // Going back shows the answer given on the other device.
    const back = await phone.get(first);
    expect(back.body).toMatch(new RegExp(`value="${q.options[0]?.value}"[^>]*checked`));
  });

  it("refuse bad answers with messages beside the fields, in either language, keeping what was saved", async () => {
    const d = def("residence-permit-renewal");
    const client = await as("resident");
    const check = await answerAll(client, d);
    const { draft } = pageOf(check.replace("/check", "/x"));
    const [before] = await db().select().from(drafts).where(eq(drafts.id, draft));
    const datePage = d.pages.find((p) => "questions" in p && p.questions.some((q) => q.type === "date"));
    if (!datePage || !("questions" in datePage)) throw new Error("no date page");
    const dateQ = datePage.questions.find((q) => q.type === "date");
    if (!dateQ) throw new Error("no date question");
    for (const [prefix, summary] of [
      ["/en", "There is a problem"],
      ["", "هناك مشكلة"],
    ] as const) {
      const url = `${prefix}/eservices/${d.slug}/${draft}/${datePage.id}?change=1`;
      await client.get(url);
      const res = await client.post(url, { [`${dateQ.id}-day`]: "31", [`${dateQ.id}-month`]: "2", [`${dateQ.id}-year`]: "2027" });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(summary);
      expect(res.body).toContain(`href="#${dateQ.id}-day"`);
      expect(res.body).toContain('value="31"');
    }
    const [after] = await db().select().from(drafts).where(eq(drafts.id, draft));
    expect(after?.answers[dateQ.id]).toEqual(before?.answers[dateQ.id]);
  });

  it("are reminded before they expire, then removed with their files", async () => {
    const d = def("labour-complaint");
    const client = await as("resident");
    const check = await answerAll(client, d);
    const { draft } = pageOf(check.replace("/check", "/x"));
    const files = await db().select().from(uploads).where(eq(uploads.draftId, draft));
    expect(files.length).toBeGreaterThan(0);
    await db()
      .update(drafts)
      .set({ expiresAt: new Date(Date.now() + 86_400_000) })
      .where(eq(drafts.id, draft));
    const first = await t.app.draftJobs.runOnce();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const again = await t.app.draftJobs.runOnce();
    expect(again.reminded).toBe(0);
    expect((await mailTo(emails.resident)).some((m) => m.subject?.includes("will be deleted soon"))).toBe(true);
    await db()
      .update(drafts)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(drafts.id, draft));
    const removed = await t.app.draftJobs.runOnce();
    expect(removed.removed).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(drafts).where(eq(drafts.id, draft))).toHaveLength(0);
    expect(await db().select().from(uploads).where(eq(uploads.draftId, draft))).toHaveLength(0);
    for (const f of files) expect(await t.storage.get(f.storageKey)).toBeUndefined();
  });
});

describe("submitting", () => {
  it("twice, or twice at once, makes one case", async () => {
    const d = def("suggestion-or-complaint");
    const client = await as("citizen");
    const check = await answerAll(client, d);
    const submitUrl = check.replace(/\/check$/, "/submit");
    await client.get(check);
    const [a, b] = await Promise.all([
      client.post(submitUrl, { declaration: "yes" }),
      client.post(submitUrl, { declaration: "yes" }),
    ]);
    const c = await client.post(submitUrl, { declaration: "yes" });
    const refs = [a, b, c].map((r) => /HK-[A-Z0-9-]{9}/.exec(String(r.headers.location))?.[0]);
    expect(new Set(refs).size).toBe(1);
    const { draft } = pageOf(check.replace("/check", "/x"));
    expect(await db().select().from(cases).where(eq(cases.draftId, draft))).toHaveLength(1);
  });

  it("needs the declaration", async () => {
    const client = await as("citizen");
    const check = await answerAll(client, def("suggestion-or-complaint"));
    await client.get(check);
    const res = await client.post(check.replace(/\/check$/, "/submit"), {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Confirm the declaration");
  });
});

describe("files", () => {
  async function filePage() {
    const d = def("labour-complaint");
    const client = await as("resident");
    await client.get(`/en/eservices/${d.slug}`);
    const start = await client.post(`/en/eservices/${d.slug}/start`, {});
    const { draft } = pageOf(String(start.headers.location));
    const page = d.pages.find((p) => "questions" in p && p.questions.some((q) => q.type === "file"));
    if (!page || !("questions" in page)) throw new Error("no file page");
    const q = page.questions.find((x) => x.type === "file");
    if (q?.type !== "file") throw new Error("no file question");
    // Reach the page by answering those before it.
    const check = await answerAll(client, d);
    const { draft: full } = pageOf(check.replace("/check", "/x"));
    return { client, d, url: `/en/eservices/${d.slug}/${full}/${page.id}?change=1`, q, draft, page };
  }

  it("refuses a program disguised as a PDF, and a file over the size limit, with a message", async () => {
    const { client, url, q } = await filePage();
    await client.get(url);
    const disguised = await client.postMultipart(url, {}, [
      { field: q.id, filename: "payslip.pdf", type: "application/pdf", data: disguisedProgram },
    ]);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain("The file payslip.pdf is not a");
    const big = await client.postMultipart(url, {}, [
      { field: q.id, filename: "big.pdf", type: "application/pdf", data: pdfOfSize(q.maxBytes + 1024) },
    ]);
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain("The file big.pdf is too large");
    const huge = await client.postMultipart(url, {}, [
      { field: q.id, filename: "huge.pdf", type: "application/pdf", data: pdfOfSize(21 * 1024 * 1024) },
    ]);
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain("The file huge.pdf is too large");
  });

  it("serves a file under a name whose extension matches what it is, not what it was called", async () => {
    const { client, url, q } = await filePage();
    const res = await client.postMultipart(url, {}, [
      { field: q.id, filename: "passport.html", type: "text/html", data: samplePdf },
    ]);
    expect(res.statusCode).toBe(303);
    const [file] = await db().select().from(uploads).where(eq(uploads.name, "passport.html"));
    if (!file) throw new Error("no file");
    const served = await client.get(`/en/files/${file.id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("application/pdf");
    expect(served.headers["content-disposition"]).toBe(`attachment; filename="passport.pdf"; filename*=UTF-8''passport.pdf`);
  });

  it("refuses a multipart post without the anti-forgery token", async () => {
    const { client, url, q } = await filePage();
    const res = await client.postMultipart(url, { _csrf: "wrong" }, [
      { field: q.id, filename: "a.pdf", type: "application/pdf", data: samplePdf },
    ]);
    expect(res.statusCode).toBe(403);
  });

  it("refuses files from someone signed out before reading them", async () => {
    const { url, q } = await filePage();
    const stranger = new Client(t.app);
    await stranger.get("/en/sign-in");
    const res = await stranger.postMultipart(url, {}, [
      { field: q.id, filename: "a.pdf", type: "application/pdf", data: samplePdf },
    ]);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain("Sign in before sending files");
  });
});

describe("access to requests and files", () => {
  it("an applicant cannot read another's case, draft or file (404)", async () => {
    const owner = await as("resident");
    const check = await answerAll(owner, def("labour-complaint"));
    const { draft } = pageOf(check.replace("/check", "/x"));
    const reference = await submit(owner, check);
    const kase = await caseByRef(reference);
    const [file] = await db().select().from(uploads).where(eq(uploads.caseId, kase.id));
    if (!file) throw new Error("no file");
    expect((await owner.get(`/en/files/${file.id}`)).statusCode).toBe(200);
    const other = await as("citizen");
    expect((await other.get(`/en/my/requests/${reference}`)).statusCode).toBe(404);
    expect((await other.get(`/en/my/requests/${reference}/receipt`)).statusCode).toBe(404);
    expect((await other.get(`/en/files/${file.id}`)).statusCode).toBe(404);
    expect((await other.get(`/en/eservices/labour-complaint/${draft}/check`)).statusCode).toBe(404);
    expect((await other.get(`/en/workspace/cases/${reference}`)).statusCode).toBe(403);
    const anonymous = new Client(t.app);
    expect((await anonymous.get(`/en/files/${file.id}`)).statusCode).toBe(303);
  });

  it("an officer of another agency cannot open the case or its files", async () => {
    const applicant = await as("resident");
    const reference = await submit(
      applicant,
      await answerAll(applicant, def("customs-duty-calculation"), choices["customs-duty-calculation"]),
    );
    const kase = await caseByRef(reference);
    const [file] = await db().select().from(uploads).where(eq(uploads.caseId, kase.id));
    const officer = await as("officer");
    expect((await officer.get(`/en/workspace/cases/${reference}`)).statusCode).toBe(404);
    if (file) expect((await officer.get(`/en/files/${file.id}`)).statusCode).toBe(404);
    const queue = await officer.get("/en/workspace/cases");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).not.toContain(reference);
    await officer.get(`/en/workspace/cases`);
    const forced = await officer.post(`/en/workspace/cases/${reference}/decide`, { decision: "approve", reason: "" });
    expect(forced.statusCode).toBe(404);
    expect((await caseByRef(reference)).status).toBe(kase.status);
    const admin = await as("admin");
    expect((await admin.get(`/en/workspace/cases/${reference}`)).statusCode).toBe(200);
  });
});

describe("suggestions and complaints", () => {
  it("go to the queue of the body they are about, chosen from the agencies, and the sender follows them", async () => {
    const citizen = await as("citizen");
    const start = await answerAll(citizen, def("suggestion-or-complaint"), { "agency-name": "ministry-of-interior" });
    const check = await citizen.get(start);
    expect(check.body).toContain("Ministry of Interior");
    const reference = await submit(citizen, start);
    const kase = await caseByRef(reference);
    expect(kase).toMatchObject({ agency: "ministry-of-interior", queue: "suggestions", status: "submitted" });
    const officer = await as("officer");
    expect((await officer.get("/en/workspace/cases")).body).toContain(reference);
    expect((await citizen.get("/en/my/requests")).body).toContain(reference);
    // Not an agency: refused beside the field.
    const other = await answerAll(citizen, def("suggestion-or-complaint"), { "agency-name": "ministry-of-interior" });
    const page = other.replace(/\/check$/, "/agency");
    const refused = await citizen.post(page, { "agency-name": "not-an-agency" });
    expect(refused.statusCode).toBe(400);
  });
});

describe("the back office", () => {
  it("queue, assignment, a request for information, the answer, approval; the applicant follows each step", async () => {
    const applicant = await as("resident");
    const reference = await submit(applicant, await answerAll(applicant, def("exit-permit")));
    const officer = await as("officer");
    const queue = await officer.get("/en/workspace/cases?status=submitted&eservice=exit-permit");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(reference);
    expect(queue.body).toContain("Received");
    const open = await officer.get(`/en/workspace/cases/${reference}`);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain("Anil Kumar Menon");
    const officerId = /name="assignee"[\s\S]*?<option value="([0-9a-f-]{36})"[^>]*selected/.exec(open.body)?.[1];
    expect(officerId).toBeDefined();
    expect((await officer.post(`/en/workspace/cases/${reference}/assign`, { assignee: String(officerId) })).statusCode).toBe(303);
    expect((await caseByRef(reference)).status).toBe("in-review");
    const mine = await officer.get("/en/workspace/cases?assigned=me");
    expect(mine.body).toContain(reference);

    await officer.get(`/en/workspace/cases/${reference}`);
    const empty = await officer.post(`/en/workspace/cases/${reference}/request-info`, { question: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Write the question for the applicant");
    const asked = await officer.post(`/en/workspace/cases/${reference}/request-info`, {
      question: "Please send a clearer copy of your passport.",
    });
    expect(asked.statusCode).toBe(303);
    const before = await caseByRef(reference);
    expect(before.status).toBe("info-requested");
    expect((await mailTo(emails.resident)).some((m) => m.body.includes("Please send a clearer copy of your passport."))).toBe(
      true,
    );

    const mine2 = await applicant.get(`/en/my/requests/${reference}`);
    expect(mine2.body).toContain("Please send a clearer copy of your passport.");
    expect(mine2.body).toContain("Waiting for you");
    const noAnswer = await applicant.postMultipart(`/en/my/requests/${reference}/respond`, { answer: "" });
    expect(noAnswer.statusCode).toBe(400);
    const answered = await applicant.postMultipart(`/en/my/requests/${reference}/respond`, { answer: "Here it is." }, [
      { field: "files", filename: "passport.pdf", type: "application/pdf", data: samplePdf },
    ]);
    expect(answered.statusCode).toBe(303);
    const after = await caseByRef(reference);
    expect(after.status).toBe("in-review");
    expect(after.dueAt.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime());

    const casePage = await officer.get(`/en/workspace/cases/${reference}`);
    // The officer reads the documents, then the applicant's answers (not "your application"), then the history, then decides.
    const order = [">Documents sent<", ">The applicant's answers<", ">History<", ">Decide<"].map((h) => casePage.body.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(casePage.body).not.toContain("Your application");
    expect(casePage.body).toContain(`action="/en/workspace/cases/${reference}/decide/confirm"`);
    // Deciding is asked again first: the confirmation says what will be recorded and changes nothing yet.
    const confirm = await officer.post(`/en/workspace/cases/${reference}/decide/confirm`, {
      decision: "approve",
      reason: "All documents in order.",
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Approve request ${reference}?`);
    expect(confirm.body).toContain('name="reason" value="All documents in order."');
    expect(confirm.body).toContain(`action="/en/workspace/cases/${reference}/decide"`);
    expect((await caseByRef(reference)).status).toBe("in-review");
    const refuseFirst = await officer.post(`/en/workspace/cases/${reference}/decide/confirm`, { decision: "reject", reason: "" });
    expect(refuseFirst.statusCode).toBe(400);
    expect(refuseFirst.body).toContain("Give the reason for rejecting");
    const arabicConfirm = await officer.post(`/workspace/cases/${reference}/decide/confirm`, {
      decision: "reject",
      reason: "ناقص",
    });
    expect(arabicConfirm.body).toContain(`رفض الطلب \u2068${reference}\u2069؟`);
    const noReason = await officer.post(`/en/workspace/cases/${reference}/decide`, { decision: "reject", reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Give the reason for rejecting");
    const approved = await officer.post(`/en/workspace/cases/${reference}/decide`, {
      decision: "approve",
      reason: "All documents in order.",
    });
    expect(approved.statusCode).toBe(303);
    const decided = await caseByRef(reference);
    expect(decided.status).toBe("approved");
    expect(decided.decidedAt).not.toBeNull();
    const again = await officer.post(`/en/workspace/cases/${reference}/decide`, {
      decision: "reject",
      reason: "Changed my mind",
    });
    expect(again.statusCode).toBe(303);
    expect((await caseByRef(reference)).status).toBe("approved");

    const final = await applicant.get(`/en/my/requests/${reference}`);
    expect(final.body).toContain("Your request was approved.");
    expect(final.body).toContain("You answered the agency:");
    expect(final.body).not.toContain("Marwan");
    const events = await db().select().from(caseEvents).where(eq(caseEvents.caseId, decided.id));
    expect(events.map((e) => e.kind)).toEqual(["submitted", "assigned", "info-requested", "info-provided", "approved"]);
    const dashboard = await applicant.get("/en/my");
    expect(dashboard.body).toContain(reference);
    expect(dashboard.body).toContain("Opened your request");
    expect(dashboard.body).toContain("Used your details to fill in a form");
  });

  it("counts cases by status, filters by date and due date, and flags overdue ones", async () => {
    const applicant = await as("resident");
    const reference = await submit(applicant, await answerAll(applicant, def("exit-permit")));
    const kase = await caseByRef(reference);
    await db()
      .update(cases)
      .set({ dueAt: new Date(Date.now() - 86_400_000) })
      .where(eq(cases.id, kase.id));
    const officer = await as("officer");
    const overdue = await officer.get("/en/workspace/cases?due=overdue");
    expect(overdue.body).toContain(reference);
    expect(overdue.body).toContain("Overdue");
    const today = new Date().toISOString().slice(0, 10);
    expect((await officer.get(`/en/workspace/cases?from=${today}`)).body).toContain(reference);
    expect((await officer.get("/en/workspace/cases?to=2020-01-01")).body).not.toContain(reference);
    const bad = await officer.get("/en/workspace/cases?from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the date as year-month-day");
    const citizen = await as("citizen");
    expect((await citizen.get("/en/workspace/cases")).statusCode).toBe(403);
  });
});

describe("versions", () => {
  it("a new version is used by new applications; drafts and requests keep the version they were made with", async () => {
    const v1 = def("suggestion-or-complaint");
    const client = await as("citizen");
    const check = await answerAll(client, v1);
    const { draft } = pageOf(check.replace("/check", "/x"));
    // The files as shipped are what is stored: starting again (with agencies in the catalogue) finds no conflict.
    expect((await publishDefinitions(db(), loadDefinitionFiles())).conflicts).toEqual([]);
    const v2 = structuredClone(v1);
    v2.version = v1.version + 1;
    v2.title = { ar: `${v1.title.ar} (محدّث)`, en: `${v1.title.en} (updated)` };
    expect((await publishDefinitions(db(), [v2])).published).toEqual([`suggestion-or-complaint v${v2.version}`]);
    // Publishing the same version again with other content is refused as a conflict; the published one stays.
    const changed = { ...v2, summary: { ar: "ملخص آخر", en: "Another summary" } };
    expect((await publishDefinitions(db(), [changed])).conflicts).toEqual([`suggestion-or-complaint v${v2.version}`]);

    const api = (await t.app.inject({ method: "GET", url: "/api/v1/eservices" })).json() as {
      items: { id: string; version: number; summary: { en: string } }[];
    };
    expect(api.items.find((i) => i.id === v1.slug)).toMatchObject({ version: v2.version, summary: { en: v1.summary.en } });

    const oldCheck = await client.get(check);
    expect(oldCheck.body).not.toContain("(updated)");
    const reference = await submit(client, check);
    expect((await caseByRef(reference)).version).toBe(v1.version);
    expect(await db().select().from(drafts).where(eq(drafts.id, draft))).toHaveLength(0);

    const newer = await client.get(`/en/eservices/${v1.slug}`);
    expect(newer.body).toContain("(updated)");
    const reference2 = await submit(client, await answerAll(client, v2));
    expect((await caseByRef(reference2)).version).toBe(v2.version);
  });
});

describe("who may apply", () => {
  it("a visitor is told the residence permit renewal is for residents, and cannot start it", async () => {
    const visitor = await as("visitor");
    const page = await visitor.get("/en/eservices/residence-permit-renewal");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("You cannot apply for this service");
    expect(page.body).toContain("This service is for: Resident.");
    expect(page.body).not.toContain('action="/en/eservices/residence-permit-renewal/start"');
    const forced = await visitor.post("/en/eservices/residence-permit-renewal/start", {});
    expect(forced.statusCode).toBe(403);
    expect(forced.body).toContain("You cannot apply for this service");
  });

  it("a signed-out visitor is asked to sign in first, and comes back to the e-service", async () => {
    const anonymous = new Client(t.app);
    const page = await anonymous.get("/en/eservices/exit-permit");
    expect(page.body).toContain('href="/en/sign-in?returnTo=%2Fen%2Feservices%2Fexit-permit"');
    const start = await anonymous.post("/en/eservices/exit-permit/start", {});
    expect(start.statusCode).toBe(303);
    expect(String(start.headers.location)).toContain("/en/sign-in?returnTo=");
  });
});
