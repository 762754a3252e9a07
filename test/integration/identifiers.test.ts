import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import { Client } from "../support/client.js";
import { signedInAs } from "../support/people.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(t.db.database.db);
});
afterAll(async () => t.close());

const arabicIndic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const persian = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

async function signIn(prefix: "" | "/en", identifier: string) {
  const client = new Client(t.app);
  await client.get(`${prefix}/sign-in`);
  return client.post(`${prefix}/sign-in`, { identifier, password: DEMO_PASSWORD });
}

describe("sign-in reads identifiers as people type them", () => {
  it("takes a QID in Arabic-Indic or Persian digits, with spaces or dashes, in both languages", async () => {
    for (const [prefix, typed] of [
      ["", arabicIndic("286 634 00101")],
      ["/en", persian("286-634-00101")],
      ["/en", " 28663400101 "],
    ] as const) {
      const res = await signIn(prefix, typed);
      expect(res.statusCode, typed).toBe(303);
      expect(res.headers.location, typed).toBe(`${prefix}/my`);
    }
  });

  it("takes a passport number in any case with spaces, and an email in capitals", async () => {
    // Sign-in keeps the language it was made in.
    expect((await signIn("/en", "p 482 0193")).headers.location).toBe("/en/my");
    expect((await signIn("", arabicIndic("p4820193"))).headers.location).toBe("/my");
    expect((await signIn("/en", "CITIZEN@demo.hukoomi.example")).headers.location).toBe("/en/my");
  });
});

describe("registration", () => {
  it("reports every problem of an empty form in one pass, the missing QID too, in the page's order", async () => {
    for (const [prefix, qidMessage, nameMessage] of [
      ["/en", "Enter your Qatari ID number", "Enter your full name in Arabic"],
      ["", "أدخل رقم بطاقتك الشخصية", "أدخل اسمك الكامل بالعربية"],
    ] as const) {
      const client = new Client(t.app);
      await client.get(`${prefix}/register`);
      const res = await client.post(`${prefix}/register`, { idType: "qid" });
      expect(res.statusCode).toBe(400);
      const summary = res.body.slice(
        res.body.indexOf("error-summary"),
        res.body.indexOf("</ul>", res.body.indexOf("error-summary")),
      );
      const links = [...summary.matchAll(/<a href="#([\w-]+)">/g)].map((m) => m[1]);
      expect(links).toEqual(["qid", "nameAr", "nameEn", "nationality", "residency", "phone", "email", "password"]);
      expect(res.body).toContain(qidMessage);
      expect(res.body).toContain(nameMessage);
    }
  });

  it("checks only the chosen identity document, and shows only its fields where the browser can", async () => {
    const client = new Client(t.app);
    const form = await client.get("/en/register");
    expect(form.body).toMatch(/class="identity-choice__qid"[\s\S]*name="qid"/);
    expect(form.body).toMatch(/class="identity-choice__passport"[\s\S]*name="passportNumber"/);
    const css = await new Client(t.app).get("/assets/css/hukoomi.css");
    expect(css.body).toContain(".identity-choice:has(#idType-2:checked) .identity-choice__qid");
    const res = await client.post("/en/register", {
      idType: "passport",
      qid: "not read",
      passportNumber: "",
      passportCountry: "",
    });
    const summary = res.body.slice(
      res.body.indexOf("error-summary"),
      res.body.indexOf("</ul>", res.body.indexOf("error-summary")),
    );
    expect(summary).not.toContain('href="#qid"');
    expect(summary).toContain('href="#passportNumber"');
    expect(summary).toContain('href="#passportCountry"');
  });
});

describe("/verify says what is wrong with a code that cannot be one", () => {
  it("counts the characters of a code of the wrong length, in both languages", async () => {
    const en = await new Client(t.app).get(`/en/verify?code=${encodeURIComponent("KQ7D-XA3")}`);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain("A verification code has 8 letters and numbers, and you entered 7 characters");
    const ar = await new Client(t.app).get(`/verify?code=${encodeURIComponent("KQ7D-XA3")}`);
    expect(ar.statusCode).toBe(400);
    expect(ar.body).toContain("رمز التحقق 8 حروف وأرقام، وقد أدخلت 7 أحرف");
  });

  it("names the characters no code uses, and never calls a typing slip a document Hukoomi did not issue", async () => {
    const en = await new Client(t.app).get(`/en/verify/${encodeURIComponent("KQ7D-XAO1")}`);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain("a verification code never contains O 1");
    expect(en.body).not.toContain("No document has this code");
    const ar = await new Client(t.app).get(`/verify?code=${encodeURIComponent("kq7d-xa30")}`);
    expect(ar.statusCode).toBe(400);
    // The characters are isolated from the Arabic around them (U+2068 … U+2069).
    expect(ar.body).toMatch(/رمز التحقق لا يحتوي أبداً على \u2068?0\u2069?/);
  });

  it("reads a code in Arabic-Indic digits with Arabic dashes and goes to its page", async () => {
    const res = await new Client(t.app).get(`/verify?code=${encodeURIComponent(arabicIndic("kq7d–xa3m"))}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/verify/KQ7D-XA3M");
  });
});

describe("references and applicants' IDs, however typed, on the request page and the officers' queue", () => {
  it("finds a case by its reference in lower case with Arabic-Indic digits, and by the applicant's QID", async () => {
    const applicant = await signedInAs(t.app, "resident");
    const reference = await submit(applicant, await answerAll(applicant, demoDefinition("exit-permit")));
    const messy = arabicIndic(reference.toLowerCase().replace(/-/g, " – "));
    const own = await applicant.get(`/en/my/requests/${encodeURIComponent(messy)}`);
    expect([200, 303]).toContain(own.statusCode);
    const officer = await signedInAs(t.app, "officer");
    const byReference = await officer.get(`/en/workspace/cases?find=${encodeURIComponent(messy)}`);
    expect(byReference.statusCode).toBe(200);
    expect(byReference.body).toContain(reference);
    expect(byReference.body).toMatch(/>1 case</);
    const byQid = await officer.get(`/workspace/cases?find=${encodeURIComponent(persian("290 356 00102"))}`);
    expect(byQid.statusCode).toBe(200);
    expect(byQid.body).toContain(reference);
    const nobody = await officer.get(`/en/workspace/cases?find=${encodeURIComponent("28663400101")}`);
    expect(nobody.body).not.toContain(reference);
  });

  it("says what the search box takes when it cannot read it, in both languages", async () => {
    const officer = await signedInAs(t.app, "officer");
    const en = await officer.get(`/en/workspace/cases?find=${encodeURIComponent("??")}`);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain("Enter a reference like HK-7KMD-3XQA, a QID of 11 digits or a passport number");
    const ar = await officer.get(`/workspace/cases?find=${encodeURIComponent("؟؟")}`);
    expect(ar.statusCode).toBe(400);
    expect(ar.body).toContain("أدخل رقماً مرجعياً مثل HK-7KMD-3XQA");
  });
});
