import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { users } from "../../src/accounts/tables.js";
import { cases } from "../../src/eservices/tables.js";
import { OutboxWorker } from "../../src/notifications/outbox.js";
import { notifications, outboxMessages } from "../../src/notifications/tables.js";
import { SmtpMailer } from "../../src/platform/messaging/senders.js";
import { devMessages } from "../../src/platform/messaging/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import { demoEmails, signedInAs } from "../support/people.js";
import { freePort } from "../support/portal-process.js";
import { startTestMailServer, type TestMailServer } from "../support/smtp.js";

let t: TestApp;
let smtpPort: number;
let mail: TestMailServer | undefined;
const db = () => t.db.database.db;
const exitPermit = demoDefinition("exit-permit");

beforeAll(async () => {
  smtpPort = await freePort();
  // The mail server is down at first: nothing listens on its port.
  t = await createTestApp({ demo: true, env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
  await loadDemoPeople(db());
});
afterAll(async () => {
  await t.close();
  await mail?.close();
});

async function outboxOf(recipient: string) {
  return db().select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient));
}

describe("notifications", () => {
  it("are written with the event, wait while the mail server is down, and are each delivered once when it returns", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await submit(resident, await answerAll(resident, exitPermit));

    // Written in the submission's transaction: the notification and its email and text message.
    const [kase] = await db().select().from(cases).where(eq(cases.reference, reference));
    const [note] = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, kase?.userId ?? ""));
    expect(note).toMatchObject({ event: "submitted", link: `/my/requests/${reference}` });
    const queued = await db()
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.notificationId, note?.id ?? ""));
    expect(queued.map((m) => m.channel).sort()).toEqual(["email", "sms"]);

    // The mail server is down: the email waits for a retry, the text message (development sink) goes.
    await t.app.outbox.runOnce();
    const [waiting] = await outboxOf(demoEmails.resident);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting?.lastError).toBeTruthy();
    expect(waiting?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a pass now does not try again.
    await t.app.outbox.runOnce();
    expect((await outboxOf(demoEmails.resident))[0]?.attempts).toBe(1);

    // The mail server returns; the retry falls due. Two workers (two instances) pass at once.
    mail = await startTestMailServer(smtpPort);
    await db().update(outboxMessages).set({ nextAttemptAt: new Date() }).where(eq(outboxMessages.status, "pending"));
    const other = new OutboxWorker(
      db(),
      new SmtpMailer(`smtp://127.0.0.1:${smtpPort}`, "portal@hukoomi.example"),
      {
        send: async () => {},
      },
      t.app.log,
    );
    await Promise.all([t.app.outbox.runOnce(), other.runOnce(), t.app.outbox.runOnce()]);
    await t.app.outbox.runOnce();

    const received = mail.messages.filter((m) => m.subject?.includes(reference));
    expect(received).toHaveLength(1);
    expect(received[0]?.text).toContain(reference);
    expect(received[0]?.messageId).toBe(`<${waiting?.id}@hukoomi.portal>`);
    const [sent] = await outboxOf(demoEmails.resident);
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    // The resident reads English: the email is in English.
    expect(received[0]?.subject).toContain("Application received");
  });

  it("are in the person's language, and by text message only when they chose it", async () => {
    await db().update(users).set({ notifySms: false }).where(eq(users.email, demoEmails.citizen));
    const citizen = await signedInAs(t.app, "citizen");
    const medical = demoDefinition("labour-complaint");
    const reference = await submit(citizen, await answerAll(citizen, medical));
    const queued = await outboxOf(demoEmails.citizen);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.subject).toContain("استلمنا طلبك");
    expect(queued[0]?.body).toContain(reference);
    const [user] = await db().select().from(users).where(eq(users.email, demoEmails.citizen));
    expect(
      await db()
        .select()
        .from(devMessages)
        .where(eq(devMessages.recipient, user?.phone ?? "")),
    ).toHaveLength(0);
  });

  it("are listed in My Hukoomi, newest first, to their owner only, and marked read once seen", async () => {
    const resident = await signedInAs(t.app, "resident");
    const dashboard = await resident.get("/en/my");
    expect(dashboard.body).toContain("All notifications");
    const list = await resident.get("/en/my/notifications");
    expect(list.statusCode).toBe(200);
    expect(list.headers["cache-control"]).toContain("no-store");
    expect(list.body).toContain("received: Apply for an exit permit");
    expect(list.body).toContain(">New<");
    const again = await resident.get("/en/my/notifications");
    expect(again.body).not.toContain(">New<");
    const arabic = await resident.get("/my/notifications");
    expect(arabic.body).toContain("استلمنا الطلب");
    // The reference is isolated from the Arabic around it: "HK-…: service" cannot run together left to right.
    expect(arabic.body).toMatch(/استلمنا الطلب \u2068HK-[A-Z0-9-]+\u2069: /);

    const officer = await signedInAs(t.app, "officer");
    const theirs = await officer.get("/en/my/notifications");
    expect(theirs.body).not.toContain("exit permit");
    const signedOut = await t.app.inject({ method: "GET", url: "/en/my/notifications" });
    expect(signedOut.statusCode).toBe(303);
  });

  it("for an officer's decision are written with the decision", async () => {
    const resident = await signedInAs(t.app, "resident");
    const reference = await submit(resident, await answerAll(resident, exitPermit));
    const officer = await signedInAs(t.app, "officer");
    await officer.get(`/en/workspace/cases/${reference}`);
    const res = await officer.post(`/en/workspace/cases/${reference}/decide`, { decision: "approve", reason: "" });
    expect(res.statusCode).toBe(303);
    const [kase] = await db().select().from(cases).where(eq(cases.reference, reference));
    const events = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, kase?.userId ?? ""));
    expect(events.filter((n) => n.link === `/my/requests/${reference}`).map((n) => n.event)).toEqual(
      expect.arrayContaining(["submitted", "approved"]),
    );
  });
});
