/**
 * A mixed load against two instances behind nginx on the national-scale
 * catalogue (2,247 services): page views, searches and e-service
 * submissions together, for BENCH_LOAD_SECONDS (600 by default, as the
 * reliability target asks). Prints requests/s, p50/p99 latency, errors and
 * each instance's memory at the start and the end, then checks that every
 * acknowledged submission is in the database.
 *
 *   npm run bench:load            (BENCH_LOAD_SECONDS=60 for a short run)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startCluster } from "../scripts/cluster/cluster.js";
import { freePort } from "../test/support/portal-process.js";
import { residentMb, scratchDatabase, seedScale } from "./support/figures.js";
import { cloneDraft, completeDraft, Session, SLUG } from "./support/session.js";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 600);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 20);
/** Share of requests that are searches and submissions; the rest are page views. */
const SEARCH_SHARE = 0.2;
const SUBMIT_SHARE = 0.05;
const QUERIES = [
  "إقامة",
  "تجديد الإقامة",
  "iqama",
  "exit permit",
  "رخصة سواقة",
  "visa",
  "customs",
  "تصريح خروج",
  "medical",
  "شركة",
];

const database = await scratchDatabase("hukoomi_bench_load");
const work = mkdtempSync(join(tmpdir(), "hukoomi-load-"));
const filesDir = join(work, "files");
seedScale(database.url, filesDir);
const firstPort = await freePort();
const cluster = await startCluster({
  instances: 2,
  proxyPort: await freePort(),
  firstPort,
  databaseUrl: database.url,
  workDir: join(work, "cluster"),
  env: { FILES_DIR: filesDir },
});
const db = new pg.Client({ connectionString: database.url });
try {
  await db.connect();
  const slugs = (await db.query<{ slug: string }>("select slug from services where published")).rows.map((r) => r.slug);
  const session = new Session(cluster.baseUrl);
  const template = await completeDraft(session);
  const drafts = await cloneDraft(db, template, Math.ceil(SECONDS * 200 * SUBMIT_SHARE) + 100);
  const submitBody = new URLSearchParams({ _csrf: session.csrf, declaration: "yes" }).toString();
  const memoryStart = await Promise.all(cluster.instances.map((i) => residentMb(i.port)));

  let nextDraft = 0;
  const counts = { pages: 0, searches: 0, submissions: 0, acknowledged: 0, errors: 0 };
  const result = await autocannon({
    url: cluster.baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const roll = Math.random();
          const lang = Math.random() < 0.6 ? "" : "/en";
          if (roll < SUBMIT_SHARE && nextDraft < drafts.length) {
            counts.submissions++;
            return {
              ...req,
              method: "POST",
              path: `/en/eservices/${SLUG}/${drafts[nextDraft++]}/submit`,
              body: submitBody,
              headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie },
            };
          }
          if (roll < SUBMIT_SHARE + SEARCH_SHARE) {
            counts.searches++;
            const q = QUERIES[Math.floor(Math.random() * QUERIES.length)] as string;
            return { ...req, method: "GET", path: `${lang}/search?q=${encodeURIComponent(q)}`, headers: {} };
          }
          counts.pages++;
          const slug = slugs[Math.floor(Math.random() * slugs.length)];
          return { ...req, method: "GET", path: `${lang}/services/${slug}`, headers: {} };
        },
        onResponse: (status) => {
          if (status === 303) counts.acknowledged++;
          else if (status >= 400) counts.errors++;
        },
      },
    ],
  });
  const memoryEnd = await Promise.all(cluster.instances.map((i) => residentMb(i.port)));
  const submitted = drafts.slice(0, nextDraft);
  const durable = (
    await db.query<{ n: number }>("select count(*)::int as n from eservice_cases where draft_id = any($1::uuid[])", [submitted])
  ).rows[0]?.n;

  console.log(
    `\n### Mixed load: 2 instances behind nginx, PostgreSQL, ${slugs.length} services, ${SECONDS} s, ${CONNECTIONS} connections\n`,
  );
  console.log(
    "| requests | requests/s | p50 ms | p99 ms | errors | page views | searches | submissions (acknowledged / in the database) | memory start → end (MB, per instance) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(
    `| ${result.requests.total} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${counts.errors + result.errors + result.timeouts} | ${counts.pages} | ${counts.searches} | ${counts.acknowledged} / ${durable} | ${memoryStart.map((m, i) => `${m} → ${memoryEnd[i]}`).join(", ")} |`,
  );
  if ((durable ?? 0) < counts.acknowledged) throw new Error("an acknowledged submission is missing from the database");
} finally {
  await db.end().catch(() => undefined);
  await cluster.stop();
  await database.drop();
  rmSync(work, { recursive: true, force: true });
}
