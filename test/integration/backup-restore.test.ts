import { describe, expect, it } from "vitest";
import { checkBackupAndRestore } from "../../scripts/backup/restore-check.js";

// The procedure is for PostgreSQL (pg_dump/pg_restore); it runs in the PostgreSQL pass of the tests.
describe.skipIf(!process.env.DATABASE_URL)("backup and restore (scripts/backup)", () => {
  it("restores every row and file exactly, and refuses a damaged backup", async () => {
    const report = await checkBackupAndRestore(process.env.DATABASE_URL as string);
    expect(report.tables).toBeGreaterThan(40);
    expect(report.rows).toBeGreaterThan(1000);
    expect(report.files).toBeGreaterThan(0);
    expect(report.differences).toEqual([]);
    expect(report.damagedRefused).toBe(true);
  }, 240_000);
});
