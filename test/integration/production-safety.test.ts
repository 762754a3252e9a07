import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { grantAdminCommand } from "../../src/accounts/grant-admin-command.js";
import { createUser, findUserByEmail, rolesOf, updateUser } from "../../src/accounts/repository.js";
import { auditLog } from "../../src/audit/tables.js";
import { loadDemoClient } from "../../src/idp/demo-client.js";
import { loadConfig, PUBLISHED_DEMO_AGENCY_SECRET } from "../../src/platform/config.js";
import { type Database, openDatabase } from "../../src/platform/db/client.js";
import { runMigrations } from "../../src/platform/db/migrate.js";
import { publishedSecretProblems } from "../../src/published-secrets.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const SECRETS = {
  SURVEY_KEY_SECRET: "a-long-random-survey-secret",
  PAYMENT_MERCHANT_SECRET: "a-long-random-merchant-secret",
  PAYMENT_NOTIFY_SECRET: "a-long-random-notify-secret",
};

describe("a production portal holds no published secret", () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(() => d.drop());

  it("refuses to start on demo people with the published password or the demo client's published secret", async () => {
    const production = loadConfig({ NODE_ENV: "production", ...SECRETS });
    expect(await publishedSecretProblems(production, d.database.db)).toEqual([]);
    await loadDemoPeople(d.database.db);
    await loadDemoClient(d.database.db, "http://127.0.0.1:3002", PUBLISHED_DEMO_AGENCY_SECRET);
    const problems = await publishedSecretProblems(production, d.database.db);
    expect(problems).toContain(
      "account admin@demo.hukoomi.example still has the published demo password: remove it or set its own password",
    );
    expect(problems).toContain(
      "sign-in client demo-agency-portal still has the published demo secret: disable it or register a new secret",
    );
    expect(problems).toHaveLength(8);
    // A demonstration says so and keeps them; development is not checked.
    const demonstration = loadConfig({
      NODE_ENV: "production",
      SEED_DEMO: "true",
      DEMONSTRATION: "true",
      DEMO_AGENCY_CLIENT_SECRET: "a-demonstration-of-its-own",
      ...SECRETS,
    });
    expect(await publishedSecretProblems(demonstration, d.database.db)).toEqual([]);
    expect(await publishedSecretProblems(loadConfig({}), d.database.db)).toEqual([]);
  });
});

describe("the first administrator's way in: npm run admin:grant", () => {
  let database: Database;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const d = await createTestDatabase();
      database = d.database;
      env = { DATABASE_URL: d.url ?? "" };
      cleanup = () => d.drop();
    } else {
      // The command opens the database itself, as the portal does: a PGlite folder it can reopen.
      const dir = mkdtempSync(join(tmpdir(), "hk-grant-admin-"));
      database = await openDatabase({ dataDir: dir });
      await runMigrations(database);
      env = { DATA_DIR: dir };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await createUser(database.db, {
      email: "first.admin@agency.example",
      nameAr: "ليلى حسن",
      nameEn: "Layla Hassan",
      nationality: "QA",
      residency: "citizen",
      phone: "+97455512399",
      passwordHash: "x",
    });
    if (!process.env.DATABASE_URL) await database.close();
  });
  afterAll(async () => {
    if (process.env.DATABASE_URL) await database.close().catch(() => undefined);
    await cleanup();
  });

  it("makes a registered, confirmed account an administrator, audited, and refuses anything else", async () => {
    const lines: string[] = [];
    const print = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await grantAdminCommand([], env, print)).toBe(2);
    expect(await grantAdminCommand(["nobody@agency.example"], env, print)).toBe(1);
    // Registered but the phone is not confirmed yet: refused.
    expect(await grantAdminCommand(["first.admin@agency.example"], env, print)).toBe(1);
    expect(lines.at(-1)).toContain("registers at /register");
    const db = process.env.DATABASE_URL ? database : await openDatabase({ dataDir: env.DATA_DIR ?? "" });
    const user = await findUserByEmail(db.db, "first.admin@agency.example");
    await updateUser(db.db, user?.id ?? "", { phoneVerifiedAt: new Date() });
    if (!process.env.DATABASE_URL) await db.close();

    expect(await grantAdminCommand(["First.Admin@agency.example"], env, print)).toBe(0);
    expect(lines.at(-1)).toBe(
      "first.admin@agency.example is now an administrator: they sign in as usual and find Administration at /admin.",
    );
    expect(await grantAdminCommand(["first.admin@agency.example"], env, print)).toBe(0);
    expect(lines.at(-1)).toBe("first.admin@agency.example is already an administrator.");

    const after = process.env.DATABASE_URL ? database : await openDatabase({ dataDir: env.DATA_DIR ?? "" });
    expect(await rolesOf(after.db, user?.id ?? "")).toEqual([{ role: "admin", agency: undefined }]);
    const entries = await after.db.select().from(auditLog);
    expect(entries.map((e) => e.action)).toEqual(["staff-role.granted-by-operator"]);
    if (!process.env.DATABASE_URL) await after.close();
  });
});
