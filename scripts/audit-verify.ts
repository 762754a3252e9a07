/** Verifies the audit log's hash chain in the portal's database: `npm run audit:verify` (exit 0 verified, 1 broken). */
import { auditVerifyCommand } from "../src/audit/verify-command.js";

process.exitCode = await auditVerifyCommand();
