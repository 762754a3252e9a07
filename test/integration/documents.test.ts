// Over 400 lines on purpose: issued documents, their signing key, expiry reminders and renewal share one demo portal, built once for the file.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { issueDocument } from "../../src/documents/issue.js";
import { findDocumentByCode, type IssuedDocument, insertDocument } from "../../src/documents/repository.js";
import { rotateSigningKey, signingKey, verifySignature } from "../../src/documents/signing.js";
import { documents, signingKeys } from "../../src/documents/tables.js";
import { validUntilFor, validUntilFrom } from "../../src/documents/validity.js";
import { type Case, submitCase } from "../../src/eservices/repository/cases.js";
import { cases, drafts } from "../../src/eservices/tables.js";
import { notifications } from "../../src/notifications/tables.js";
import { addDays, dohaDate as isoDay } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;
const def = demoDefinition;
const RENEWAL = "residence-permit-renewal";

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

async function caseByRef(reference: string): Promise<Case> {
  const [row] = await db().select().from(cases).where(eq(cases.reference, reference));
  if (!row) throw new Error(`no case ${reference}`);
  return row;
}

/** The fee paid (the payment journey has its own tests): the request reaches the agency. */
async function paid(reference: string): Promise<string> {
  await db()
    .update(cases)
    .set({ status: "submitted" })
    .where(and(eq(cases.reference, reference), eq(cases.status, "payment-due")));
  return reference;
}

async function documentsOfCase(caseId: string): Promise<IssuedDocument[]> {
  return db().select().from(documents).where(eq(documents.caseId, caseId));
}

async function resident() {
  const user = await findUserByEmail(db(), demoEmails.resident);
  if (!user) throw new Error("no resident");
  return user;
}

/**
 * A further case like an approved one, made directly (for documents issued on other days); without the
 * current permit's expiry, so its validity counts from the day it is issued.
 */
async function copyOf(kase: Case): Promise<Case> {
  const draftId = randomUUID();
  const { "expiry-date": _expiry, ...answers } = kase.answers;
  const { case: copy } = await submitCase(db(), {
    draftId,
    userId: kase.userId,
    eservice: kase.eservice,
    version: kase.version,
    agency: kase.agency,
    queue: kase.queue,
    answers,
    fee: 0,
    targetDays: 2,
    files: [],
  });
  await db().update(cases).set({ status: "approved", decidedAt: new Date() }).where(eq(cases.id, copy.id));
  return { ...copy, status: "approved" };
}

/** A residence permit issued `daysAgo` days ago for two years. */
async function issuedDaysAgo(kase: Case, daysAgo: number): Promise<IssuedDocument> {
  return issueDocument(db(), {
    kase: await copyOf(kase),
    definition: def(RENEWAL),
    holder: await resident(),
    now: new Date(Date.now() - daysAgo * 86_400_000),
  });
}

describe("the signing key", () => {
  it("is made on first use, once, even when several instances ask at the same moment", async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => signingKey(db())));
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    expect(await db().select().from(signingKeys)).toHaveLength(1);
  });
});

describe("issued documents", () => {
  let applicant: Client;
  let kase: Case;
  let doc: IssuedDocument;

  it("approving a request of an e-service that issues one creates one signed document, never two", async () => {
    applicant = await signedInAs(t.app, "resident");
    const reference = await paid(
      await submit(applicant, await answerAll(applicant, def(RENEWAL), { years: "2", "sponsor-name": "Gulf Trading" })),
    );
    const officer = await signedInAs(t.app, "officer");
    await officer.get(`/en/workspace/cases/${reference}`);
    const approved = await officer.post(`/en/workspace/cases/${reference}/decide`, { decision: "approve", reason: "" });
    expect(approved.statusCode).toBe(303);
    kase = await caseByRef(reference);
    expect(kase.status).toBe("approved");

    const issued = await documentsOfCase(kase.id);
    expect(issued).toHaveLength(1);
    doc = issued[0] as IssuedDocument;
    expect(doc.code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{4}-[ACDEFGHJKMNPQRTWXY34679]{4}$/);
    expect(doc).toMatchObject({
      userId: kase.userId,
      agency: "ministry-of-interior",
      type: "residence-permit",
      titleEn: "Residence permit",
      holderEn: "Anil Kumar",
      renewWith: RENEWAL,
      revokedAt: null,
    });
    // Two years (the years the applicant chose) from the day after the current permit expires, later than the approval.
    const expiry = String(kase.answers["expiry-date"]);
    expect(expiry > isoDay(doc.issuedAt)).toBe(true);
    expect(doc.validUntil).toBe(validUntilFrom(addDays(expiry, 1), 24));
    expect(doc.fields.map((f) => f.label.en)).toEqual([
      "Qatari ID number",
      "Sponsor or employer",
      "Address in Qatar",
      "Request reference",
    ]);
    expect(doc.fields.find((f) => f.label.en === "Sponsor or employer")?.value).toEqual({
      ar: "Gulf Trading",
      en: "Gulf Trading",
    });
    expect(doc.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await verifySignature(db(), doc)).toBe(true);

    // Deciding again changes nothing, and issuing again gives the same document.
    await officer.get(`/en/workspace/cases/${reference}`);
    await officer.post(`/en/workspace/cases/${reference}/decide`, { decision: "approve", reason: "" });
    const again = await issueDocument(db(), { kase, definition: def(RENEWAL), holder: await resident() });
    expect(again.id).toBe(doc.id);
    // The database itself refuses a second document for the case.
    const second = await insertDocument(db(), { ...doc, id: randomUUID(), code: "AAAA-AAAA" });
    expect(second).toBeUndefined();
    expect(await documentsOfCase(kase.id)).toHaveLength(1);
  });

  it("a free e-service issues its document on approval too; a rejected request, or an e-service that issues nothing, makes none", async () => {
    const other = await signedInAs(t.app, "resident");
    const officer = await signedInAs(t.app, "officer");
    const permit = await submit(other, await answerAll(other, def("exit-permit"), { destination: "Oman" }));
    await officer.get(`/en/workspace/cases/${permit}`);
    await officer.post(`/en/workspace/cases/${permit}/decide`, { decision: "approve", reason: "" });
    const [exit] = await documentsOfCase((await caseByRef(permit)).id);
    expect(exit).toMatchObject({ type: "exit-permit", titleEn: "Exit permit", holderEn: "Anil Kumar Menon", renewWith: null });
    expect(exit?.validUntil).toBe(validUntilFor(exit?.issuedAt ?? new Date(), 3));
    expect(exit?.fields.slice(0, 2)).toEqual([
      { label: { ar: "رقم البطاقة الشخصية", en: "Qatari ID number" }, value: { ar: "29035600102", en: "29035600102" } },
      { label: { ar: "الوجهة", en: "Destination" }, value: { ar: "Oman", en: "Oman" } },
    ]);
    expect(exit?.fields.find((f) => f.label.en === "Reason for travel")?.value).toEqual({ ar: "إجازة", en: "Holiday" });

    const complaint = await submit(other, await answerAll(other, def("labour-complaint")));
    await officer.get(`/en/workspace/cases/${complaint}`);
    await officer.post(`/en/workspace/cases/${complaint}/decide`, { decision: "approve", reason: "" });
    expect((await caseByRef(complaint)).status).toBe("approved");
    expect(await documentsOfCase((await caseByRef(complaint)).id)).toHaveLength(0);

    const renewal = await paid(await submit(other, await answerAll(other, def(RENEWAL))));
    await officer.get(`/en/workspace/cases/${renewal}`);
    await officer.post(`/en/workspace/cases/${renewal}/decide`, { decision: "reject", reason: "The passport has expired." });
    expect((await caseByRef(renewal)).status).toBe("rejected");
    expect(await documentsOfCase((await caseByRef(renewal)).id)).toHaveLength(0);
  });

  it("the holder sees it in My documents, on My Hukoomi and on its own printable page with a QR code; no one else does", async () => {
    const list = await applicant.get("/en/my/documents");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(doc.code);
    expect(list.body).toContain("Residence permit");
    expect(list.body).toContain("Valid");
    const dashboard = await applicant.get("/en/my");
    expect(dashboard.body).toContain(doc.code);

    const page = await applicant.get(`/en/my/documents/${doc.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain('role="img"');
    expect(page.body).toMatch(/<svg aria-hidden="true" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(page.body).toContain("QR code for checking this document online");
    expect(page.body).toContain(`${t.baseUrl}/verify/${doc.code}`);
    expect(page.body).toContain("Gulf Trading");
    expect(page.body).toContain("Anil Kumar");
    expect(page.body).toMatch(/href="\/assets\/css\/documents\.css\?v=[0-9a-f]{12}"/);
    // Not due for renewal yet.
    expect(page.body).not.toContain("Renew this document");
    const arabic = await applicant.get(`/my/documents/${doc.code}`);
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain("تصريح إقامة");
    expect(arabic.body).toContain("الكفيل أو صاحب العمل");
    // Typed in lower case, it is the same document.
    expect((await applicant.get(`/en/my/documents/${doc.code.toLowerCase()}`)).statusCode).toBe(200);

    const someoneElse = await signedInAs(t.app, "citizen");
    const refused = await someoneElse.get(`/en/my/documents/${doc.code}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain("Gulf Trading");
    expect((await someoneElse.get("/en/my/documents")).body).not.toContain(doc.code);
    await someoneElse.get("/en/my/documents");
    expect((await someoneElse.post(`/en/my/documents/${doc.code}/renew`, {})).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/en/my/documents/${doc.code}`)).statusCode).toBe(303);
  });

  it("anyone can check it at /verify/<code>: genuine, issued by the agency on the day", async () => {
    const anyone = new Client(t.app);
    const res = await anyone.get(`/en/verify/${doc.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("This document is genuine");
    expect(res.body).toContain("It was issued by Ministry of Interior on");
    expect(res.body).toContain("Anil Kumar");
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(res.headers["x-robots-tag"]).toBe("noindex");
    // Nothing about the holder beyond what the document states.
    expect(res.body).not.toContain("resident@demo.hukoomi.example");
    expect(res.body).not.toContain("+97455500102");
    // Only what a verifier needs: valid or not, the kind of document, the holder's name, the dates. Not its own lines
    // (ID number, sponsor, address, request reference), which only the holder sees.
    expect(doc.fields.length).toBeGreaterThan(0);
    for (const f of doc.fields) expect(res.body, f.label.en).not.toContain(`<bdi>${f.value.en}</bdi>`);
    expect(res.body).not.toContain("Gulf Trading");
    expect(res.body).toContain("Its holder sees everything it states when signed in");
    const holder = await signedInAs(t.app, "resident");
    const own = await holder.get(`/en/verify/${doc.code}`);
    expect(own.body).toContain("Gulf Trading");
    for (const f of doc.fields) expect(own.body, f.label.en).toContain(f.label.en);
    expect(own.body).toContain("This is your document, so you see everything it states");
    const arabic = await anyone.get(`/verify/${doc.code}`);
    expect(arabic.body).toContain("هذا المستند صحيح");
    // The address typed by hand: any case, no dash.
    const typed = await anyone.get(`/en/verify/${doc.code.toLowerCase().replace("-", "")}`);
    expect(typed.statusCode).toBe(303);
    expect(typed.headers.location).toBe(`/en/verify/${doc.code}`);
  });

  it("the form takes the code however it is typed", async () => {
    const anyone = new Client(t.app);
    const form = await anyone.get("/verify");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="code"');
    const messy = ` ${doc.code.toLowerCase().replace("-", " - ")} `;
    const res = await anyone.get(`/en/verify?code=${encodeURIComponent(messy)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/verify/${doc.code}`);
    const indic = doc.code.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    expect((await anyone.get(`/verify?code=${encodeURIComponent(indic)}`)).headers.location).toBe(`/verify/${doc.code}`);
    const empty = await anyone.get("/en/verify?code=");
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the verification code printed on the document");
    const wrong = await anyone.get("/en/verify?code=hello");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("a verification code never contains");
    expect(wrong.body).toContain('value="hello"');
  });

  it("an unknown code is a clear 404", async () => {
    const anyone = new Client(t.app);
    const res = await anyone.get("/en/verify/AAAA-CCCC");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("No document has this code");
    expect(res.body).toContain("AAAA-CCCC");
    const arabic = await anyone.get("/verify/AAAA-CCCC");
    expect(arabic.statusCode).toBe(404);
    expect(arabic.body).toContain("لا يوجد مستند بهذا الرمز");
    // Something that cannot be a code is a typing slip: the form says what to check, not that the document is false.
    const nonsense = await anyone.get("/en/verify/not-a-code");
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.body).not.toContain("No document has this code");
    expect(nonsense.body).toContain("a verification code never contains");
  });

  it("a row changed in the database cannot be verified, and shows nothing of its content", async () => {
    const tampered = await issuedDaysAgo(kase, 0);
    await db().update(documents).set({ holderEn: "Someone Else" }).where(eq(documents.id, tampered.id));
    const res = await new Client(t.app).get(`/en/verify/${tampered.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("This document cannot be verified");
    expect(res.body).not.toContain("Someone Else");
    expect(res.body).not.toContain("This document is genuine");
    // A longer validity is no better.
    const extended = await issuedDaysAgo(kase, 0);
    await db().update(documents).set({ validUntil: "2099-12-31" }).where(eq(documents.id, extended.id));
    expect((await new Client(t.app).get(`/en/verify/${extended.code}`)).body).toContain("This document cannot be verified");
  });

  it("says when a document has expired or was revoked", async () => {
    const expired = await issuedDaysAgo(kase, 800);
    const res = await new Client(t.app).get(`/en/verify/${expired.code}`);
    expect(res.body).toContain("This document has expired");
    const revoked = await issuedDaysAgo(kase, 0);
    await db().update(documents).set({ revokedAt: new Date() }).where(eq(documents.id, revoked.id));
    const page = await new Client(t.app).get(`/en/verify/${revoked.code}`);
    expect(page.body).toContain("This document has been revoked");
    expect((await applicant.get(`/en/my/documents/${revoked.code}`)).body).toContain("The agency revoked this document on");
  });

  it("documents signed with an older key still verify after a new key is added", async () => {
    const before = await issuedDaysAgo(kase, 0);
    const newKey = await rotateSigningKey(db());
    const after = await issuedDaysAgo(kase, 0);
    expect(after.keyId).toBe(newKey);
    expect(before.keyId).not.toBe(newKey);
    expect(await verifySignature(db(), before)).toBe(true);
    expect(await verifySignature(db(), after)).toBe(true);
    expect((await new Client(t.app).get(`/en/verify/${before.code}`)).body).toContain("This document is genuine");
  });
});

describe("expiry reminders and renewal", () => {
  let applicant: Client;
  let expiring: IssuedDocument;

  beforeAll(async () => {
    applicant = await signedInAs(t.app, "resident");
    const reference = await paid(
      await submit(applicant, await answerAll(applicant, def(RENEWAL), { years: "1", "sponsor-name": "Doha Builders" })),
    );
    const officer = await signedInAs(t.app, "officer");
    await officer.get(`/en/workspace/cases/${reference}`);
    await officer.post(`/en/workspace/cases/${reference}/decide`, { decision: "approve", reason: "" });
    const kase = await caseByRef(reference);
    // Issued for one year, 350 days ago (when the permit before it had expired): it expires within the month.
    const [first] = await documentsOfCase(kase.id);
    if (!first) throw new Error("no document");
    await db().delete(documents).where(eq(documents.id, first.id));
    const { "expiry-date": _expiry, ...answers } = kase.answers;
    expiring = await issueDocument(db(), {
      kase: { ...kase, answers },
      definition: def(RENEWAL),
      holder: await resident(),
      now: new Date(Date.now() - 350 * 86_400_000),
    });
  });

  it("reminds the holder once, however many times the job runs", async () => {
    const today = isoDay(new Date());
    expect(expiring.validUntil && expiring.validUntil > today && expiring.validUntil <= addDays(today, 30)).toBe(true);
    const first = await t.app.documentJobs.runOnce();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const second = await t.app.documentJobs.runOnce();
    expect(second.reminded).toBe(0);
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, expiring.userId), eq(notifications.event, "document-expiring")));
    const about = told.filter((n) => n.link === `/my/documents/${expiring.code}`);
    expect(about).toHaveLength(1);
    expect(about[0]?.values).toMatchObject({
      document: { en: "Residence permit", ar: "تصريح إقامة" },
      service: { en: "Renew a residence permit" },
    });
    expect((await findDocumentByCode(db(), expiring.code))?.remindedAt).not.toBeNull();
  });

  it("offers renewal, and starts it with the earlier answers filled in", async () => {
    const list = await applicant.get("/en/my/documents");
    expect(list.body).toContain("Expires soon");
    expect(list.body).toContain(`/en/my/documents/${expiring.code}/renew`);
    const page = await applicant.get(`/en/my/documents/${expiring.code}`);
    expect(page.body).toContain("Renew this document");
    expect(page.body).toContain("Renew a residence permit");
    const res = await applicant.post(`/en/my/documents/${expiring.code}/renew`, {});
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const location = String(res.headers.location);
    const m = /^\/en\/eservices\/residence-permit-renewal\/([0-9a-f-]{36})\/([a-z-]+)$/.exec(location);
    expect(m, location).not.toBeNull();
    // The files are asked for again; everything else is there.
    expect(m?.[2]).toBe("documents");
    const [draft] = await db()
      .select()
      .from(drafts)
      .where(eq(drafts.id, m?.[1] ?? ""));
    expect(draft?.answers).toMatchObject({
      "permit-for": "myself",
      "sponsor-name": "Doha Builders",
      years: "1",
      "health-card": "yes",
      "expiry-date": expiring.validUntil,
    });
    expect(draft?.answers["passport-copy"]).toBeUndefined();
    expect(draft?.answers.photograph).toBeUndefined();
    const next = await applicant.get(location);
    expect(next.statusCode).toBe(200);
    // A document not due for renewal goes back to its page.
    const fresh = await issuedDaysAgo(
      (
        await db()
          .select()
          .from(cases)
          .where(eq(cases.id, expiring.caseId ?? ""))
      )[0] as Case,
      0,
    );
    await applicant.get(`/en/my/documents/${fresh.code}`);
    const early = await applicant.post(`/en/my/documents/${fresh.code}/renew`, {});
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe(`/en/my/documents/${fresh.code}`);
  });

  it("refuses a renewal without the anti-forgery token", async () => {
    const res = await applicant.post(`/en/my/documents/${expiring.code}/renew`, { _csrf: "forged" });
    expect(res.statusCode).toBe(403);
  });
});
