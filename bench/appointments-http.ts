/**
 * The same busy day through HTTP: the portal runs in its own process (from
 * the sources, on BENCH_PORT, 4104 by default) on a scratch PostgreSQL
 * database, and 20 simulated people call /api/v1 as the mobile app does —
 * the day's free times (public), then hold and confirm, move, cancel with a
 * bearer token (/api/v1/me/appointments). Each person uses eight accounts
 * in turn (one booking per person per service, and each token's limit of
 * 120 calls a minute). Their tokens are made directly by an identity provider
 * over the same database (the sign-in flow itself is api-bearer.test.ts's
 * business, not this benchmark's). Run by bench/appointments.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser, findUser } from "../src/accounts/repository.js";
import { overbookedSlots } from "../src/appointments/repository.js";
import { loadDemoMobileClient, MOBILE_APP_CLIENT_ID } from "../src/idp/demo-client.js";
import { loadIdpKeys } from "../src/idp/keys.js";
import { createProvider } from "../src/idp/provider.js";
import { type Database, openDatabase } from "../src/platform/db/client.js";
import { busyDay, CENTRE, COUNTERS, MINUTES, SERVICE } from "./support/busy-day.js";
import { scratchDatabase } from "./support/figures.js";

const PORT = Number(process.env.BENCH_PORT ?? 4104);
const ACCOUNTS_EACH = 8;
const SCOPE = "openid hukoomi.me";

type Op = "book" | "move" | "cancel" | "read";
interface Tally {
  latencies: Record<Op, number[]>;
  refused: Map<string, number>;
  errors: string[];
}

async function startPortal(baseUrl: string, databaseUrl: string): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "hukoomi-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      BASE_URL: baseUrl,
      // Errors only: started from the sources, the portal warns that the built browser files (dist/client) are missing.
      LOG_LEVEL: "error",
      JOBS_INTERVAL_SECONDS: "0",
      NODE_ENV: "development",
      SEED_DEMO: "false",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return { child, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error("the portal did not start");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Accounts and their access tokens for the demo mobile app, made by a provider over the portal's database. */
async function tokens(database: Database, baseUrl: string, count: number): Promise<string[]> {
  const db = database.db;
  await loadDemoMobileClient(db);
  const provider = createProvider({
    db,
    baseUrl,
    keys: await loadIdpKeys(db),
    trustProxy: false,
    allowLoopbackRequests: true,
    findUser: (id) => findUser(db, id),
  });
  const client = await provider.Client.find(MOBILE_APP_CLIENT_ID);
  if (!client) throw new Error("no mobile client");
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await createUser(db, {
      email: `bench-person-${i}@bench.example`,
      nameAr: "شخص",
      nameEn: "Person",
      nationality: "QA",
      residency: "citizen",
      phone: `+9745${String(1_000_000 + i)}`,
      locale: "en",
    });
    const grant = new provider.Grant({ accountId: user.id, clientId: MOBILE_APP_CLIENT_ID });
    grant.addOIDCScope(SCOPE);
    const grantId = await grant.save();
    const token = new provider.AccessToken({ accountId: user.id, client, grantId, scope: SCOPE, gty: "authorization_code" });
    out.push(await token.save());
  }
  return out;
}

interface Answer {
  status: number;
  body: { id?: string; times?: { startsAt: string; free: number }[]; error?: { message: string; details?: { reason?: string } } };
}

async function send(res: Promise<Response>): Promise<Answer> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Answer["body"] };
}

/** Times one step; a 409 or 429 is a refusal (counted by reason), any other failure an error. */
async function timed(tally: Tally, op: Op, work: () => Promise<Answer>): Promise<Answer["body"] | undefined> {
  const started = performance.now();
  try {
    const { status, body } = await work();
    if (status < 300) {
      tally.latencies[op].push(performance.now() - started);
      return body;
    }
    if (status === 409 || status === 429) {
      const why = status === 429 ? "rate-limited" : (body.error?.details?.reason ?? "other");
      tally.refused.set(`${op}: ${why}`, (tally.refused.get(`${op}: ${why}`) ?? 0) + 1);
    } else tally.errors.push(`${op}: http ${status} ${JSON.stringify(body).slice(0, 200)}`);
  } catch (error) {
    tally.errors.push(`${op}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

/** One simulated person: as bench/appointments.ts's, each booking under one of their accounts that has none. */
async function person(baseUrl: string, day: string, own: string[], until: number, tally: Tally): Promise<void> {
  const accounts = own.map((token) => ({ token, booking: undefined as string | undefined }));
  const call = (token: string, path: string, body?: unknown) =>
    send(
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      }),
    );
  const freeTime = async () => {
    const got = await timed(tally, "read", () =>
      send(fetch(`${baseUrl}/api/v1/appointments/centres/${CENTRE}/services/${SERVICE}/days/${day}/times`)),
    );
    const free = (got?.times ?? []).filter((t) => t.free > 0);
    return free[Math.floor(Math.random() * free.length)]?.startsAt;
  };
  while (Date.now() < until) {
    const idle = accounts.filter((a) => !a.booking);
    const busy = accounts.filter((a) => a.booking);
    const r = Math.random();
    const choice: Op = idle.length > 0 && (busy.length < 5 || r < 0.4) ? "book" : r < 0.6 && busy.length ? "move" : "cancel";
    if (choice === "book") {
      const a = idle[Math.floor(Math.random() * idle.length)] as (typeof accounts)[number];
      const startsAt = await freeTime();
      if (!startsAt) continue;
      const booked = await timed(tally, "book", async () => {
        const held = await call(a.token, "/api/v1/me/appointments", { centre: CENTRE, service: SERVICE, startsAt });
        return held.status < 300 ? call(a.token, `/api/v1/me/appointments/${held.body.id}/confirm`) : held;
      });
      if (booked) a.booking = booked.id;
    } else if (choice === "move") {
      const a = busy[Math.floor(Math.random() * busy.length)] as (typeof accounts)[number];
      const startsAt = await freeTime();
      if (!startsAt) continue;
      await timed(tally, "move", () => call(a.token, `/api/v1/me/appointments/${a.booking}/move`, { startsAt }));
    } else {
      const a = busy[Math.floor(Math.random() * busy.length)];
      if (!a) continue;
      await timed(tally, "cancel", () => call(a.token, `/api/v1/me/appointments/${a.booking}/cancel`));
      a.booking = undefined;
    }
  }
}

/** Runs the HTTP benchmark; prints its table; true when no slot was ever over its places and nothing failed. */
export async function httpRun(people: number, seconds: number, percentile: (sorted: number[], p: number) => number) {
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const scratch = await scratchDatabase("hukoomi_bench_appointments_http");
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  try {
    const setupStarted = Date.now();
    portal = await startPortal(baseUrl, scratch.url);
    const { day, places, bookedBefore } = await busyDay(database);
    const all = await tokens(database, baseUrl, people * ACCOUNTS_EACH);
    const tally: Tally = { latencies: { book: [], move: [], cancel: [], read: [] }, refused: new Map(), errors: [] };
    const started = Date.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: people }, (_, i) =>
        person(baseUrl, day, all.slice(i * ACCOUNTS_EACH, (i + 1) * ACCOUNTS_EACH), until, tally),
      ),
    );
    const took = (Date.now() - started) / 1000;
    const overbooked = await overbookedSlots(database.db);
    console.log(
      `\n### Appointments through HTTP (/api/v1, the portal in its own process on PostgreSQL): ${people} people, ` +
        `${people * ACCOUNTS_EACH} accounts, ${took.toFixed(0)} s, the same busy day (${places} places, ${MINUTES} min at ` +
        `${COUNTERS} counters, ${bookedBefore} booked before; set up in ${((started - setupStarted) / 1000).toFixed(1)} s)\n`,
    );
    console.log("| operation | done | per second | p50 ms | p99 ms |");
    console.log("| --- | --- | --- | --- | --- |");
    const names: Record<Op, string> = {
      book: "booking (POST hold + POST confirm)",
      move: "move (POST)",
      cancel: "cancel (POST)",
      read: "free times of the day (GET, public)",
    };
    for (const op of ["book", "move", "cancel", "read"] as const) {
      const sorted = [...tally.latencies[op]].sort((a, b) => a - b);
      console.log(
        `| ${names[op]} | ${sorted.length} | ${(sorted.length / took).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
      );
    }
    const refusals = [...tally.refused.entries()].sort();
    console.log(`\nRefusals by reason: ${refusals.length ? refusals.map(([k, n]) => `${k} ${n}`).join(", ") : "none"}`);
    console.log(`Errors (not refusals): ${tally.errors.length}${tally.errors.length ? ` — first: ${tally.errors[0]}` : ""}`);
    console.log(`Slots over their places or miscounted (overbookedSlots): ${overbooked}`);
    return overbooked === 0 && tally.errors.length === 0;
  } finally {
    await portal?.stop();
    await database.close();
    await scratch.drop();
  }
}
