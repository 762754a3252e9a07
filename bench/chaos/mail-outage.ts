import { freePort } from "../../test/support/portal-process.js";
import { startTestMailServer, type TestMailServer } from "../../test/support/smtp.js";
import { scratchCluster } from "../support/scratch-cluster.js";
import { SLUG } from "../support/session.js";
import { markdownTable, type PartResult, QUIET, setting, sleep } from "./common.js";

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  waited_ms: number | null;
}

/**
 * Mail server down for a while: submissions made while the SMTP server is
 * away each write an email to the outbox; the outbox keeps retrying, and once
 * the server returns every message arrives, each exactly once (counted by
 * Message-ID, which is the outbox row's id), though two instances send.
 */
export async function mailServerDown(): Promise<PartResult> {
  const submissions = setting("CHAOS_MAIL_SUBMISSIONS", 20);
  const outageSeconds = setting("CHAOS_MAIL_OUTAGE_SECONDS", 20);
  const deliveryLimit = setting("CHAOS_MAIL_TIMEOUT_SECONDS", 180);

  const smtpPort = await freePort();
  let mail: TestMailServer | undefined = await startTestMailServer(smtpPort);
  const received = [...mail.messages];
  const scratch = await scratchCluster("chaos_mail", {
    env: { ...QUIET, SMTP_URL: mail.url, OUTBOX_INTERVAL_SECONDS: "1" },
  }).catch(async (error) => {
    await mail?.close();
    throw error;
  });
  const { db, session } = scratch;
  try {
    const drafts = await scratch.drafts(submissions);
    const before = new Set((await db.query<{ id: string }>("select id from outbox_messages")).rows.map((r) => r.id));

    // The mail server goes away; what it received until now is kept.
    received.push(...mail.messages);
    await mail.close();
    mail = undefined;
    const downAt = Date.now();
    let refused = 0;
    for (const draft of drafts) {
      const answer = await session.post(`/en/eservices/${SLUG}/${draft}/submit`, { declaration: "yes" });
      if (answer.status !== 303) refused++;
    }
    const ids = (await db.query<{ id: string }>("select id from outbox_messages where channel = 'email'")).rows
      .map((r) => r.id)
      .filter((id) => !before.has(id));
    await sleep(Math.max(0, downAt + outageSeconds * 1000 - Date.now()));
    const rows = async () =>
      (
        await db.query<OutboxRow>(
          `select id, status, attempts,
             (extract(epoch from (sent_at - created_at)) * 1000)::int as waited_ms
           from outbox_messages where id = any($1::uuid[])`,
          [ids],
        )
      ).rows;
    const tried = (await rows()).filter((r) => r.status !== "sent" && r.attempts > 0).length;

    mail = await startTestMailServer(smtpPort);
    const backAt = Date.now();
    let final = await rows();
    while (final.some((r) => r.status !== "sent" && r.status !== "failed") && Date.now() - backAt < deliveryLimit * 1000) {
      await sleep(1000);
      final = await rows();
    }
    await sleep(2000); // a message being sent as the last row turned "sent" is counted too
    received.push(...mail.messages);

    const arrivals = new Map<string, number>();
    for (const m of received) {
      const id = /^<([0-9a-f-]{36})@hukoomi\.portal>$/.exec(m.messageId ?? "")?.[1];
      if (id) arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
    }
    const delivered = ids.filter((id) => (arrivals.get(id) ?? 0) > 0).length;
    const duplicates = ids.reduce((sum, id) => sum + Math.max(0, (arrivals.get(id) ?? 0) - 1), 0);
    const sent = final.filter((r) => r.status === "sent").length;
    const longest = Math.max(0, ...final.map((r) => r.waited_ms ?? 0));

    const failures: string[] = [];
    if (refused > 0) failures.push(`mail: ${refused} submissions were refused while the mail server was down`);
    if (ids.length === 0) failures.push("mail: the submissions wrote no email to the outbox");
    if (tried === 0 && ids.length > 0) failures.push("mail: no message was tried while the mail server was down");
    if (delivered < ids.length) failures.push(`mail: ${ids.length - delivered} of ${ids.length} messages never arrived`);
    if (duplicates > 0) failures.push(`mail: ${duplicates} messages arrived more than once`);
    if (sent !== ids.length) failures.push(`mail: ${ids.length - sent} outbox rows are not marked sent`);
    return {
      title: `Mail server down: 2 instances sending the outbox every second, SMTP server away for ${outageSeconds} s`,
      table: markdownTable({
        submissions: drafts.length,
        "emails in the outbox": ids.length,
        "waited (tried while down)": tried,
        "longest wait s": (longest / 1000).toFixed(1),
        delivered,
        duplicates,
        "marked sent": sent,
        "s to deliver after the server returned": ((Date.now() - backAt - 2000) / 1000).toFixed(1),
      }),
      failures,
    };
  } finally {
    await scratch.close();
    await mail?.close().catch(() => undefined);
  }
}
