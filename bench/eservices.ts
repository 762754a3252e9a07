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
import { loadDefinitionFiles } from "../src/eservices/content.js";
import { type Choices, pageFields } from "../test/support/fill.js";
import { startPortal } from "../test/support/portal-process.js";

const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 3000);
const SLUG = "suggestion-or-complaint";

/** A cookie jar and form poster over fetch, as a browser would. */
class Session {
  private cookies = new Map<string, string>();
  csrf = "";
  constructor(readonly baseUrl: string) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response, body: string) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
  }

  async get(path: string): Promise<{ status: number; body: string; location: string }> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie }, redirect: "manual" });
    const body = await res.text();
    this.keep(res, body);
    return { status: res.status, body, location: res.headers.get("location") ?? "" };
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
  ): Promise<{ status: number; body: string; location: string }> {
    const form = new URLSearchParams({ _csrf: this.csrf });
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      body: form,
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    const body = await res.text();
    this.keep(res, body);
    return { status: res.status, body, location: res.headers.get("location") ?? "" };
  }
}

/** Signs in as the demo resident and answers the e-service to its check page; returns the draft's id. */
async function completeDraft(session: Session): Promise<string> {
  const def = loadDefinitionFiles().find((d) => d.slug === SLUG);
  if (!def) throw new Error(`no ${SLUG}`);
  await session.get("/en/sign-in");
  const signedIn = await session.post("/en/sign-in", {
    identifier: "resident@demo.hukoomi.example",
    password: "Hukoomi-demo-2026",
  });
  if (signedIn.status !== 303) throw new Error(`sign-in failed: ${signedIn.status}`);
  await session.get(`/en/eservices/${SLUG}`);
  let res = await session.post(`/en/eservices/${SLUG}/start`, {});
  const choices: Choices = {};
  for (let i = 0; i < 20 && !res.location.endsWith("/check"); i++) {
    const page = await session.get(res.location);
    const pageId = res.location.split("/").pop() ?? "";
    // The e-service's only file question is optional: the bench sends no files.
    const { fields } = pageFields(def, pageId, page.body, choices);
    const path = res.location;
    res = await session.post(path, fields);
    if (res.status !== 303) throw new Error(`${pageId} refused (${res.status})`);
  }
  await session.get(res.location);
  const id = /\/eservices\/[a-z-]+\/([0-9a-f-]{36})\/check/.exec(res.location)?.[1];
  if (!id) throw new Error("no draft");
  return id;
}

async function run(baseUrl: string, db: pg.Client, session: Session, template: string, connections: number) {
  const { rows } = await db.query<{ id: string }>(
    `insert into eservice_drafts (id, user_id, eservice, version, answers, created_at, updated_at, expires_at)
     select gen_random_uuid(), user_id, eservice, version, answers, now(), now(), expires_at
     from eservice_drafts, generate_series(1, $2) where id = $1 returning id`,
    [template, SUBMISSIONS],
  );
  const ids = rows.map((r) => r.id);
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
