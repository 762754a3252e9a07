import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { type AuditActor, recordAudit, verifyAuditChain } from "../../src/audit/log.js";
import { auditLog } from "../../src/audit/tables.js";
import { auditVerifyCommand } from "../../src/audit/verify-command.js";
import { cases } from "../../src/eservices/tables.js";
import { type Db, inTransaction, openDatabase } from "../../src/platform/db/client.js";
import { runMigrations } from "../../src/platform/db/migrate.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { dateTimeFields } from "../support/date-fields.js";
import { signedInAs } from "../support/people.js";

const DAY = 86_400_000;
const actor: AuditActor = { id: randomUUID(), roles: [{ role: "admin" }] };

/** Appends one entry in its own transaction, as a staff action would. */
const append = (db: Db, n: number) =>
  inTransaction(db, async (tx) =>
    recordAudit(tx, {
      actor,
      action: "test.appended",
      objectType: "test",
      objectId: String(n),
      before: { n: n - 1 },
      after: { n, at: new Date(Date.UTC(2026, 0, 1)) },
    }),
  );

const entries = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id));

/** Runs a statement with the append-only trigger switched off (a forger with the database's owner rights). */
async function bypassingTrigger(db: Db, statement: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }
}

describe("staff actions", () => {
  let t: TestApp;
  const db = () => t.db.database.db;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    await loadDemoPeople(db());
  });
  afterAll(() => t.close());

  it("an officer's decision is recorded with who, before and after, in the decision's transaction", async () => {
    const applicant = await signedInAs(t.app, "resident");
    const reference = await submit(applicant, await answerAll(applicant, demoDefinition("exit-permit")));
    const officer = await signedInAs(t.app, "officer");
    await officer.get(`/en/workspace/cases/${reference}`);
    const decided = await officer.post(`/en/workspace/cases/${reference}/decide`, {
      decision: "approve",
      reason: "All documents in order.",
    });
    expect(decided.statusCode).toBe(303);
    const [kase] = await db().select().from(cases).where(eq(cases.reference, reference));
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "case.decided"));
    expect(entry).toMatchObject({
      objectType: "case",
      objectId: reference,
      agency: kase?.agency,
      before: { status: "submitted", decidedAt: null },
      after: { status: "approved", assignedTo: entry?.actorId },
    });
    expect(entry?.actorRoles.some((r) => r.startsWith("officer:"))).toBe(true);
    expect(entry?.requestId).toBeTruthy();
    expect(entry?.after?.decidedAt).toBe(kase?.decidedAt?.toISOString());
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 1 });
  });

  it("a poll's publication is recorded, and a refused change leaves no entry", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get("/en/workspace/participation/polls/new");
    const published = await editor.post("/en/workspace/participation/polls/new", {
      agency: "ministry-of-interior",
      kind: "poll",
      questionAr: "هل تريد مواعيد مسائية لمراكز الخدمة؟",
      questionEn: "Would you like evening hours at service centres?",
      descriptionAr: "",
      descriptionEn: "",
      "optionAr-1": "نعم",
      "optionEn-1": "Yes",
      "optionAr-2": "لا",
      "optionEn-2": "No",
      multiple: "single",
      maxChoices: "",
      audience: "any",
      showResults: "after-vote",
      ...dateTimeFields("opens", new Date(Date.now() - 3_600_000)),
      ...dateTimeFields("closes", new Date(Date.now() + 7 * DAY)),
      action: "publish",
    });
    expect(published.statusCode).toBe(303);
    const slug = "would-you-like-evening-hours-at-service-centres";
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "poll.published"));
    expect(entry).toMatchObject({
      actorRoles: ["editor:ministry-of-interior"],
      agency: "ministry-of-interior",
      objectType: "poll",
      objectId: slug,
      before: null,
      after: { status: "published", questionEn: "Would you like evening hours at service centres?", closedAt: null },
    });

    const closed = await editor.post(`/en/workspace/participation/polls/${slug}/close`, {});
    expect(closed.statusCode).toBe(303);
    const again = await editor.post(`/en/workspace/participation/polls/${slug}/close`, {});
    expect(again.statusCode).toBe(409);
    const closings = await db().select().from(auditLog).where(eq(auditLog.action, "poll.closed"));
    expect(closings).toHaveLength(1);
    expect(closings[0]?.before?.closedAt).toBeNull();
    expect(closings[0]?.after?.closedAt).toEqual(expect.any(String));
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 3 });
  });

  it("an administrator's registration of a sign-in client is recorded without its secret", async () => {
    const admin = await signedInAs(t.app, "admin");
    await admin.get("/en/admin/idp-clients");
    const ok = await admin.post("/en/admin/idp-clients", {
      nameAr: "بوابة البلدية",
      nameEn: "Municipality portal",
      agency: "ministry-of-municipality",
      redirectUris: "https://municipality.example/callback",
    });
    expect(ok.statusCode).toBe(201);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "idp-client.registered"));
    expect(entry).toMatchObject({ actorRoles: ["admin"], agency: "ministry-of-municipality", objectType: "idp-client" });
    expect(entry?.after).toMatchObject({
      nameEn: "Municipality portal",
      redirectUris: ["https://municipality.example/callback"],
    });
    expect(JSON.stringify(entry).toLowerCase()).not.toContain("secret");
  });

  it("the log refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(db().execute(sql`update audit_log set after = '{}'::jsonb`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 4 });
  });
});

describe("the chain", () => {
  let d: TestDatabase;
  const db = () => d.database.db;

  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(() => d.drop());

  it("is verified in batches, and a changed entry is found by its id", async () => {
    for (let n = 1; n <= 7; n++) await append(db(), n);
    expect(await verifyAuditChain(db(), 3)).toEqual({ ok: true, entries: 7 });
    const rows = await entries(db());
    const third = rows[2];
    if (!third) throw new Error("no third entry");

    await bypassingTrigger(db(), sql`update audit_log set after = '{"n": 300}'::jsonb where id = ${third.id}`);
    expect(await verifyAuditChain(db(), 3)).toMatchObject({
      ok: false,
      firstBadId: third.id,
      reason: expect.stringContaining("hash"),
    });
    // Put back exactly as it was (jsonb keys in any order): the chain holds again.
    await bypassingTrigger(db(), sql`update audit_log set after = ${JSON.stringify(third.after)}::jsonb where id = ${third.id}`);
    expect(await verifyAuditChain(db(), 3)).toEqual({ ok: true, entries: 7 });
  });

  it("a removed entry breaks the link of the entry after it", async () => {
    const rows = await entries(db());
    const [, , , fourth, fifth] = rows;
    if (!fourth || !fifth) throw new Error("entries missing");
    await bypassingTrigger(db(), sql`delete from audit_log where id = ${fourth.id}`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, firstBadId: fifth.id });
  });

  it("concurrent appends keep one unbroken chain", async () => {
    const fresh = await createTestDatabase();
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => append(fresh.database.db, i + 1)));
      const rows = await entries(fresh.database.db);
      expect(rows).toHaveLength(10);
      expect(new Set(rows.map((r) => r.prevHash)).size).toBe(10);
      expect(await verifyAuditChain(fresh.database.db)).toEqual({ ok: true, entries: 10 });
    } finally {
      await fresh.drop();
    }
  });
});

describe("npm run audit:verify", () => {
  /** Runs scripts/audit-verify.ts as `npm run audit:verify` does, with the given database settings. */
  function runScript(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
        env: { ...process.env, DATABASE_URL: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (b: Buffer) => {
        out += b.toString();
      });
      child.stderr.on("data", (b: Buffer) => {
        out += b.toString();
      });
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, out }));
    });
  }

  it("verifies a PGlite data folder, and names the entry where it breaks", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "hk-audit-"));
    try {
      const database = await openDatabase({ dataDir: dir });
      await runMigrations(database);
      for (let n = 1; n <= 3; n++) await append(database.db, n);
      await database.close();

      const ok = await runScript({ DATA_DIR: dir });
      expect(ok.out).toContain("Audit chain verified: 3 entries");
      expect(ok.code).toBe(0);

      const again = await openDatabase({ dataDir: dir });
      const [, second] = await entries(again.db);
      await bypassingTrigger(again.db, sql`update audit_log set actor_id = ${randomUUID()} where id = ${second?.id ?? 0}`);
      await again.close();

      const broken = await runScript({ DATA_DIR: dir });
      expect(broken.out).toContain(`Audit chain broken at entry ${second?.id}:`);
      expect(broken.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the same settings as the portal (DATABASE_URL when set)", async () => {
    const d = await createTestDatabase();
    try {
      await append(d.database.db, 1);
      await append(d.database.db, 2);
      const lines: string[] = [];
      const env = d.url ? { DATABASE_URL: d.url, NODE_ENV: "test" } : { DATA_DIR: "memory://", NODE_ENV: "test" };
      const code = await auditVerifyCommand(env, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
      if (d.url) {
        expect(lines).toEqual(["Audit chain verified: 2 entries"]);
        expect(code).toBe(0);
      } else {
        // A throw-away PGlite has no tables yet: the command says so rather than claiming a verified chain.
        expect(lines[0]).toContain("No audit log");
        expect(code).toBe(2);
      }
    } finally {
      await d.drop();
    }
  });
});
