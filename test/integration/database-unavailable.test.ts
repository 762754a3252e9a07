import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { type Database, openDatabase } from "../../src/platform/db/client.js";
import { isDatabaseUnavailable } from "../../src/platform/http/errors.js";
import { LocalFileStorage } from "../../src/platform/storage/file-storage.js";
import { buildApp } from "../../src/server.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { freePort } from "../support/portal-process.js";

describe("recognising an unreachable database", () => {
  it("recognises the driver’s own errors for a server that is not there", async () => {
    const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:${await freePort()}/gone`, poolSize: 1 });
    const failure = await database.db.execute(sql`select 1`).then(
      () => undefined,
      (error: unknown) => error,
    );
    await database.close();
    expect(failure).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });

  it("recognises lost connections and server shutdowns, and nothing else", () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001", "ECONNRESET", "ECONNREFUSED"])
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: coded("57P01") }))).toBe(true);
    for (const code of ["42601", "23505", "40001", "22P02"]) expect(isDatabaseUnavailable(coded(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

/**
 * A TCP relay in front of the PostgreSQL server that can be cut (every
 * connection reset, new ones refused) and restored on the same port: an
 * outage for this app alone, without stopping the shared server.
 */
async function relay(target: URL) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
        const pair = [client, upstream];
        for (const s of pair) {
          sockets.add(s);
          s.on("error", () => undefined);
          s.on("close", () => {
            for (const other of pair) {
              other.destroy();
              sockets.delete(other);
            }
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  return {
    url: Object.assign(new URL(target), { hostname: "127.0.0.1", port: String(port) }).toString(),
    open,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.resetAndDestroy();
        server?.close(() => resolve());
      }),
  };
}

describe.skipIf(!process.env.DATABASE_URL)("when the PostgreSQL server goes away and comes back", () => {
  let app: FastifyInstance;
  let testDb: TestDatabase;
  let database: Database;
  let link: Awaited<ReturnType<typeof relay>>;
  let filesDir: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    link = await relay(new URL(testDb.url ?? ""));
    database = await openDatabase({ url: link.url, poolSize: 3 });
    filesDir = mkdtempSync(join(tmpdir(), "hk-db-gone-"));
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      BASE_URL: "http://portal.test",
      DATABASE_URL: link.url,
      JOBS_INTERVAL_SECONDS: "0",
      OUTBOX_INTERVAL_SECONDS: "0",
      PAGE_CACHE_SECONDS: "0",
    });
    app = await buildApp({ config, database, storage: new LocalFileStorage(filesDir) });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await testDb?.drop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  it("answers normally while the database is there", async () => {
    expect((await app.inject({ method: "GET", url: "/en/services" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
  });

  it("answers quickly with a 503 in the visitor’s language while it is gone, and JSON for the API", async () => {
    await link.cut();
    const started = Date.now();
    const res = await app.inject({ method: "GET", url: "/en/services" });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toMatch(/<html lang="en" dir="ltr"/);
    expect(res.body).toContain("Sorry, the service is busy for a moment");

    const arabic = await app.inject({ method: "GET", url: "/services" });
    expect(arabic.statusCode).toBe(503);
    expect(arabic.body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(arabic.body).toContain("عذرًا، الخدمة مشغولة للحظات");

    const api = await app.inject({ method: "GET", url: "/api/v1/agencies" });
    expect(api.statusCode).toBe(503);
    expect(api.json()).toEqual({ error: expect.objectContaining({ status: 503, message: expect.any(String) }) });

    expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  }, 60_000);

  it("recovers by itself when the database returns", async () => {
    await link.open();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await app.inject({ method: "GET", url: "/readyz" })).statusCode;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await app.inject({ method: "GET", url: "/en/services" })).statusCode).toBe(200);
  }, 60_000);
});
