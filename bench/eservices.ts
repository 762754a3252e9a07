/**
 * Submissions per second through HTTP on PostgreSQL: one applicant's
 * complete drafts are submitted as a browser submits them (the form post
 * with its anti-forgery token and session cookie), with 1 and 10
 * connections. Afterwards every acknowledged submission (303) is looked for
 * in the database: durable means the case is there. Run with
 * `npm run bench:eservices` (part of `npm run bench`).
 *
 * BENCH_DATABASE_URL (else DATABASE_URL, else the local server) names the
 * PostgreSQL server; a database is created for the run and dropped after.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { startPortal } from "../test/support/portal-process.js";
import { cloneDraft, completeDraft, Session, SLUG } from "./support/session.js";

const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 3000);

async function run(baseUrl: string, db: pg.Client, session: Session, template: string, connections: number) {
  const ids = await cloneDraft(db, template, SUBMISSIONS);
  const body = new URLSearchParams({ _csrf: session.csrf, declaration: "yes" }).toString();
  let next = 0;
  let acknowledged = 0;
  const started = Date.now();
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: ids.length,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const id = ids[next++] ?? ids[0];
          return {
            ...req,
            path: `/en/eservices/${SLUG}/${id}/submit`,
            body,
            headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie },
          };
        },
        onResponse: (status) => {
          if (status === 303) acknowledged++;
        },
      },
    ],
  });
  const seconds = (Date.now() - started) / 1000;
  const durable = await db.query<{ n: number }>(
    "select count(*)::int as n from eservice_cases where draft_id = any($1::uuid[])",
    [ids],
  );
  const left = await db.query<{ n: number }>("select count(*)::int as n from eservice_drafts where id = any($1::uuid[])", [ids]);
  const errors = result.errors + result.timeouts + ids.length - acknowledged;
  console.log(
    `| ${connections} | ${ids.length} | ${(acknowledged / seconds).toFixed(0)} | ${result.latency.p50.toFixed(1)} | ${result.latency.p99.toFixed(1)} | ${acknowledged} | ${durable.rows[0]?.n ?? 0} | ${left.rows[0]?.n ?? 0} | ${errors} |`,
  );
  if ((durable.rows[0]?.n ?? 0) < acknowledged) throw new Error("an acknowledged submission is missing from the database");
}

const name = `hukoomi_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const portal = await startPortal({ DATABASE_URL: url.toString(), JOBS_INTERVAL_SECONDS: "0" });
const db = new pg.Client({ connectionString: url.toString() });
try {
  await db.connect();
  const session = new Session(portal.baseUrl);
  const template = await completeDraft(session);
  console.log(`\n### E-service submissions on PostgreSQL (${SLUG}, one instance, ${SUBMISSIONS} submissions per run)\n`);
  console.log(
    "| connections | submissions | submissions/s | p50 ms | p99 ms | acknowledged | cases in the database | drafts left | errors |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  await run(portal.baseUrl, db, session, template, 1);
  await run(portal.baseUrl, db, session, template, 10);
} finally {
  await db.end().catch(() => undefined);
  await portal.stop();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
