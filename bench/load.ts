/**
 * A mixed load against two instances behind nginx on the national-scale
 * catalogue (2,247 services): page views, searches and e-service
 * submissions together, for BENCH_LOAD_SECONDS (600 by default, as the
 * reliability target asks). Prints requests/s, mean/p50/p99 latency of
 * every answer (timed by the bench: autocannon's own figure leaves out
 * everything but 2xx answers), errors and each instance's memory at the
 * start and the end, then checks that every acknowledged submission is in
 * the database.
 *
 *   npm run bench:load            (BENCH_LOAD_SECONDS=60 for a short run)
 */
import autocannon from "autocannon";
import { percentile, residentMb } from "./support/figures.js";
import { scratchCluster } from "./support/scratch-cluster.js";
import { SLUG } from "./support/session.js";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 600);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 20);
/** Share of requests that are searches and submissions; the rest are page views. */
const SEARCH_SHARE = 0.2;
const SUBMIT_SHARE = 0.05;
/** What each connection remembers between a request and its answer. */
interface Timed {
  sentAt?: number;
}
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

const { cluster, db, session, drafts: draftsOf, close } = await scratchCluster("bench_load", { scale: true });
try {
  const slugs = (await db.query<{ slug: string }>("select slug from services where published")).rows.map((r) => r.slug);
  const drafts = await draftsOf(Math.ceil(SECONDS * 400 * SUBMIT_SHARE) + 100);
  const submitBody = new URLSearchParams({ _csrf: session.csrf, declaration: "yes" }).toString();
  const memoryStart = await Promise.all(cluster.instances.map((i) => residentMb(i.port)));
  // Resident memory of each instance every tenth of the run: it must stay flat in the run's second half.
  const samples: { at: number; mb: number[] }[] = [];
  const started = Date.now();
  const sampler = setInterval(
    () => {
      Promise.all(cluster.instances.map((i) => residentMb(i.port)))
        .then((mb) => samples.push({ at: Math.round((Date.now() - started) / 1000), mb }))
        .catch(() => undefined);
    },
    Math.max(1, SECONDS / 10) * 1000,
  );

  let nextDraft = 0;
  /** Every response's time, whatever its status (autocannon's own latency counts 2xx answers only). */
  const timings: number[] = [];
  const counts = { pages: 0, searches: 0, submissions: 0, acknowledged: 0, errors: 0 };
  const result = await autocannon({
    url: cluster.baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req, context) => {
          (context as Timed).sentAt = performance.now();
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
        onResponse: (status, _body, context) => {
          timings.push(performance.now() - ((context as Timed).sentAt ?? 0));
          if (status === 303) counts.acknowledged++;
          else if (status >= 400) counts.errors++;
        },
      },
    ],
  });
  clearInterval(sampler);
  const memoryEnd = await Promise.all(cluster.instances.map((i) => residentMb(i.port)));
  const submitted = drafts.slice(0, nextDraft);
  const durable = (
    await db.query<{ n: number }>("select count(*)::int as n from eservice_cases where draft_id = any($1::uuid[])", [submitted])
  ).rows[0]?.n;

  const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
  const ms = (p: number) => percentile(timings, p).toFixed(0);
  console.log(
    `\n### Mixed load: 2 instances behind nginx, PostgreSQL, ${slugs.length} services, ${SECONDS} s, ${CONNECTIONS} connections\n`,
  );
  console.log(
    "| requests | requests/s | mean ms | p50 ms | p99 ms | errors | page views | searches | submissions (acknowledged / in the database) | memory start → end (MB, per instance) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(
    `| ${timings.length} | ${result.requests.average.toFixed(0)} | ${mean.toFixed(0)} | ${ms(50)} | ${ms(99)} | ${counts.errors + result.errors + result.timeouts} | ${counts.pages} | ${counts.searches} | ${counts.acknowledged} / ${durable} | ${memoryStart.map((m, i) => `${m} → ${memoryEnd[i]}`).join(", ")} |`,
  );
  console.log(
    `\nResident memory (MB) per instance during the run: ${samples.map((x) => `${x.at} s: ${x.mb.join(" / ")}`).join("; ")}; end: ${memoryEnd.join(" / ")}.`,
  );
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => `${code} × ${stat.count ?? 0}`);
  console.log(
    `\nAnswers by status: ${statuses.join(", ")}; latency is every answer's, timed by the bench. Errors: ${counts.errors} answers 4xx or 5xx, ${result.errors} connection errors, ${result.timeouts} timeouts.`,
  );
  if ((durable ?? 0) < counts.acknowledged) throw new Error("an acknowledged submission is missing from the database");
} finally {
  await close();
}
