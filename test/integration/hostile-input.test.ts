import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import type { Db } from "../../src/platform/db/client.js";
import { FIELD_NAMES, HOSTILE_SEGMENTS, HOSTILE_STRINGS, rawBodies, SCRIPT_MARKERS } from "../fixtures/hostile-inputs.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signedInAs } from "../support/people.js";

/**
 * Every route of the portal, given the hostile-input corpus
 * (test/fixtures/hostile-inputs.ts) by a visitor, a signed-in person and an
 * administrator: no answer is a 500, no page reflects a script unescaped,
 * and no row that was stored before is changed or lost.
 */

/** Tables whose rows change by design while people browse (sessions touched, counters, queues, logs). */
const CHANGING_TABLES = new Set([
  "sessions",
  "content_versions",
  "page_views",
  "search_queries",
  "search_query_counts",
  "notification_outbox",
  "audit_log",
  "oidc_payloads",
  "rate_limits",
]);

/**
 * Routes left out: signing out ends the sessions the run depends on; starting
 * authenticator set-up takes no fields, so any post with a valid token is a
 * genuine request (it stores a pending secret).
 */
const SKIPPED = [/\/sign-out$/, /^\/my\/security\/totp$/];

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  db = t.db.database.db;
  await loadDemoPeople(db);
}, 120_000);
afterAll(() => t.close());

type Rows = Map<string, Set<string>>;

/** Every stored row, as a hash of its text, per table. */
async function snapshot(): Promise<Rows> {
  const tables = (await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { rows: { name: string }[] };
  const rows: Rows = new Map();
  for (const { name } of tables.rows) {
    if (CHANGING_TABLES.has(name)) continue;
    const result = (await db.execute(sql`select md5(t::text) as h from ${sql.identifier(name)} t`)) as unknown as {
      rows: { h: string }[];
    };
    rows.set(name, new Set(result.rows.map((r) => r.h)));
  }
  return rows;
}

function reflectsScript(res: { headers: Record<string, unknown>; body: string }): string | undefined {
  if (!String(res.headers["content-type"] ?? "").startsWith("text/html")) return undefined;
  return SCRIPT_MARKERS.find((marker) => marker.startsWith("<") && res.body.includes(marker));
}

const fill = (pattern: string, segment: string) => pattern.replace(/:[A-Za-z]+|\*/g, segment);

/** The corpus's strings sent as form fields and query values (every kind of trouble once). */
const VALUES = HOSTILE_STRINGS.filter((_, i) => i % 2 === 0 || i < 4);
const QUERY_VALUES = VALUES.slice(0, 6);
const SEGMENTS = HOSTILE_SEGMENTS.slice(0, 7);
const isStaffArea = (url: string) => /^\/(workspace|admin)(\/|$)/.test(url);

describe("the hostile-input corpus against every route", () => {
  it("never answers 500, never reflects a script, and changes nothing stored", async () => {
    const routes = t.app.routeTable.filter((r) => !r.url.startsWith("/en/") && !SKIPPED.some((re) => re.test(r.url)));
    expect(routes.length).toBeGreaterThan(100);
    const visitor = new Client(t.app);
    await visitor.get("/about/history");
    const citizen = await signedInAs(t.app, "citizen");
    const admin = await signedInAs(t.app, "admin");
    // Taken once everyone is signed in: signing in itself records the time on the person's row.
    const before = await snapshot();
    const failures: string[] = [];
    const check = (label: string, res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${label}`);
      const reflected = reflectsScript(res);
      if (reflected) failures.push(`reflects ${reflected}: ${label}`);
    };

    for (const route of routes) {
      const plain = fill(route.url, "x");
      if (route.method === "GET") {
        // Pages and API answers read addresses and queries: a visitor's, and staff's on staff pages.
        for (const person of isStaffArea(route.url) ? [visitor, admin] : [visitor]) {
          const headers = { cookie: person.cookieHeader };
          for (const segment of route.url.includes(":") ? SEGMENTS : []) {
            const url = fill(route.url, segment);
            check(`GET ${url}`, await t.app.inject({ method: "GET", url, headers }));
          }
          for (const value of QUERY_VALUES) {
            const query = new URLSearchParams(Object.fromEntries(FIELD_NAMES.slice(0, 6).map((f) => [f, value]))).toString();
            check(
              `GET ${plain}?…${value.slice(0, 20)}`,
              await t.app.inject({ method: "GET", url: `${plain}?${query}`, headers }),
            );
          }
        }
        continue;
      }
      // Forms: as a signed-in person with a valid anti-forgery token, so the handler's own checks are reached.
      for (const person of isStaffArea(route.url) ? [admin] : [citizen]) {
        for (const segment of route.url.includes(":") ? SEGMENTS.slice(0, 3) : []) {
          const url = fill(route.url, segment);
          check(`${route.method} ${url}`, await person.post(url, { name: "x" }));
        }
        for (const value of VALUES) {
          const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, value]));
          check(`${route.method} ${plain} fields ${JSON.stringify(value.slice(0, 20))}`, await person.post(plain, fields));
        }
        check(`${route.method} ${plain} repeated fields`, await person.post(plain, { name: ["a", "b"], page: ["1", "2"] }));
        for (const body of rawBodies(person.csrf)) {
          const res = await t.app.inject({
            method: route.method as "POST",
            url: plain,
            headers: { cookie: person.cookieHeader, "content-type": body.contentType },
            payload: body.payload,
          });
          check(`${route.method} ${plain} ${body.label}`, res);
        }
      }
    }

    expect(failures, failures.slice(0, 40).join("\n")).toEqual([]);
    const after = await snapshot();
    const changed: string[] = [];
    for (const [table, rows] of before) {
      const now = after.get(table) ?? new Set<string>();
      const lost = [...rows].filter((h) => !now.has(h)).length;
      if (lost > 0) changed.push(`${table}: ${lost} stored rows changed or removed`);
    }
    expect(changed).toEqual([]);
  }, 1_200_000);
});
