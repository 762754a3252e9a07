/**
 * Chaos tests of the multi-instance set-up (scripts/cluster): instances
 * killed during submissions, the database restarted during load, the mail
 * server away for a while. Prints each part's figures as a Markdown table
 * and exits non-zero when a check fails.
 *
 *   npm run test:chaos            (CHAOS_PARTS=crash,database,mail; see README)
 */

import type { PartResult } from "./chaos/common.js";
import { crashDuringSubmissions } from "./chaos/crash.js";
import { databaseRestartDuringLoad } from "./chaos/database-restart.js";
import { mailServerDown } from "./chaos/mail-outage.js";

const PARTS: Record<string, () => Promise<PartResult>> = {
  crash: crashDuringSubmissions,
  database: databaseRestartDuringLoad,
  mail: mailServerDown,
};

const chosen = (process.env.CHAOS_PARTS ?? Object.keys(PARTS).join(",")).split(",").map((p) => p.trim());
const failures: string[] = [];
for (const name of chosen) {
  const part = PARTS[name];
  if (!part) throw new Error(`unknown chaos part ${name}: choose from ${Object.keys(PARTS).join(", ")}`);
  try {
    const result = await part();
    console.log(`\n### ${result.title}\n\n${result.table}\n`);
    failures.push(...result.failures);
  } catch (error) {
    failures.push(`${name}: ${(error as Error).stack ?? error}`);
  }
}
if (failures.length > 0) {
  console.error(`\nChaos checks failed:\n${failures.map((f) => `- ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("\nEvery chaos check passed.");
process.exit(0);
