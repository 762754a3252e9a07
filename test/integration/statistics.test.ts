import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, eserviceDefinitions } from "../../src/eservices/tables.js";
import { strategyMeasures } from "../../src/facts/strategy.js";
import { participationFigures } from "../../src/participation/figures.js";
import { transactionFigures } from "../../src/statistics/figures.js";
import { addMonths, monthOf, monthStart } from "../../src/statistics/months.js";
import { monthlyTransactionsByService } from "../../src/statistics/service.js";
import { transactionCounts } from "../../src/statistics/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
const db = () => t.db.database.db;
const current = monthOf(new Date());
const lastMonth = addMonths(current, -1);
const INJECTION = '=HYPERLINK("http://bad.example","x")';

/** The version of each e-service the portal published, as a real case carries it (a case's service comes from its version). */
let published = new Map<string, number>();

/** A case decided (or not) on the portal, straight into the e-services' table. */
function portalCase(eservice: string, queue: string, status: string, decidedAt: Date | null) {
  const id = randomUUID();
  return {
    id,
    reference: `T${id.slice(0, 8).toUpperCase()}`,
    draftId: randomUUID(),
    userId: randomUUID(),
    eservice,
    version: published.get(eservice) ?? 1,
    agency: eservice === "exit-permit" ? "ministry-of-interior" : "ministry-of-public-health",
    queue,
    answers: {},
    status,
    submittedAt: new Date((decidedAt ?? new Date()).getTime() - 86_400_000),
    dueAt: new Date(),
    decidedAt,
  };
}

/** The middle of a month, so time zones cannot move it into the next or previous. */
const midMonth = (month: string) => new Date(monthStart(month).getTime() + 14 * 86_400_000);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db().execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Completed transactions per month, counted directly over both tables. */
async function directMonthTotals(): Promise<Map<string, { online: number; other: number }>> {
  const found = await rows<{ month: string; online: number; other: number }>(sql`
    select month, sum(online)::int as online, sum(other)::int as other from (
      select month, case when channel = 'online' then count else 0 end as online,
                    case when channel = 'other' then count else 0 end as other
        from transaction_counts
      union all
      select to_char(decided_at at time zone 'UTC', 'YYYY-MM'), 1, 0
        from eservice_cases where status in ('approved', 'rejected') and decided_at is not null
    ) x group by month`);
  return new Map(found.map((r) => [r.month, { online: Number(r.online), other: Number(r.other) }]));
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const versions = await db()
    .select({ slug: eserviceDefinitions.slug, version: eserviceDefinitions.version })
    .from(eserviceDefinitions);
  published = new Map(versions.map((v) => [v.slug, v.version]));
  await db()
    .insert(cases)
    .values([
      portalCase("exit-permit", "exit-permits", "approved", midMonth(lastMonth)),
      portalCase("exit-permit", "exit-permits", "rejected", midMonth(lastMonth)),
      portalCase("exit-permit", "exit-permits", "approved", midMonth(addMonths(current, -3))),
      portalCase("medical-commission-appointment", "medical-commission", "approved", midMonth(lastMonth)),
      portalCase("medical-commission-appointment", "medical-commission", "approved", new Date()),
      // Not completed: not counted.
      portalCase("exit-permit", "exit-permits", "in-review", null),
      portalCase("exit-permit", "exit-permits", "info-requested", null),
    ]);
  await db()
    .insert(transactionCounts)
    .values([
      // An agency's own system reports counter transactions for last month.
      { serviceSlug: "renew-residence-permit", month: lastMonth, channel: "other", count: 40_000 },
      // Long ago: in the CSV, not in the last twelve months; a name a spreadsheet would run.
      { serviceSlug: INJECTION, month: "2020-01", channel: "online", count: 7 },
      // Months after a month with none (the zero-month cases below).
      { serviceSlug: "labour-complaint", month: addMonths(current, 3), channel: "online", count: 12 },
      { serviceSlug: "labour-complaint", month: addMonths(current, 4), channel: "other", count: 6 },
    ])
    .onConflictDoUpdate({
      target: [transactionCounts.serviceSlug, transactionCounts.month, transactionCounts.channel],
      set: { count: sql`excluded.count` },
    });
});
afterAll(() => t.close());

describe("monthly transactions by service", () => {
  it("adds the cases decided on the portal to the recorded counts, per service and month", async () => {
    const all = await monthlyTransactionsByService(db());
    const direct = await directMonthTotals();
    const mine = new Map<string, { online: number; other: number }>();
    for (const r of all) {
      const m = mine.get(r.month) ?? { online: 0, other: 0 };
      m.online += r.online;
      m.other += r.other;
      mine.set(r.month, m);
    }
    expect(mine).toEqual(direct);
    const exit = all.find((r) => r.month === lastMonth && r.serviceSlug === "apply-for-exit-permit");
    const [recorded] = await rows<{ n: number }>(
      sql`select count::int as n from transaction_counts where service_slug = 'apply-for-exit-permit' and month = ${lastMonth} and channel = 'online'`,
    );
    expect(exit?.online).toBe(Number(recorded?.n) + 2);
    expect(exit?.titleEn).toBe("Apply for an exit permit");
    expect(all.find((r) => r.month === current && r.serviceSlug === "medical-commission-registration")?.online).toBe(1);
  });

  it("holds a plausible demo year: about 375,000 a month, exit permits the most used, under 80% online", async () => {
    const figures = await transactionFigures(db());
    const demoOnly = figures.months.map((m) => m.total);
    const average = demoOnly.reduce((a, b) => a + b, 0) / demoOnly.length;
    expect(average).toBeGreaterThan(340_000);
    expect(average).toBeLessThan(420_000);
    expect(figures.top[0]?.serviceSlug).toBe("apply-for-exit-permit");
    expect(figures.onlineShare).toBeGreaterThan(0.7);
    expect(figures.onlineShare).toBeLessThan(0.8);
  });
});

describe("the facts page's figures", () => {
  it("gives the last twelve months with the change from the month before, as counted directly", async () => {
    const figures = await transactionFigures(db());
    const direct = await directMonthTotals();
    const total = (m: string) => (direct.get(m)?.online ?? 0) + (direct.get(m)?.other ?? 0);
    expect(figures.months).toHaveLength(12);
    expect(figures.latest?.month).toBe(lastMonth);
    for (const m of figures.months) {
      expect(m.total).toBe(total(m.month));
      const before = total(addMonths(m.month, -1));
      if (before === 0) expect(m.change).toBeUndefined();
      else expect(m.change).toBeCloseTo((total(m.month) - before) / before, 10);
    }
    const top = await rows<{ service: string; n: number }>(sql`
      select service, sum(n)::int as n from (
        select service_slug as service, count as n from transaction_counts where month = ${lastMonth}
        union all
        select d.definition ->> 'service', 1 from eservice_cases c
          join eservice_definitions d on d.slug = c.eservice and d.version = c.version
          where c.status in ('approved', 'rejected') and to_char(c.decided_at at time zone 'UTC', 'YYYY-MM') = ${lastMonth}
      ) x group by service order by n desc, service limit 5`);
    expect(figures.top.map((s) => [s.serviceSlug, s.total])).toEqual(top.map((r) => [r.service, Number(r.n)]));
  });

  it("computes the change right around a month with no transactions", async () => {
    // Seen from five months ahead: this month has one portal case, the next two none, then 12, then 6.
    const figures = await transactionFigures(db(), monthStart(addMonths(current, 5)));
    const byMonth = new Map(figures.months.map((m) => [m.month, m]));
    const ahead = (n: number) => byMonth.get(addMonths(current, n));
    expect(ahead(0)?.total).toBe(1);
    expect(ahead(1)?.total).toBe(0);
    expect(ahead(1)?.change).toBe(-1);
    expect(ahead(2)?.total).toBe(0);
    expect(ahead(2)?.change).toBeUndefined();
    expect(ahead(3)?.total).toBe(12);
    expect(ahead(3)?.change).toBeUndefined();
    expect(ahead(4)?.total).toBe(6);
    expect(ahead(4)?.change).toBeCloseTo(-0.5, 10);
  });

  it("shows the statistics on /facts in both languages, with charts that have text alternatives", async () => {
    const figures = await transactionFigures(db());
    const latest = figures.latest;
    if (!latest?.change) throw new Error("the demo has a month before");
    const words = latest.change > 0 ? "up" : "down";
    const en = await t.app.inject({ url: "/en/facts" });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain(latest.total.toLocaleString("en-GB"));
    expect(en.body).toMatch(new RegExp(`${words} [0-9.]+% on the month before`));
    expect(en.body).toMatch(
      /<svg id="transactions-chart" class="chart__svg" role="img" aria-labelledby="transactions-chart-title transactions-chart-desc"/,
    );
    expect(en.body).toContain('<title id="transactions-chart-title">');
    expect(en.body).toContain('<desc id="top-services-chart-desc">Apply for an exit permit: ');
    expect(en.body).toContain('href="/en/facts/transactions.csv"');
    expect(en.body).toContain('href="/en/strategy"');
    const ar = await t.app.inject({ url: "/facts" });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("المعاملات الإلكترونية المنجزة");
    expect(ar.body).toContain('href="/facts/transactions.csv"');
    // Bars grow from the right in Arabic: the longest bar starts at the left edge, others further in.
    expect(ar.body).toMatch(/class="chart__bar" x="0.00%"/);
    expect(en.body).toMatch(/class="chart__bar" x="0"/);
  });
});

/** A tiny RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field).toBe("");
  expect(record).toEqual([]);
  return records;
}

describe("the CSV download", () => {
  it("is well formed: BOM, CRLF records of equal length, totals as counted, formulas neutralised", async () => {
    const res = await t.app.inject({ url: "/en/facts/transactions.csv" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain("attachment");
    expect(res.body.startsWith("\uFEFF")).toBe(true);
    expect(res.body.endsWith("\r\n")).toBe(true);
    const [header, ...records] = parseCsv(res.body.slice(1));
    expect(header).toEqual([
      "Month",
      "Service code",
      "Service (Arabic)",
      "Service (English)",
      "Completed online",
      "Completed through other channels",
      "Completed in all",
    ]);
    for (const r of records) {
      expect(r).toHaveLength(7);
      expect(r[0]).toMatch(/^\d{4}-\d{2}$/);
      expect(Number(r[6])).toBe(Number(r[4]) + Number(r[5]));
    }
    const direct = await directMonthTotals();
    const sum = (m: string) => records.filter((r) => r[0] === m).reduce((n, r) => n + Number(r[6]), 0);
    for (const [month, v] of direct) expect(sum(month)).toBe(v.online + v.other);
    const injected = records.find((r) => r[0] === "2020-01");
    expect(injected?.[1]).toBe(`'${INJECTION}`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://bad.example"",""x"")"`);
    const ar = await t.app.inject({ url: "/facts/transactions.csv" });
    expect(ar.body.split("\r\n")[0]).toBe(
      "\uFEFFالشهر,رمز الخدمة,الخدمة (بالعربية),الخدمة (بالإنجليزية),المنجزة إلكترونياً,المنجزة عبر قنوات أخرى,المنجزة إجمالاً",
    );
  });
});

describe("the strategy dashboard", () => {
  it("computes each measure from the live data, as counted directly", async () => {
    const measures = new Map((await strategyMeasures(db())).map((m) => [m.id, m]));
    const [services] = await rows<{ total: number; online: number; fully: number }>(sql`
      select count(*)::int as total,
             count(*) filter (where maturity in ('fully-online', 'partly-online'))::int as online,
             count(*) filter (where maturity = 'fully-online')::int as fully
        from services where published`);
    const total = Number(services?.total);
    expect(measures.get("servicesOnline")?.value).toBeCloseTo(Number(services?.online) / total, 10);
    expect(measures.get("fullyOnline")?.value).toBeCloseTo(Number(services?.fully) / total, 10);
    expect(measures.get("servicesOnline")?.met).toBe(Number(services?.online) === total);
    expect(measures.get("fullyOnline")?.met).toBe(Number(services?.fully) / total >= 0.5);

    const direct = await directMonthTotals();
    let online = 0;
    let all = 0;
    for (let i = 1; i <= 12; i++) {
      const m = direct.get(addMonths(current, -i));
      online += m?.online ?? 0;
      all += (m?.online ?? 0) + (m?.other ?? 0);
    }
    const tx = measures.get("transactionsOnline");
    expect(tx?.part).toBe(online);
    expect(tx?.whole).toBe(all);
    expect(tx?.value).toBeCloseTo(online / all, 10);
    expect(tx?.met).toBe(false);

    const participation = await participationFigures(db());
    const growth = measures.get("participationGrowth");
    expect(growth?.part).toBe(participation.lastYear);
    expect(growth?.whole).toBe(participation.yearBefore);
    expect(growth?.target).toBe(0.2);

    const year = new Date().getUTCFullYear();
    const [datasets] = await rows<{ now: number; before: number }>(sql`
      select count(*) filter (where extract(year from issued) <= ${year})::int as now,
             count(*) filter (where extract(year from issued) < ${year})::int as before
        from opendata_datasets where published`);
    const openData = measures.get("openDataGrowth");
    expect(openData?.part).toBe(Number(datasets?.now));
    expect(openData?.whole).toBe(Number(datasets?.before));
    if (Number(datasets?.before) === 0) expect(openData?.value).toBeUndefined();
    else expect(openData?.value).toBeCloseTo((Number(datasets?.now) - Number(datasets?.before)) / Number(datasets?.before), 10);
  });

  it("states each target as met or not met in words, in both languages, and in the API", async () => {
    const measures = await strategyMeasures(db());
    const en = await t.app.inject({ url: "/en/strategy" });
    expect(en.statusCode).toBe(200);
    const met = measures.filter((m) => m.met === true).length;
    const notMet = measures.filter((m) => m.met === false).length;
    expect(en.body.match(/>Target met</g)?.length ?? 0).toBe(met);
    expect(en.body.match(/>Target not met</g)?.length ?? 0).toBe(notMet);
    expect(en.body).toContain("The target is 80%, so it is not met yet.");
    expect(en.body).toMatch(/<svg id="strategy-chart" class="chart__svg" role="img"/);
    // Each share's bar carries its target mark, and the target is in the bar's words.
    expect(en.body.match(/class="chart__target"/g)?.length ?? 0).toBe(
      measures.filter((m) => m.kind === "share" && m.value !== undefined).length,
    );
    const ar = await t.app.inject({ url: "/strategy" });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("تحقق المستهدف");
    const api = await t.app.inject({ url: "/api/v1/stats" });
    expect(api.statusCode).toBe(200);
    const body = api.json() as {
      transactions: { months: { month: string; total: number; change: number | null }[] };
      strategy: { id: string; value: number | null; met: boolean | null }[];
    };
    expect(body.transactions.months).toHaveLength(12);
    expect(body.strategy.map((m) => [m.id, m.value, m.met])).toEqual(measures.map((m) => [m.id, m.value ?? null, m.met ?? null]));
    const footer = await t.app.inject({ url: "/en/" });
    expect(footer.body).toContain('href="/en/strategy"');
  });
});
