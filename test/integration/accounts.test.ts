// Over 400 lines on purpose: every account journey (registration, codes by text, sign-in and sessions, two-step codes, password reset, profile) shares one demo portal and its SMTP catcher, built once for the file.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { sessions, users } from "../../src/accounts/tables.js";
import { currentTotp } from "../../src/accounts/totp.js";
import { devMessages } from "../../src/platform/messaging/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { startTestMailServer, type TestMailServer } from "../support/smtp.js";

let t: TestApp;
let mail: TestMailServer;
beforeAll(async () => {
  mail = await startTestMailServer();
  t = await createTestApp({ demo: true, env: { SMTP_URL: mail.url } });
  await loadDemoPeople(t.db.database.db);
});
afterAll(async () => {
  await t.close();
  await mail.close();
});

const db = () => t.db.database.db;
let counter = 0;

/** A fresh person's registration form. */
function person(overrides: Record<string, string> = {}) {
  counter += 1;
  return {
    idType: "qid",
    qid: `2906340${String(1000 + counter).slice(-4)}`,
    nameAr: "سالم أحمد الكعبي",
    nameEn: "Salem Ahmed Al-Kaabi",
    nationality: "QA",
    residency: "citizen",
    phone: `5551${String(1000 + counter).slice(-4)}`,
    email: `salem${counter}@example.com`,
    password: "a long and private phrase",
    confirmPassword: "a long and private phrase",
    locale: "en",
    ...overrides,
  };
}

async function lastSmsCode(to: string): Promise<string> {
  const rows = await db().select().from(devMessages).where(eq(devMessages.recipient, to));
  const body = rows.at(-1)?.body ?? "";
  return /\b(\d{6})\b/.exec(body)?.[1] ?? "";
}

async function register(client: Client, fields = person()) {
  await client.get("/en/register");
  const res = await client.post("/en/register", fields);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  return fields;
}

describe("registration", () => {
  it("creates an account confirmed by an SMS code and an email link", async () => {
    const client = new Client(t.app);
    const fields = await register(client);
    const verify = await client.get("/en/register/verify-phone");
    expect(verify.statusCode).toBe(200);
    const code = await lastSmsCode(`+974${fields.phone}`);
    expect(code).toMatch(/^\d{6}$/);
    // A wrong code first, then the right one.
    const wrong = await client.post("/en/register/verify-phone", { code: code === "000000" ? "111111" : "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("The code is not right");
    const ok = await client.post("/en/register/verify-phone", { code });
    expect(ok.headers.location).toBe("/en/my?welcome=1");
    const my = await client.follow(ok);
    expect(my.body).toContain("Welcome, Salem Ahmed Al-Kaabi.");
    expect(my.body).toContain("Confirm your email address");

    const message = await mail.next(fields.email);
    expect(message.subject).toBe("Confirm your email address");
    const link = /http:\/\/portal\.test(\/en\/register\/confirm-email\?token=[\w-]+)/.exec(message.text ?? "")?.[1];
    expect(link).toBeDefined();
    const confirmed = await client.get(link ?? "");
    expect(confirmed.body).toContain("Your email address is confirmed");
    const [user] = await db().select().from(users).where(eq(users.email, fields.email));
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user?.phoneVerifiedAt).toBeInstanceOf(Date);
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    // The link works once.
    expect((await client.get(link ?? "")).statusCode).toBe(400);
  });

  it("accepts Arabic-Indic digits and passports for people abroad", async () => {
    const client = new Client(t.app);
    const f = person();
    const arabicDigits = f.qid.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    await register(client, { ...f, qid: arabicDigits });
    const [user] = await db().select().from(users).where(eq(users.email, f.email));
    expect(user?.qid).toBe(f.qid);
    const abroad = new Client(t.app);
    const p = person({
      idType: "passport",
      qid: "",
      passportNumber: "x1234567",
      passportCountry: "GB",
      nationality: "GB",
      residency: "visitor",
      phone: "+44 7911 123456",
    });
    await register(abroad, p);
    const [visitor] = await db().select().from(users).where(eq(users.email, p.email));
    expect(visitor).toMatchObject({ passportNumber: "X1234567", passportCountry: "GB", phone: "+447911123456" });
  });

  it("refuses bad input with the error summary and messages beside the fields, in both languages", async () => {
    const client = new Client(t.app);
    await client.get("/en/register");
    const cases: [Record<string, string>, string, string][] = [
      [{ nameAr: "" }, "nameAr", "Enter your full name in Arabic"],
      [{ nameAr: "Salem" }, "nameAr", "Write your Arabic name in Arabic letters"],
      [{ nameEn: "سالم" }, "nameEn", "Write your English name in English letters"],
      [{ nameEn: "x".repeat(101) }, "nameEn", "Your name must be 100 characters or fewer"],
      [{ email: "not-an-email" }, "email", "Enter an email address in the right format"],
      [{ password: "short", confirmPassword: "short" }, "password", "at least 10 characters"],
      [{ password: "password123", confirmPassword: "password123" }, "password", "too easy to guess"],
      [{ confirmPassword: "something else" }, "confirmPassword", "The passwords do not match"],
      [{ qid: "123" }, "qid", "Your QID must be 11 digits"],
      [{ qid: "2906340abcd" }, "qid", "Your QID must contain only numbers"],
      [{ phone: "12" }, "phone", "Enter a mobile number in the right format"],
      [{ residency: "" }, "residency", "Select whether you are a citizen"],
    ];
    for (const [change, field, message] of cases) {
      const res = await client.post("/en/register", person(change));
      expect(res.statusCode, field).toBe(400);
      expect(res.body, field).toContain(`<a href="#${field}">`);
      expect(res.body, field).toContain(message);
      expect(res.body, field).toContain(`id="${field}-error"`);
      expect(res.body).not.toContain("a long and private phrase");
    }
    const ar = new Client(t.app);
    await ar.get("/register");
    const res = await ar.post("/register", person({ qid: "123", locale: "ar" }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("يجب أن يتكون رقم البطاقة الشخصية من 11 رقماً");
    expect(res.body).toContain("هناك مشكلة");
  });

  it("never says an email or ID already has an account: the same next step, no account made, the owner told by email", async () => {
    const fresh = new Client(t.app);
    await fresh.get("/en/register");
    const real = await fresh.post("/en/register", person());
    const before = (await db().select().from(users)).length;
    const phone = "55512345";
    for (const taken of [{ email: "citizen@demo.hukoomi.example" }, { qid: "28663400101" }] as Record<string, string>[]) {
      const client = new Client(t.app);
      await client.get("/en/register");
      const res = await client.post("/en/register", person({ ...taken, phone }));
      // The same answer as a registration that goes ahead: to the phone code, with a session cookie.
      expect(res.statusCode).toBe(real.statusCode);
      expect(res.headers.location).toBe(real.headers.location);
      expect(client.cookies.has("hk_session")).toBe(true);
      const page = await client.follow(res);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Check your phone");
      // A code went to the number given, as for anyone; no code opens anything.
      const code = await lastSmsCode(`+974${phone}`);
      expect(code).toMatch(/^\d{6}$/);
      const tried = await client.post("/en/register/verify-phone", { code });
      expect(tried.statusCode).toBe(400);
      expect(tried.body).toContain("The code is not right");
      expect((await client.get("/en/my")).statusCode).toBe(303);
    }
    expect((await db().select().from(users)).length).toBe(before);
    // The account's owner learns of it, with the way in.
    const told = await mail.next("citizen@demo.hukoomi.example");
    expect(told.subject).toBe("حاول أحدهم إنشاء حساب في حكومي ببياناتك");
    expect(told.text).toContain("http://portal.test/sign-in");
  });
});

describe("text messages with codes are limited per number and per account", () => {
  it("sends a number no more than three codes in ten minutes, however many accounts ask, and says how long to wait", async () => {
    const phone = "55519999";
    const sent = async () =>
      (
        await db()
          .select()
          .from(devMessages)
          .where(eq(devMessages.recipient, `+974${phone}`))
      ).length;
    for (let i = 0; i < 3; i++) await register(new Client(t.app), person({ phone }));
    expect(await sent()).toBe(3);
    // A fourth account with the same number: created, but no code goes out; the page says why.
    const fourth = new Client(t.app);
    await fourth.get("/en/register");
    const res = await fourth.post("/en/register", person({ phone }));
    expect(res.headers.location).toMatch(/^\/en\/register\/verify-phone\?wait=\d+$/);
    const page = await fourth.follow(res);
    expect(page.body).toContain("We have sent as many codes to this mobile number as we can for now. Wait 10 minutes");
    const resend = await fourth.post("/en/register/resend-code", {});
    expect(resend.statusCode).toBe(429);
    expect(resend.body).toContain("We have sent as many codes to this mobile number as we can for now");
    const ar = await fourth.post("/register/resend-code", {});
    expect(ar.body).toContain("أرسلنا إلى رقم الجوال هذا أقصى عدد من الرموز المسموح به الآن");
    expect(await sent()).toBe(3);
  });
});

async function signIn(client: Client, identifier: string, password = DEMO_PASSWORD, returnTo?: string) {
  await client.get("/en/sign-in");
  return client.post("/en/sign-in", { identifier, password, ...(returnTo ? { returnTo } : {}) });
}

describe("sign-in and sessions", () => {
  it("signs in with email, QID or passport number and goes to My Hukoomi in the sign-in page's language", async () => {
    // The citizen's saved language is Arabic, the visitor's English: both signed in on the English site.
    for (const [id, expected] of [
      ["citizen@demo.hukoomi.example", "/en/my"],
      ["28663400101", "/en/my"],
      ["P4820193", "/en/my"],
    ] as const) {
      const client = new Client(t.app);
      const res = await signIn(client, id);
      expect(res.statusCode, id).toBe(303);
      expect(res.headers.location, id).toBe(expected);
      expect((await client.follow(res)).statusCode).toBe(200);
    }
  });

  it("gives a new session id at sign-in (no session fixation) and ends it at sign-out", async () => {
    const client = new Client(t.app);
    await client.get("/en/sign-in");
    client.cookies.set("hk_session", "attacker-chosen-token");
    const res = await client.post("/en/sign-in", { identifier: "resident@demo.hukoomi.example", password: DEMO_PASSWORD });
    const token = client.cookies.get("hk_session");
    expect(token).toBeDefined();
    expect(token).not.toBe("attacker-chosen-token");
    expect(String(res.headers["set-cookie"])).toMatch(/hk_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await client.get("/en/my")).statusCode).toBe(200);
    const out = await client.post("/en/sign-out", {});
    expect(out.statusCode).toBe(303);
    const stale = new Client(t.app);
    stale.cookies.set("hk_session", token ?? "");
    expect((await stale.get("/en/my")).statusCode).toBe(303);
  });

  it("refuses a wrong password; repeated failures pause that identifier from that address only, known or not", async () => {
    const attacker = new Client(t.app);
    const wrong = await signIn(attacker, "visitor@demo.hukoomi.example", "not the password");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain("The details you entered do not match an account");
    for (let i = 0; i < 4; i++)
      await attacker.post("/en/sign-in", { identifier: "visitor@demo.hukoomi.example", password: "nope" });
    // From the attacker's address, even the right password now waits.
    const paused = await attacker.post("/en/sign-in", { identifier: "visitor@demo.hukoomi.example", password: DEMO_PASSWORD });
    expect(paused.statusCode).toBe(429);
    expect(paused.body).toContain("You have tried too many times. Wait 1 minute, then try again");
    // The person themselves, from their own address, is not locked out.
    expect((await signIn(new Client(t.app), "visitor@demo.hukoomi.example")).statusCode).toBe(303);
    // An identifier with no account gets the same answers in the same order.
    const prober = new Client(t.app);
    const answers: number[] = [];
    await prober.get("/en/sign-in");
    for (let i = 0; i < 6; i++)
      answers.push((await prober.post("/en/sign-in", { identifier: "nobody@example.com", password: "nope" })).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    const ar = await prober.post("/sign-in", { identifier: "nobody@example.com", password: "nope" });
    expect(ar.body).toContain("حاولت مرات كثيرة. انتظر دقيقة واحدة");
  });

  it("refuses a post without the anti-forgery token with 403 and a message", async () => {
    const client = new Client(t.app);
    await client.get("/sign-in");
    const res = await client.post("/sign-in", { _csrf: "", identifier: "citizen@demo.hukoomi.example", password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("انتهت صلاحية هذا النموذج");
    expect(client.cookies.has("hk_session")).toBe(false);
  });

  it("returns to a local page after sign-in and refuses other sites", async () => {
    for (const [returnTo, expected] of [
      ["/services/renew-residence-permit", "/en/services/renew-residence-permit"],
      ["//evil.example/steal", "/en/my"],
      ["https://evil.example", "/en/my"],
      ["/\\evil.example", "/en/my"],
    ] as const) {
      const res = await signIn(new Client(t.app), "citizen@demo.hukoomi.example", DEMO_PASSWORD, returnTo);
      expect(res.headers.location, returnTo).toBe(expected);
    }
  });

  it("sends signed-out visitors to sign in and back", async () => {
    const client = new Client(t.app);
    const res = await client.get("/en/my/profile");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/en/sign-in?returnTo=%2Fen%2Fmy%2Fprofile");
    const signedIn = await signIn(client, "resident@demo.hukoomi.example", DEMO_PASSWORD, "/en/my/profile");
    expect(signedIn.headers.location).toBe("/en/my/profile");
  });

  it("ends a session after the idle time and the absolute time", async () => {
    const client = new Client(t.app);
    await signIn(client, "citizen@demo.hukoomi.example");
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect((await client.get("/en/my")).statusCode).toBe(303);
    const other = new Client(t.app);
    await signIn(other, "citizen@demo.hukoomi.example");
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await other.get("/en/my")).statusCode).toBe(303);
  });

  it("signs out everywhere", async () => {
    const phone = new Client(t.app);
    const laptop = new Client(t.app);
    await signIn(phone, "editor@demo.hukoomi.example");
    await signIn(laptop, "editor@demo.hukoomi.example");
    await laptop.get("/en/my/security");
    const res = await laptop.post("/en/my/security/sign-out-everywhere", {});
    expect(res.statusCode).toBe(303);
    expect((await phone.get("/en/my")).statusCode).toBe(303);
    expect((await laptop.get("/en/my")).statusCode).toBe(303);
  });

  it("rate-limits sign-in attempts from one address with a clear message", async () => {
    const client = new Client(t.app);
    await client.get("/en/sign-in");
    let last = { statusCode: 0, body: "" };
    for (let i = 0; i < 12; i++) {
      last = await client.post("/en/sign-in", { identifier: "nobody@example.com", password: "x" });
    }
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain("You have tried too many times. Wait a minute");
  });

  it("counts a route's limit once whatever its language: /sign-in and /en/sign-in share it", async () => {
    const client = new Client(t.app);
    await client.get("/en/sign-in");
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      // A different identifier each time: the identifier's own pause (after five) is not what this counts.
      const identifier = `nobody${i}@example.com`;
      codes.push((await client.post(i % 2 ? "/en/sign-in" : "/sign-in", { identifier, password: "x" })).statusCode);
    }
    expect(codes.every((code) => code === 401)).toBe(true);
    expect((await client.post("/sign-in", { identifier: "nobody@example.com", password: "x" })).statusCode).toBe(429);
    expect((await client.post("/en/sign-in", { identifier: "nobody@example.com", password: "x" })).statusCode).toBe(429);
  });
});

describe("two-step verification", () => {
  it("sets up an authenticator app and then asks for its code at sign-in", async () => {
    const client = new Client(t.app);
    await signIn(client, "approver@demo.hukoomi.example");
    await client.get("/en/my/security");
    const setup = await client.post("/en/my/security/totp", {});
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('src="data:image/svg+xml;base64,');
    const [user] = await db().select().from(users).where(eq(users.email, "approver@demo.hukoomi.example"));
    const secret = user?.totpSecret ?? "";
    const bad = await client.post("/en/my/security/totp/confirm", { code: "000000" });
    expect(bad.statusCode).toBe(400);
    const ok = await client.post("/en/my/security/totp/confirm", { code: currentTotp(secret) });
    expect(ok.headers.location).toBe("/en/my/security?done=totpOn");

    const again = new Client(t.app);
    const first = await signIn(again, "approver@demo.hukoomi.example");
    expect(first.headers.location).toBe("/en/sign-in/code");
    // The password alone does not open My Hukoomi.
    expect((await again.get("/en/my")).headers.location).toMatch(/^\/en\/sign-in\/code/);
    await again.get("/en/sign-in/code");
    expect((await again.post("/en/sign-in/code", { code: "12" })).statusCode).toBe(400);
    // The code used to confirm the set-up is spent: the app's next one (thirty seconds on) signs in.
    const done = await again.post("/en/sign-in/code", { code: currentTotp(secret, Date.now() + 30_000) });
    expect(done.headers.location).toBe("/en/my");
    expect((await again.get("/en/my")).statusCode).toBe(200);
  });
});

describe("two-step codes are used once and wrong ones are limited per account", () => {
  it("refuses a code already used by the account, and an earlier one, even from another browser", async () => {
    const email = "officer@demo.hukoomi.example";
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await db()
      .update(users)
      .set({ totpSecret: secret, totpEnabledAt: new Date(), totpLastStep: null })
      .where(eq(users.email, email));
    const code = currentTotp(secret);
    const first = new Client(t.app);
    await signIn(first, email);
    await first.get("/en/sign-in/code");
    expect((await first.post("/en/sign-in/code", { code })).statusCode).toBe(303);
    // Someone who saw the code (and knows the password) tries it within its window.
    const replay = new Client(t.app);
    await signIn(replay, email);
    await replay.get("/en/sign-in/code");
    const again = await replay.post("/en/sign-in/code", { code });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("This code has already been used");
    expect((await replay.get("/en/my")).headers.location).toMatch(/^\/en\/sign-in\/code/);
    await db().update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.email, email));
  });

  it("stops wrong codes for an account after five, whatever the address or language", async () => {
    const email = "editor@demo.hukoomi.example";
    const secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    await db()
      .update(users)
      .set({ totpSecret: secret, totpEnabledAt: new Date(), totpLastStep: null })
      .where(eq(users.email, email));
    const right = currentTotp(secret);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      // A new browser (and address) each time, alternating languages: the count is the account's.
      const client = new Client(t.app);
      await signIn(client, email);
      const path = i % 2 ? "/sign-in/code" : "/en/sign-in/code";
      await client.get(path);
      expect((await client.post(path, { code: wrong })).statusCode).toBe(400);
    }
    const client = new Client(t.app);
    await signIn(client, email);
    await client.get("/en/sign-in/code");
    const stopped = await client.post("/en/sign-in/code", { code: right });
    expect(stopped.statusCode).toBe(429);
    expect(stopped.body).toContain("You have entered too many wrong codes. Wait 15 minutes");
    const ar = await client.post("/sign-in/code", { code: right });
    expect(ar.body).toContain("أدخلت رموزاً خاطئة مرات كثيرة. انتظر 15 دقيقة");
    await db().update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.email, email));
  });
});

describe("password reset", () => {
  it("sends a link by email, sets a new password, and ends every session", async () => {
    const client = new Client(t.app);
    const fields = await register(client);
    await client.post("/en/register/verify-phone", { code: await lastSmsCode(`+974${fields.phone}`) });
    await mail.next(fields.email);
    const other = new Client(t.app);
    await other.get("/en/reset-password");
    const sent = await other.post("/en/reset-password", { identifier: fields.email });
    expect(sent.body).toContain("Check your email");
    const unknown = await other.post("/en/reset-password", { identifier: "nobody@example.com" });
    expect(unknown.body).toContain("Check your email");
    const message = await mail.next(fields.email);
    const path = /http:\/\/portal\.test(\/en\/reset-password\/[\w-]+)/.exec(message.text ?? "")?.[1] ?? "";
    await other.get(path);
    const weak = await other.post(path, { password: "short", confirmPassword: "short" });
    expect(weak.statusCode).toBe(400);
    const done = await other.post(path, { password: "a brand new phrase here", confirmPassword: "a brand new phrase here" });
    expect(done.headers.location).toBe("/en/sign-in?reset=1");
    expect((await client.get("/en/my")).statusCode).toBe(303);
    expect((await signIn(new Client(t.app), fields.email, "a brand new phrase here")).statusCode).toBe(303);
    expect((await other.get(path)).statusCode).toBe(400);
  });

  it("finds the account by its QID as at sign-in, typed in Arabic-Indic digits with spaces, and sends the link to its email", async () => {
    const client = new Client(t.app);
    const fields = await register(client);
    await client.post("/en/register/verify-phone", { code: await lastSmsCode(`+974${fields.phone}`) });
    await mail.next(fields.email);
    const typed = fields.qid.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))).replace(/^(\S{3})/, "$1 ");
    const ar = new Client(t.app);
    await ar.get("/reset-password");
    const sent = await ar.post("/reset-password", { identifier: typed });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain("إذا وجدنا حساباً بما أدخلته");
    const message = await mail.next(fields.email);
    expect(message.text).toMatch(/\/reset-password\/[\w-]+/);
    const empty = await ar.post("/reset-password", { identifier: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("error-summary");
  });
});

describe("a reset request answers alike whether or not the address has an account", () => {
  it("does not wait for the mail server, so a slow one shows nothing", async () => {
    // A mail server that takes two seconds to greet: sending to it is slow.
    const slow = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onConnect: (_session, callback) => void setTimeout(callback, 2000),
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const port = (slow.server.address() as AddressInfo).port;
    const other = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      await loadDemoPeople(other.db.database.db);
      const client = new Client(other.app);
      await client.get("/en/reset-password");
      const timed = async (email: string) => {
        const started = performance.now();
        const res = await client.post("/en/reset-password", { identifier: email });
        expect(res.body).toContain("Check your email");
        return performance.now() - started;
      };
      await timed("nobody@example.com");
      const known = await timed("citizen@demo.hukoomi.example");
      const unknown = await timed("nobody-else@example.com");
      expect(known).toBeLessThan(1000);
      expect(Math.abs(known - unknown)).toBeLessThan(500);
    } finally {
      await other.close();
      await new Promise((resolve) => slow.close(() => resolve(undefined)));
    }
  });
});

describe("profile and dashboard", () => {
  it("shows empty states, recommendations for the persona, and saves details", async () => {
    const client = new Client(t.app);
    await signIn(client, "resident@demo.hukoomi.example");
    const my = await client.get("/en/my");
    expect(my.body).toContain("You have no requests yet.");
    expect(my.body).toContain("Services for: Resident: Employee");
    expect(my.body).toContain("Nobody has used your data yet.");
    expect(my.headers["cache-control"]).toBe("private, no-store");
    await client.get("/en/my/profile");
    const bad = await client.post("/en/my/profile", {
      nameAr: "Anil",
      nameEn: "Anil Kumar Menon",
      nationality: "IN",
      residency: "resident",
      phone: "+97455500102",
      email: "resident@demo.hukoomi.example",
      locale: "en",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Write your Arabic name in Arabic letters");
    const ok = await client.post("/en/my/profile", {
      nameAr: "أنيل كومار مينون",
      nameEn: "Anil K. Menon",
      nationality: "IN",
      residency: "resident",
      persona: "resident-parent",
      phone: "+97455500102",
      email: "resident@demo.hukoomi.example",
      locale: "en",
      notify: ["email"],
    });
    expect(ok.headers.location).toBe("/en/my/profile?saved=1");
    const [user] = await db().select().from(users).where(eq(users.email, "resident@demo.hukoomi.example"));
    expect(user).toMatchObject({ nameEn: "Anil K. Menon", persona: "resident-parent", notifyEmail: true, notifySms: false });
  });

  it("saves services for later", async () => {
    const client = new Client(t.app);
    await signIn(client, "citizen@demo.hukoomi.example");
    await client.get("/en/my");
    const res = await client.post("/en/my/saved-services", { service: "apply-for-exit-permit", saved: "1", returnTo: "/en/my" });
    expect(res.headers.location).toBe("/en/my");
    expect((await client.get("/en/my")).body).toContain('href="/en/services/apply-for-exit-permit"');
  });

  it("counts registered users on the facts page", async () => {
    const res = await t.app.inject({ url: "/api/v1/stats" });
    expect(res.json().registeredUsers).toBeGreaterThanOrEqual(7);
  });

  it("shows the development outbox outside production only", async () => {
    expect((await t.app.inject({ url: "/en/dev/messages" })).statusCode).toBe(200);
    const production = await createTestApp({
      env: {
        NODE_ENV: "production",
        SURVEY_KEY_SECRET: "test-survey-key-secret",
        PAYMENT_MERCHANT_SECRET: "test-merchant-secret-value",
        PAYMENT_NOTIFY_SECRET: "test-notify-secret-value",
      },
    });
    expect((await production.app.inject({ url: "/en/dev/messages" })).statusCode).toBe(404);
    await production.close();
  });
});

describe("the language a person is using", () => {
  it("is kept through sign-in, whatever their saved choice, and through sign-out, which is confirmed", async () => {
    // The resident's saved language is English; signing in on the Arabic site lands on the Arabic My Hukoomi.
    const arabic = new Client(t.app);
    await arabic.get("/sign-in");
    const inAr = await arabic.post("/sign-in", { identifier: "resident@demo.hukoomi.example", password: DEMO_PASSWORD });
    expect(inAr.headers.location).toBe("/my");
    const my = await arabic.get("/my");
    expect(my.body).toContain('lang="ar"');
    expect(my.body).toContain("حسابي في حكومي");
    expect(my.body).not.toContain("حكومي الخاص بي");
    // A page asked for in one language comes back in the language of the sign-in page.
    const back = new Client(t.app);
    await back.get("/sign-in");
    const withReturn = await back.post("/sign-in", {
      identifier: "resident@demo.hukoomi.example",
      password: DEMO_PASSWORD,
      returnTo: "/en/my/requests",
    });
    expect(withReturn.headers.location).toBe("/my/requests");

    const out = await arabic.post("/sign-out", {});
    expect(out.headers.location).toBe("/signed-out");
    const confirmed = await arabic.get("/signed-out");
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("خرجت من حسابك");
    expect(confirmed.body).toContain(">تسجيل الدخول<");

    // The citizen's saved language is Arabic; on the English site they stay in English, and saving says so.
    const english = new Client(t.app);
    await english.get("/en/sign-in");
    const inEn = await english.post("/en/sign-in", { identifier: "citizen@demo.hukoomi.example", password: DEMO_PASSWORD });
    expect(inEn.headers.location).toBe("/en/my");
    const outEn = await english.post("/en/sign-out", {});
    expect(outEn.headers.location).toBe("/en/signed-out");
    expect((await english.get("/en/signed-out")).body).toContain("You have signed out");
  });
});
