import { accountsWithPublishedPassword } from "./accounts/demo-people.js";
import { clientsWithPublishedSecret } from "./idp/demo-client.js";
import type { Config } from "./platform/config.js";
import type { Db } from "./platform/db/client.js";

/**
 * What in the database opens with a secret the project publishes (the demo
 * people's password, the demo agency client's secret). A production portal
 * that is not a demonstration refuses to start while any is left, so a
 * database seeded for a trial can never go live with them.
 */
export async function publishedSecretProblems(config: Config, db: Db): Promise<string[]> {
  if (config.NODE_ENV !== "production" || config.DEMONSTRATION) return [];
  const accounts = await accountsWithPublishedPassword(db);
  const clients = await clientsWithPublishedSecret(db);
  return [
    ...accounts.map((email) => `account ${email} still has the published demo password: remove it or set its own password`),
    ...clients.map((id) => `sign-in client ${id} still has the published demo secret: disable it or register a new secret`),
  ];
}
