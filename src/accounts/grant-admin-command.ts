import { recordAudit } from "../audit/log.js";
import { type Config, ConfigError, loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db/client.js";
import { findUserByEmail, grantRole, rolesOf } from "./repository.js";

type Print = { out: (line: string) => void; err: (line: string) => void };

/**
 * The first administrator's way in, run by whoever operates the server:
 * `npm run admin:grant -- person@agency.example` (in the image:
 * `node dist/grant-admin.js person@agency.example`). The person registers
 * through the portal like anyone (their own password, their phone
 * confirmed); this gives their account the administrator role and records
 * it in the audit log. No password is published or printed. Exit code: 0
 * done, 1 refused (no such confirmed account), 2 unable to run.
 */
export async function grantAdminCommand(
  args: string[],
  env: Record<string, string | undefined> = process.env,
  print: Print = { out: console.log, err: console.error },
): Promise<number> {
  const email = args[0]?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    print.err("Usage: admin:grant <email of a registered account>");
    return 2;
  }
  let config: Config;
  try {
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
    const user = await findUserByEmail(database.db, email);
    if (!user?.phoneVerifiedAt) {
      print.err(`No confirmed account uses ${email}: the person registers at /register (and confirms their phone) first.`);
      return 1;
    }
    const before = await rolesOf(database.db, user.id);
    if (before.some((r) => r.role === "admin")) {
      print.out(`${email} is already an administrator.`);
      return 0;
    }
    await database.db.transaction(async (tx) => {
      await grantRole(tx, user.id, { role: "admin" });
      await recordAudit(tx, {
        actor: { id: user.id, roles: before },
        action: "staff-role.granted-by-operator",
        objectType: "user-roles",
        objectId: user.id,
        before: { roles: before.map((r) => (r.agency ? `${r.role}:${r.agency}` : r.role)).sort() },
        after: { roles: [...before.map((r) => (r.agency ? `${r.role}:${r.agency}` : r.role)), "admin"].sort() },
      });
    });
    print.out(`${email} is now an administrator: they sign in as usual and find Administration at /admin.`);
    return 0;
  } finally {
    await database.close();
  }
}
