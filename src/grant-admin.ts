/** Gives a registered account the administrator role (the first administrator's way in): see accounts/grant-admin-command.ts. */
import { grantAdminCommand } from "./accounts/grant-admin-command.js";

process.exitCode = await grantAdminCommand(process.argv.slice(2));
