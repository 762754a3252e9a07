/**
 * Fills a database with plausible bilingual agencies and services for
 * benchmarks, on top of the demo content:
 *   npm run seed:scale -- --agencies 471 --services 2247
 * Uses the same configuration as the portal (DATA_DIR or DATABASE_URL).
 */
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { loadCatalogueContent } from "../src/catalogue/content/load.js";
import { loadDemoCatalogue } from "../src/catalogue/demo/load-demo.js";
import { generateScaleCatalogue } from "../src/catalogue/scale/generate.js";
import { loadConfig } from "../src/platform/config.js";
import { openDatabase } from "../src/platform/db/client.js";
import { runMigrations } from "../src/platform/db/migrate.js";
import { LocalFileStorage } from "../src/platform/storage/file-storage.js";

const { values } = parseArgs({
  options: { agencies: { type: "string", default: "471" }, services: { type: "string", default: "2247" } },
});
const target = { agencies: Number(values.agencies), services: Number(values.services) };
if (
  !Number.isInteger(target.agencies) ||
  !Number.isInteger(target.services) ||
  target.services > 100_000 ||
  target.agencies < 1
) {
  console.error("usage: npm run seed:scale -- --agencies <n> --services <n up to 100000>");
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await runMigrations(database, config.DATABASE_URL);
await loadDemoCatalogue(database.db, new LocalFileStorage(config.FILES_DIR), loadCatalogueContent());
const bar = new SingleBar({ format: "seeding [{bar}] {percentage}% | {value}/{total} rows | {eta}s left", hideCursor: true });
const started = Date.now();
const totals = await generateScaleCatalogue(database.db, target, {
  start: (total) => bar.start(total, 0),
  update: (done) => bar.update(done),
  stop: () => bar.stop(),
});
console.log(
  `catalogue now holds ${totals.agencies} agencies and ${totals.services} services (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
await database.close();
