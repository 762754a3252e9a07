import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { pageViews } from "../../src/analytics/tables.js";
import { outboxMessages } from "../../src/notifications/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, demoDefinition, submit } from "../support/apply.js";
import { signedInAs } from "../support/people.js";

const TOKEN = "metrics-token-for-the-tests";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { METRICS_TOKEN: TOKEN } });
  await loadDemoPeople(t.db.database.db);
});
afterAll(async () => t.close());

const scrape = (headers: Record<string, string> = {}, remoteAddress = "127.0.0.1") =>
  t.app.inject({ method: "GET", url: "/metrics", headers, remoteAddress });

/** The value of one sample line (name with its labels, exactly as exposed). */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("counts requests by route pattern and reports queue depths to a local scraper", async () => {
    const resident = await signedInAs(t.app, "resident");
    await submit(resident, await answerAll(resident, demoDefinition("exit-permit")));
    expect((await t.app.inject({ url: "/en/services/renew-residence-permit" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/en/no-such-page/at-all" })).statusCode).toBe(404);

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain("hukoomi_process_cpu_user_seconds_total");
    expect(
      sample(res.body, 'hukoomi_http_requests_total{method="GET",route="/en/services/:slug",status_code="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(res.body).toContain('route="unmatched",status_code="404"');
    // Never the address itself, and never the scrapes.
    expect(res.body).not.toContain("renew-residence-permit");
    expect(res.body).not.toContain('route="/metrics"');

    const [pending] = await t.db.database.db
      .select({ n: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.status, "pending"));
    expect(pending?.n).toBeGreaterThan(0);
    expect(sample(res.body, "hukoomi_outbox_pending_messages")).toBe(pending?.n);
    expect(sample(res.body, "hukoomi_eservice_cases_open")).toBeGreaterThanOrEqual(1);
    expect(sample(res.body, "hukoomi_payments_unfinished")).toBe(0);
    if (t.db.database.kind === "postgres") expect(res.body).toContain('hukoomi_db_pool_clients{state="total"}');
  });

  it("names every metric by Prometheus's naming rules", async () => {
    const body = (await scrape()).body;
    const types = new Map<string, string>();
    const helps = new Set<string>();
    for (const line of body.split("\n")) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types.set(type[1] as string, type[2] as string);
      const help = /^# HELP (\S+) \S/.exec(line);
      if (help) helps.add(help[1] as string);
    }
    expect(types.size).toBeGreaterThan(10);
    const broken: string[] = [];
    for (const [name, type] of types) {
      if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) broken.push(`${name}: not a metric name`);
      if (!name.startsWith("hukoomi_")) broken.push(`${name}: no application prefix`);
      // _total is for counters only; every counter ends with it.
      if (type === "counter" && !name.endsWith("_total")) broken.push(`${name}: a counter without _total`);
      if (type !== "counter" && name.endsWith("_total")) broken.push(`${name}: a ${type} named _total`);
      // Suffixes a histogram or summary adds to its samples are not for family names.
      if (/_(count|sum|bucket)$/.test(name)) broken.push(`${name}: a reserved suffix`);
      // Base units: seconds and bytes, never milliseconds, minutes, kilobytes…
      if (/_(milliseconds|ms|microseconds|minutes|hours|days|kilobytes|megabytes|kb|mb)(_|$)/.test(name))
        broken.push(`${name}: not a base unit`);
      if (!helps.has(name)) broken.push(`${name}: no HELP`);
    }
    for (const line of body.split("\n").filter((l) => l && !l.startsWith("#"))) {
      const labels = /\{(.*)\}/.exec(line)?.[1] ?? "";
      for (const [, label] of labels.matchAll(/(?:^|,)([^=,]+)=/g))
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label ?? "") || label?.startsWith("__")) broken.push(`${line}: label ${label}`);
    }
    expect(broken).toEqual([]);
    // The totals of active handles, requests and resources are still there, by type.
    expect(types.get("hukoomi_nodejs_active_handles")).toBe("gauge");
  });

  it("is refused to other addresses without the token, and behind a proxy on the same machine", async () => {
    expect((await scrape({}, "203.0.113.7")).statusCode).toBe(404);
    expect((await scrape({ authorization: "Bearer wrong-token-of-the-same-length" }, "203.0.113.7")).statusCode).toBe(404);
    expect((await scrape({ "x-forwarded-for": "203.0.113.7" })).statusCode).toBe(404);
    const allowed = await scrape({ authorization: `Bearer ${TOKEN}` }, "203.0.113.7");
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain("hukoomi_http_requests_total");
    // Scrapes are not page views either.
    await t.app.pageViews.flush();
    const viewed = await t.db.database.db.select({ path: pageViews.path }).from(pageViews);
    expect(viewed.map((v) => v.path)).toContain("/services/renew-residence-permit");
    expect(viewed.map((v) => v.path)).not.toContain("/metrics");
  });
});

describe("/csp-report", () => {
  const post = (type: string, payload: string) =>
    t.app.inject({ method: "POST", url: "/csp-report", headers: { "content-type": type }, payload });

  it("accepts a browser's report in either format", async () => {
    const legacy = {
      "csp-report": {
        "document-uri": "http://portal.test/en/services",
        "violated-directive": "script-src 'self'",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://cdn.example/evil.js",
      },
    };
    expect((await post("application/csp-report", JSON.stringify(legacy))).statusCode).toBe(204);
    const reporting = [
      {
        type: "csp-violation",
        url: "http://portal.test/en",
        body: { documentURL: "http://portal.test/en", effectiveDirective: "img-src", blockedURL: "https://img.example/x.png" },
      },
    ];
    expect((await post("application/reports+json", JSON.stringify(reporting))).statusCode).toBe(204);
  });

  it("refuses other content types, bad JSON and oversized bodies without a server error", async () => {
    expect((await post("application/json", "{}")).statusCode).toBe(415);
    expect((await post("application/x-www-form-urlencoded", "a=b")).statusCode).toBe(415);
    expect((await post("application/csp-report", "{not json")).statusCode).toBe(400);
    expect((await post("application/csp-report", "{}")).statusCode).toBe(400);
    const big = JSON.stringify({ "csp-report": { "blocked-uri": "x".repeat(20_000) } });
    expect((await post("application/csp-report", big)).statusCode).toBe(413);
  });

  it("is named in the Content-Security-Policy", async () => {
    const res = await t.app.inject({ url: "/en" });
    expect(String(res.headers["content-security-policy"])).toContain("report-uri /csp-report");
    expect(String(res.headers["reporting-endpoints"])).toContain("/csp-report");
  });
});
