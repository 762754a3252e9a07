import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { loadDemoAppointments } from "../../src/appointments/demo.js";
import { loadCatalogueContent } from "../../src/catalogue/content/load.js";
import { loadDemoCatalogue } from "../../src/catalogue/demo/load-demo.js";
import { loadDemoEservices } from "../../src/eservices/demo.js";
import { loadDemoOpenData } from "../../src/opendata/demo.js";
import { loadDemoParticipation } from "../../src/participation/demo.js";
import { loadConfig } from "../../src/platform/config.js";
import type { Db } from "../../src/platform/db/client.js";
import { LocalFileStorage } from "../../src/platform/storage/file-storage.js";
import { loadSearchSettings } from "../../src/search/settings.js";
import { buildApp } from "../../src/server.js";
import { loadDemoTransactions } from "../../src/statistics/demo.js";
import { buildTemplate, copyDatabase, createTestDatabase, type TestDatabase } from "./database.js";
import { freePort } from "./portal-process.js";
import { currentDay, template } from "./templates.js";

/** The demo content, as `demo: true` loads it. */
async function loadDemo(db: Db, storage: LocalFileStorage): Promise<void> {
  await loadDemoCatalogue(db, storage, loadCatalogueContent());
  await loadDemoEservices(db);
  await loadDemoParticipation(db);
  await loadDemoAppointments(db);
  await loadDemoOpenData(db, storage);
  await loadDemoTransactions(db);
}

/**
 * The run's demo template (see templates.ts): the migrated database with the
 * demo content, and the files it wrote. Built on the day it is used (the
 * demo's polls, surveys and transaction months are placed relative to today).
 */
const demoTemplate = () =>
  template("demo", (folder, id) =>
    buildTemplate(folder, id, (database, files) => loadDemo(database.db, new LocalFileStorage(files)), currentDay()),
  );

export interface TestApp {
  app: FastifyInstance;
  /** The address the app listens on, when created with `listen` (else the nominal http://portal.test). */
  baseUrl: string;
  db: TestDatabase;
  storage: LocalFileStorage;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Load the demo catalogue (agencies, services, news…) first. */
  demo?: boolean;
  /**
   * Listen on a free loopback port, with BASE_URL pointing there: for parts
   * that call the portal over real HTTP (the sandbox gateway and registries,
   * the gateway's notifications).
   */
  listen?: boolean;
}

/**
 * The whole portal on a fresh database and file folder, driven through
 * `app.inject` (real HTTP handling, no socket). The database (and, for the
 * demo, the file folder) is a copy of a template built once per test run.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const demo = options.demo ? await demoTemplate() : {};
  const db = demo.own ?? (demo.template ? await copyDatabase(demo.template) : await createTestDatabase());
  const filesDir = mkdtempSync(join(tmpdir(), "hk-test-files-"));
  const templateFiles = demo.template?.files;
  if (templateFiles && existsSync(templateFiles)) cpSync(templateFiles, filesDir, { recursive: true });
  const storage = new LocalFileStorage(filesDir);
  if (options.demo && !demo.template) await loadDemo(db.database.db, storage);
  await loadSearchSettings(db.database.db);
  const port = options.listen ? await freePort() : 0;
  const baseUrl = options.listen ? `http://127.0.0.1:${port}` : "http://portal.test";
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    BASE_URL: baseUrl,
    JOBS_INTERVAL_SECONDS: "0",
    OUTBOX_INTERVAL_SECONDS: "0",
    // Tests change content directly in the database; the page cache has its own test (page-cache.test.ts).
    PAGE_CACHE_SECONDS: "0",
    ...options.env,
  });
  const app = await buildApp({ config, database: db.database, storage });
  if (options.listen) await app.listen({ port, host: "127.0.0.1" });
  else await app.ready();
  return {
    app,
    baseUrl,
    db,
    storage,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** What a browser carries from a page to the form post that follows it: the token and the cookie. */
export interface FormSession {
  csrf: string;
  cookie: string;
}

/** Posts a form as a browser would (URL-encoded), with the session's cookie. */
export function postForm(
  app: FastifyInstance,
  url: string,
  session: FormSession | undefined,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(session ? { cookie: session.cookie } : {}),
      ...headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}
