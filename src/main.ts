import { readFileSync } from "node:fs";
import { loadDemoPeople } from "./accounts/demo-people.js";
import { loadDemoAppointments } from "./appointments/demo.js";
import { loadCatalogueContent } from "./catalogue/content/load.js";
import { loadDemoCatalogue } from "./catalogue/demo/load-demo.js";
import { loadDemoEservices } from "./eservices/demo.js";
import { messageOf } from "./forms/problems.js";
import { loadDemoClient, loadDemoMobileClient } from "./idp/demo-client.js";
import { loadDemoOpenData } from "./opendata/demo.js";
import { loadDemoParticipation } from "./participation/demo.js";
import { type Config, ConfigError, loadConfig } from "./platform/config.js";
import { openDatabase } from "./platform/db/client.js";
import { runMigrations } from "./platform/db/migrate.js";
import { translator } from "./platform/i18n/messages.js";
import { fromRoot } from "./platform/paths.js";
import { createFileStorage } from "./platform/storage/create-storage.js";
import { publishedSecretProblems } from "./published-secrets.js";
import { loadSearchSettings } from "./search/settings.js";
import { buildApp } from "./server.js";
import { loadDemoTransactions } from "./statistics/demo.js";

/** Starts the portal: configuration, database, migrations, then the HTTP server. */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const version = (JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string }).version;
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await runMigrations(database, config.DATABASE_URL);
  const storage = await createFileStorage(config);
  const published = await publishedSecretProblems(config, database.db);
  if (published.length > 0) {
    console.error(`Refusing to start in production:\n${published.map((p) => `  - ${p}`).join("\n")}`);
    await database.close();
    process.exit(1);
  }
  if (config.DEMONSTRATION) {
    console.warn(
      JSON.stringify({ level: 40, time: Date.now(), msg: "demonstration portal: the demo people's password is published" }),
    );
  }
  if (config.SEED_DEMO && (await loadDemoCatalogue(database.db, storage, loadCatalogueContent()))) {
    console.log(JSON.stringify({ level: 30, time: Date.now(), msg: "demo content loaded" }));
  }
  await loadSearchSettings(database.db);
  if (config.SEED_DEMO) {
    await loadDemoPeople(database.db);
    const eservices = await loadDemoEservices(database.db);
    await loadDemoParticipation(database.db);
    await loadDemoAppointments(database.db);
    await loadDemoOpenData(database.db, storage);
    await loadDemoTransactions(database.db);
    for (const { definition, problems } of eservices.refused) {
      const tr = translator("en");
      console.warn(
        JSON.stringify({
          level: 40,
          time: Date.now(),
          msg: `e-service ${definition} contradicts its service's facts and is not published: ${problems.map((p) => messageOf(tr, p)).join("; ")}`,
        }),
      );
    }
    for (const conflict of eservices.conflicts) {
      console.warn(
        JSON.stringify({
          level: 40,
          time: Date.now(),
          msg: `e-service ${conflict} changed without a new version number; the published version is kept`,
        }),
      );
    }
    await loadDemoClient(database.db, config.DEMO_AGENCY_URL, config.DEMO_AGENCY_CLIENT_SECRET);
    await loadDemoMobileClient(database.db);
  }
  const app = await buildApp({ config, database, storage, version });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ url: config.BASE_URL, database: database.kind }, "Hukoomi is ready");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
