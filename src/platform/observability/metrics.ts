import { createHash, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database, Db } from "../db/client.js";
import { NotFoundError } from "../http/errors.js";

export const METRICS_PATH = "/metrics";

export interface MetricsOptions {
  database: Database;
  /** Bearer token that lets a scraper in from another address; without it, only loopback may read. */
  token?: string | undefined;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * What the queues hold, counted when Prometheus scrapes. Plain SQL on the
 * areas' tables by name, so the platform imports no area; each is one count
 * on an indexed status column.
 */
const QUEUES = [
  {
    name: "hukoomi_outbox_pending_messages",
    help: "Email and text messages in the notification outbox waiting to be sent",
    count: sql`select count(*)::int as n from outbox_messages where status = 'pending'`,
  },
  {
    name: "hukoomi_payments_unfinished",
    help: "Payment attempts not yet finished (created, pending or authorised)",
    count: sql`select count(*)::int as n from payments where status in ('created', 'pending', 'authorised')`,
  },
  {
    name: "hukoomi_eservice_cases_open",
    help: "E-service cases waiting for the agency (submitted, in review or information requested)",
    count: sql`select count(*)::int as n from eservice_cases where status in ('submitted', 'in-review', 'info-requested')`,
  },
];

async function countOf(db: Db, query: (typeof QUEUES)[number]["count"]): Promise<number> {
  const result = await db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
}

function isLoopback(address: string | undefined): boolean {
  return address === "::1" || address?.startsWith("127.") === true || address?.startsWith("::ffff:127.") === true;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * A scraper on the same machine (the socket is loopback and no proxy
 * forwarded the request: a local reverse proxy would make every visitor
 * look local), or one with the bearer token.
 */
function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  const forwarded = ["x-forwarded-for", "forwarded", "x-real-ip"].some((h) => request.headers[h] !== undefined);
  if (!forwarded && isLoopback(request.socket.remoteAddress)) return true;
  const auth = request.headers.authorization ?? "";
  return token !== undefined && auth.startsWith("Bearer ") && sameSecret(auth.slice("Bearer ".length), token);
}

declare module "fastify" {
  interface FastifyInstance {
    /** This app's Prometheus registry (one per app, so several apps in one process do not clash). */
    metrics: Registry;
  }
}

/**
 * Prometheus metrics at /metrics: the process (hukoomi_ defaults), HTTP
 * requests by method, route pattern and status, the PostgreSQL pool, and
 * the depth of the outbox, payment and case queues. Refused (404) to anyone
 * but a local scraper or one with METRICS_TOKEN.
 */
export const metricsPlugin = fp(async (app: FastifyInstance, opts: MetricsOptions) => {
  const registry = new Registry();
  app.decorate("metrics", registry);
  collectDefaultMetrics({ register: registry, prefix: "hukoomi_" });
  // prom-client names three gauges *_total, a suffix Prometheus keeps for counters; the same
  // figures stay as hukoomi_nodejs_active_{handles,requests,resources}{type}, whose sum is the total.
  for (const name of ["active_handles_total", "active_requests_total", "active_resources_total"])
    registry.removeSingleMetric(`hukoomi_nodejs_${name}`);

  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({
    name: "hukoomi_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "hukoomi_http_request_duration_seconds",
    help: "Time to answer HTTP requests, by method, route pattern and status",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === METRICS_PATH) return;
    const labels = {
      method: METHODS.has(request.method) ? request.method : "other",
      // The pattern (/en/services/:slug), never the address itself: label values must stay few.
      route: route ?? "unmatched",
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });

  const { database } = opts;
  const poolStats = database.poolStats;
  if (poolStats) {
    new Gauge({
      name: "hukoomi_db_pool_clients",
      help: "Clients of the PostgreSQL pool: total open, idle, and requests waiting for one",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
  }
  for (const queue of QUEUES) {
    new Gauge({
      name: queue.name,
      help: queue.help,
      registers: [registry],
      async collect() {
        try {
          this.set(await countOf(database.db, queue.count));
        } catch (error) {
          // A database that does not answer must not take the process metrics with it.
          app.log.warn({ err: error, metric: queue.name }, "queue depth not counted");
          this.set(Number.NaN);
        }
      },
    });
  }

  app.get(METRICS_PATH, async (request, reply) => {
    if (!mayRead(request, opts.token)) throw new NotFoundError();
    const body = await registry.metrics();
    return reply.header("cache-control", "no-store").type(registry.contentType).send(body);
  });
});
