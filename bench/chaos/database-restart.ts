import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startCluster } from "../../scripts/cluster/cluster.js";
import { freePort } from "../../test/support/portal-process.js";
import { percentile } from "../support/figures.js";
import { markdownTable, type PartResult, QUIET, setting, sleep } from "./common.js";
import { startPrivatePostgres } from "./private-postgres.js";

/** The friendly page's English title (messages/en.json errors.unavailable.title). */
const FRIENDLY = "Sorry, the service is busy for a moment";

interface Sample {
  target: string;
  at: number;
  ms: number;
  status: number;
  friendly: boolean;
}

/** "503 ×12, 0 ×2": how often each status came. */
function statuses(samples: Sample[]): string {
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status} ×${n}`).join(", ") || "none";
}

/**
 * Database restart during load: two instances on a PostgreSQL server of
 * their own, a steady stream of pages that need the database (a query
 * string the page cache has not seen), the server stopped at once for a
 * while and started again. While it is down, answers must be the quick
 * friendly 503 (never a 500, never a hang); after, the pages must come back
 * by themselves.
 */
export async function databaseRestartDuringLoad(): Promise<PartResult> {
  const outageSeconds = setting("CHAOS_OUTAGE_SECONDS", 10);
  const clients = setting("CHAOS_CLIENTS", 4);
  const recoveryLimit = setting("CHAOS_RECOVERY_SECONDS", 30);
  const hangMs = setting("CHAOS_HANG_MS", 5000);

  const server = await startPrivatePostgres();
  const work = mkdtempSync(join(tmpdir(), "hukoomi-chaos-db-"));
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
  try {
    const databaseUrl = server.url("hukoomi_chaos");
    cluster = await startCluster({
      instances: 2,
      proxyPort: await freePort(),
      firstPort: await freePort(),
      databaseUrl,
      workDir: join(work, "cluster"),
      env: { ...QUIET, FILES_DIR: join(work, "files") },
    });
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const agencies = (await db.query<{ slug: string }>("select slug from agencies")).rows.map((r) => r.slug);
    await db.end();
    const paths = ["/en/services", "/services", ...agencies.flatMap((s) => [`/en/agencies/${s}`, `/agencies/${s}`])];

    // Half the clients go through nginx, half straight to an instance: the portal's own answer and what the proxy makes of it.
    const targets = [
      { name: "through nginx", url: cluster.baseUrl },
      { name: "straight to an instance", url: `http://127.0.0.1:${cluster.instances[0]?.port}` },
    ];
    const samples: Sample[] = [];
    let running = true;
    const client = async (index: number) => {
      const target = targets[index % targets.length] as (typeof targets)[number];
      while (running) {
        const path = paths[Math.floor(Math.random() * paths.length)] as string;
        const at = Date.now();
        let status = 0;
        let friendly = false;
        try {
          const res = await fetch(`${target.url}${path}?chaos=${Math.random().toString(36).slice(2)}`, {
            signal: AbortSignal.timeout(60_000),
          });
          status = res.status;
          const body = await res.text();
          friendly = status === 503 && body.includes(FRIENDLY) && res.headers.has("retry-after");
        } catch {
          // no answer: counted as status 0
        }
        samples.push({ target: target.name, at, ms: Date.now() - at, status, friendly });
        if (status !== 200) await sleep(100);
      }
    };

    const load = Array.from({ length: Math.max(2, clients) }, (_, i) => client(i));
    await sleep(5000);
    // Requests between the stop being asked for and done (or the start) are in transition: not
    // counted in either phase, though a 500 among them still fails the check.
    const stopAskedAt = Date.now();
    await server.stop();
    const stoppedAt = Date.now();
    await sleep(outageSeconds * 1000);
    const startAskedAt = Date.now();
    await server.start();
    const startedAt = Date.now();
    // Keep the load on until every answer has been a 200 for a few seconds, or the limit.
    for (;;) {
      await sleep(1000);
      const recent = samples.filter((s) => s.at > Date.now() - 3000);
      const healthy = recent.length > 0 && recent.every((s) => s.status === 200);
      if ((healthy && Date.now() - startedAt > 3000) || Date.now() - startedAt > recoveryLimit * 1000 + 5000) break;
    }
    running = false;
    await Promise.all(load);

    const failures: string[] = [];
    const rows = targets.map(({ name }) => {
      const mine = samples.filter((s) => s.target === name);
      const before = mine.filter((s) => s.at + s.ms < stopAskedAt);
      const during = mine.filter((s) => s.at >= stoppedAt && s.at < startAskedAt);
      const after = mine.filter((s) => s.at >= startedAt);
      // Back when every request started from then on answered 200.
      const lastBad = after.filter((s) => s.status !== 200).reduce((latest, s) => Math.max(latest, s.at), startedAt);
      const recovered = after.some((s) => s.status === 200 && s.at >= lastBad);
      const recoverySeconds = recovered ? (lastBad - startedAt) / 1000 : Number.POSITIVE_INFINITY;
      const friendly = during.filter((s) => s.friendly).length;
      const ms = during.map((s) => s.ms);
      const p99 = percentile(ms, 99);
      const errors500 = mine.filter((s) => s.status === 500).length;
      const others = during.filter((s) => !s.friendly);

      const failed = (what: string) => failures.push(`database restart (${name}): ${what}`);
      if (before.length === 0 || before.some((s) => s.status !== 200))
        failed(`before the outage, answers other than 200: ${statuses(before.filter((s) => s.status !== 200))}`);
      if (during.length === 0) failed("no requests during the outage");
      if (friendly < during.length * 0.95)
        failed(
          `only ${friendly} of ${during.length} answers during the outage were the friendly 503 (others: ${statuses(others)})`,
        );
      if (!(p99 <= hangMs)) failed(`p99 during the outage ${p99} ms is over ${hangMs} ms`);
      if (errors500 > 0) failed(`${errors500} answers were 500`);
      if (!(recoverySeconds <= recoveryLimit)) failed(`not recovered within ${recoveryLimit} s`);
      return {
        requests: name,
        "before (all 200)": `${before.length} (${before.every((s) => s.status === 200) ? "yes" : "no"})`,
        "during the outage": during.length,
        "friendly 503 (share)": `${friendly} (${during.length ? ((100 * friendly) / during.length).toFixed(1) : "0"} %)`,
        "other answers during": `${others.length}${others.length ? ` (${statuses(others)})` : ""}`,
        "p50 / p99 ms during": `${percentile(ms, 50)} / ${p99}`,
        "500 answers": errors500,
        "s to recover": Number.isFinite(recoverySeconds) ? recoverySeconds.toFixed(1) : "not recovered",
      };
    });
    return {
      title: `Database restart during load: 2 instances, PostgreSQL stopped (immediate) for ${outageSeconds} s, ${Math.max(2, clients)} clients`,
      table: markdownTable(...rows),
      failures,
    };
  } finally {
    await cluster?.stop().catch(() => undefined);
    await server.destroy();
    rmSync(work, { recursive: true, force: true });
  }
}
