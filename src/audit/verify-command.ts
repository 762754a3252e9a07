import { sql } from "drizzle-orm";
import { type Config, ConfigError, loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db/client.js";
import { verifyAuditChain } from "./log.js";

/**
 * `npm run audit:verify`: opens the portal's database (DATABASE_URL, or the
 * PGlite folder DATA_DIR, as the portal does), walks the audit chain and
 * says whether it holds. Returns the exit code: 0 verified, 1 broken, 2 unable to check.
 */
export async function auditVerifyCommand(
  env: Record<string, string | undefined> = process.env,
  print: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error },
): Promise<number> {
  let config: Config;
  try {
    // Only the database settings matter here: the same variables, defaults and checks as the portal's.
    config = loadConfig({ DATABASE_URL: env.DATABASE_URL, DATA_DIR: env.DATA_DIR });
  } catch (error) {
    if (error instanceof ConfigError) {
      print.err(error.message);
      return 2;
    }
    throw error;
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
  try {
    const table = (await database.db.execute(sql`select to_regclass('audit_log') is not null as present`)) as {
      rows: { present: boolean }[];
    };
    if (!table.rows[0]?.present) {
      print.err("No audit log in this database: start the portal once to create it.");
      return 2;
    }
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      print.out(`Audit chain verified: ${result.entries} entries`);
      return 0;
    }
    print.err(`Audit chain broken at entry ${result.firstBadId}: ${result.reason}`);
    return 1;
  } finally {
    await database.close();
  }
}
