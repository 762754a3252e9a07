// Over 400 lines on purpose: the open data catalogue pages, the DCAT catalogue and the staff's uploads share one demo portal, built once for the file.
import { readFileSync } from "node:fs";
import rdf from "@zazuko/env-node";
import { eq } from "drizzle-orm";
import jsonld from "jsonld";
import { Parser, type Quad } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail, grantRole } from "../../src/accounts/repository.js";
import { auditLog } from "../../src/audit/tables.js";
import { findDataset } from "../../src/opendata/repository.js";
import { publishedDatasetsByYear } from "../../src/opendata/service.js";
import { datasets } from "../../src/opendata/tables.js";
import { fromRoot } from "../../src/platform/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";
import type { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 240_000);
afterAll(() => t.close());

/** Parses a JSON-LD document into quads, never fetching a context from the network. */
async function quadsOf(doc: object): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: "application/n-quads",
    documentLoader: async (url: string) => {
      throw new Error(`the test refuses to fetch ${url}`);
    },
  })) as unknown as string;
  return new Parser({ format: "N-Quads" }).parse(nquads);
}

/** The official DCAT-AP 3.0.1 shapes: mandatory, recommended, ranges and controlled vocabularies. */
const SHAPE_FILES = ["shapes.ttl", "shapes_recommended.ttl", "range.ttl", "mdr-vocabularies.shape.ttl"];
const turtle = (file: string) =>
  new Parser({ format: "Turtle" }).parse(readFileSync(fromRoot(`test/fixtures/dcat-ap-3/${file}`), "utf8"));
const shapes = SHAPE_FILES.flatMap(turtle);
/** The EU vocabularies the values come from (trimmed to the concepts used), loaded beside the data. */
const vocabularies = turtle("vocabularies.ttl");
const vocabularySchemes = new Set(
  vocabularies
    .filter(
      (q) => q.predicate.value === "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && q.object.value.endsWith("#ConceptScheme"),
    )
    .map((q) => q.subject.value),
);

/**
 * Validates a catalogue with the vocabularies loaded beside it. Results about
 * the vocabularies' own concept schemes (a scheme's dct:title, which the
 * trimmed tables do not carry) are left out: they are reference data, loaded
 * as the EU's validator loads its imports, not the catalogue.
 */
async function validate(doc: object) {
  const validator = new SHACLValidator(rdf.dataset(shapes), { factory: rdf });
  const report = await validator.validate(rdf.dataset([...(await quadsOf(doc)), ...vocabularies]));
  return report.results.filter((r) => !vocabularySchemes.has(r.focusNode?.value ?? ""));
}

const describeResult = (r: Awaited<ReturnType<typeof validate>>[number]) =>
  `${r.severity?.value.split("#")[1]} ${r.focusNode?.value} ${r.path?.value} ${r.message.map((m) => m.value).join(" ")}`;

describe("the catalogue pages", () => {
  it("lists the published datasets in both languages, with search, filters and pages", async () => {
    const ar = await t.app.inject({ url: "/opendata" });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("استهلاك المياه الشهري");
    const en = await t.app.inject({ url: "/en/opendata" });
    expect(en.body).toContain("Water consumption by month");
    expect(en.body).toMatch(/10 datasets/);

    const searched = await t.app.inject({ url: "/en/opendata?q=water" });
    expect(searched.body).toContain("Water consumption by month");
    expect(searched.body).not.toContain("Licensed vehicles by year");
    // Arabic search folds letter forms (ة/ه, hamza) and finds the Arabic keywords.
    const arabic = await t.app.inject({ url: `/opendata?q=${encodeURIComponent("المركبات")}` });
    expect(arabic.body).toContain("المركبات المرخصة حسب السنة");
    expect(arabic.body).not.toContain("استهلاك المياه الشهري");

    const byAgency = await t.app.inject({ url: "/en/opendata?agency=traffic-department" });
    expect(byAgency.body).toContain("Licensed vehicles by year");
    expect(byAgency.body).toMatch(/1 dataset\b/);
    const byTheme = await t.app.inject({ url: "/en/opendata?theme=HEAL" });
    expect(byTheme.body).toContain("Primary care visits by month");
    expect(byTheme.body).not.toContain("Water consumption");
    const none = await t.app.inject({ url: "/en/opendata?theme=AGRI" });
    expect(none.body).toContain("No dataset matches");

    const page2 = await t.app.inject({ url: "/en/opendata?page=2" });
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain("(page 2)");
    // Most recently changed first: the oldest datasets are on the second page.
    expect(page2.body).toContain("Government service catalogue");
    expect(page2.body).not.toContain("Primary care visits by month");
    expect(page2.body).toContain('class="pagination"');
    expect(page2.body).toContain('href="/en/opendata" rel="prev"');
    expect((await t.app.inject({ url: "/en/opendata?page=3" })).statusCode).toBe(404);

    const bad = await t.app.inject({ url: "/en/opendata?theme=NOPE" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Choose a filter from the list");
  });

  it("shows a dataset with its metadata, downloads, chart and first rows", async () => {
    const res = await t.app.inject({ url: "/en/opendata/water-consumption-by-month" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("summary-list");
    expect(res.body).toContain("National Water");
    expect(res.body).toContain("Monthly");
    expect(res.body).toContain('href="/opendata/water-consumption-by-month/csv"');
    expect(res.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="dataset-chart-title dataset-chart-desc"/);
    expect(res.body).toContain('<title id="dataset-chart-title">Consumption (million m³) by month</title>');
    expect(res.body).toContain("2024-01");
    const chart = (body: string) => /<svg[^>]*role="img".*?<\/figure>/s.exec(body)?.[0] ?? "";
    // A line over 24 months: one marker a month, the time labels thinned and by name, the ticks round.
    expect((chart(res.body).match(/class="chart__point"/g) ?? []).length).toBe(24);
    expect(chart(res.body)).toContain(">January 2024</text>");
    expect(chart(res.body)).not.toContain(">2024-01<");
    expect(res.body).toContain("Show the figures as a table");

    const ar = await t.app.inject({ url: "/opendata/water-consumption-by-month" });
    expect(ar.body).toContain("شهرياً");
    // In Arabic time runs from the right: the first (oldest) month's point is at the right.
    const firstX = (body: string) => Number(/class="chart__point" aria-hidden="true" x="([\d.]+)%"/.exec(chart(body))?.[1]);
    expect(firstX(ar.body)).toBeGreaterThan(firstX(res.body));
    expect(chart(ar.body)).toContain("يناير 2024");

    expect((await t.app.inject({ url: "/en/opendata/no-such-dataset" })).statusCode).toBe(404);
  });

  it("serves the files and the datasets generated from the portal's own data", async () => {
    const csv = await t.app.inject({ url: "/opendata/licensed-vehicles-by-year/csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe("year,private_vehicles,commercial_vehicles,motorcycles,total");
    const records = JSON.parse((await t.app.inject({ url: "/opendata/licensed-vehicles-by-year/json" })).body) as Record<
      string,
      unknown
    >[];
    expect(records[0]).toMatchObject({ year: 2015, private_vehicles: 1182000 });

    const agencies = await t.app.inject({ url: "/opendata/government-agencies/csv" });
    expect(agencies.body).toContain("traffic-department");
    const services = JSON.parse((await t.app.inject({ url: "/opendata/government-services/json" })).body) as { slug: string }[];
    expect(services.length).toBeGreaterThan(20);
    const tx = await t.app.inject({ url: "/opendata/e-transactions-by-service/csv" });
    expect(tx.statusCode).toBe(200);
    expect(tx.body).toContain("month,service,service_title_ar,service_title_en,online,other,total");
    expect((await t.app.inject({ url: "/opendata/poll-results/json" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/opendata/portal-page-views/csv" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/opendata/government-agencies/xml" })).statusCode).toBe(404);
  });

  it("counts the datasets published by the end of each year", async () => {
    const years = await publishedDatasetsByYear(db());
    const of = (y: number) => years.find((r) => r.year === y)?.count;
    expect(of(2023)).toBe(3);
    expect(of(2024)).toBe(5);
    expect(of(2025)).toBe(9);
    expect(of(2026)).toBe(10);
  });
});

describe("the DCAT catalogue", () => {
  it("passes the official DCAT-AP 3 shapes with the EU vocabularies loaded: no violation, no warning but the EU-only publisher list", async () => {
    const res = await t.app.inject({ url: "/opendata/catalog.jsonld" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/ld+json");
    const doc = JSON.parse(res.body) as Record<string, unknown> & { "dcat:dataset": Record<string, unknown>[] };
    const results = await validate(doc);
    // The one warning left: DCAT-AP's controlled-vocabulary shapes suggest publishers from the EU's own table of
    // its institutions and bodies (corporate-body), which has no entry for a national government outside the EU.
    const corporateBody = (r: (typeof results)[number]) =>
      r.path?.value === "http://purl.org/dc/terms/publisher" &&
      r.message.some((m) => m.value.includes("CorporateBodyRestriction")) &&
      r.severity?.value === "http://www.w3.org/ns/shacl#Warning";
    expect(results.filter((r) => !corporateBody(r)).map(describeResult)).toEqual([]);
    expect(results.filter(corporateBody)).toHaveLength(doc["dcat:dataset"].length + 1);
    const quads = await quadsOf(doc);
    const has = (p: string, o: string) => quads.some((q) => q.predicate.value === p && q.object.value === o);
    expect(has("http://www.w3.org/ns/dcat#theme", "http://publications.europa.eu/resource/authority/data-theme/TRAN")).toBe(true);
    expect(
      has("http://purl.org/dc/terms/accrualPeriodicity", "http://publications.europa.eu/resource/authority/frequency/MONTHLY"),
    ).toBe(true);
    expect(has("http://www.w3.org/2006/vcard/ns#hasEmail", "mailto:info@mcit.gov.example")).toBe(true);
    const titles = quads.filter(
      (q) => q.predicate.value === "http://purl.org/dc/terms/title" && q.object.value === "استهلاك المياه الشهري",
    );
    expect(titles[0]?.object.termType === "Literal" && titles[0].object.language).toBe("ar");
    expect(doc["dcat:dataset"]).toHaveLength(10);
  });

  it("fails a broken document", async () => {
    const doc = JSON.parse((await t.app.inject({ url: "/opendata/catalog.jsonld" })).body) as {
      "dcat:dataset": Record<string, unknown>[];
      "dct:issued": unknown;
    };
    const [first] = doc["dcat:dataset"];
    if (!first) throw new Error("no dataset");
    delete first["dct:title"];
    first["dcat:theme"] = { "@id": "http://example.org/themes/water" };
    doc["dct:issued"] = { "@value": "last year" };
    // A frequency typed right but not from the EU table: the vocabulary shapes refuse it.
    first["dct:accrualPeriodicity"] = { "@id": "http://example.org/now-and-then", "@type": "dct:Frequency" };
    const results = await validate(doc);
    const paths = results.filter((r) => r.severity?.value === "http://www.w3.org/ns/shacl#Violation").map((r) => r.path?.value);
    expect(paths).toContain("http://purl.org/dc/terms/title");
    expect(paths).toContain("http://www.w3.org/ns/dcat#theme");
    expect(paths).toContain("http://purl.org/dc/terms/issued");
    expect(paths).toContain("http://purl.org/dc/terms/accrualPeriodicity");
  });
});

describe("the staff's uploads", () => {
  const csvFile = (data: Buffer | string, filename = "data.csv") => ({
    field: "file",
    filename,
    type: "text/csv",
    data: Buffer.isBuffer(data) ? data : Buffer.from(data),
  });
  const metadata = {
    titleAr: "حوادث المرور الشهرية",
    titleEn: "Road accidents by month",
    descriptionAr: "عدد حوادث المرور المسجلة كل شهر.",
    descriptionEn: "Road accidents recorded each month.",
    theme: "TRAN",
    keywordsAr: "مرور، حوادث",
    keywordsEn: "traffic, accidents",
    licence: "cc-by-4.0",
    frequency: "MONTHLY",
    temporalStart: "2025-01-01",
    temporalEnd: "2025-03-31",
    published: "1",
  };

  it("keeps /workspace/datasets to editors of the dataset's agency", async () => {
    const anonymous = await t.app.inject({ url: "/en/workspace/datasets" });
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toContain("sign-in");
    const citizen = await signedInAs(t.app, "citizen");
    expect((await citizen.get("/en/workspace/datasets")).statusCode).toBe(403);
    expect((await citizen.get("/en/workspace/datasets/residence-permits-by-month")).statusCode).toBe(403);

    const officer = await findUserByEmail(db(), demoEmails.officer);
    if (!officer) throw new Error("no officer");
    await grantRole(db(), officer.id, { role: "editor", agency: "ministry-of-labour" });
    const other = await signedInAs(t.app, "officer");
    const list = await other.get("/en/workspace/datasets");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain("Residence permits issued by month");
    expect((await other.get("/en/workspace/datasets/residence-permits-by-month")).statusCode).toBe(404);
    await other.get("/en/workspace/datasets/new");
    const post = await other.postMultipart("/en/workspace/datasets/residence-permits-by-month", metadata, [
      csvFile("month,count\n2025-01,3\n"),
    ]);
    expect(post.statusCode).toBe(404);
    // Nor may they create one for an agency that is not theirs.
    const forOther = await other.postMultipart(
      "/en/workspace/datasets/new",
      { ...metadata, agency: "ministry-of-interior", slug: "not-theirs" },
      [csvFile("month,count\n2025-01,3\n")],
    );
    expect(forOther.statusCode).toBe(400);
    expect(await findDataset(db(), "not-theirs")).toBeUndefined();

    const editor = await signedInAs(t.app, "editor");
    const own = await editor.get("/en/workspace/datasets");
    expect(own.body).toContain("Residence permits issued by month");
    expect((await editor.get("/en/workspace/datasets/residence-permits-by-month")).statusCode).toBe(200);
    expect((await editor.get("/en/workspace/datasets/government-agencies")).statusCode).toBe(404);
  });

  it("neutralises cells a spreadsheet would run as formulas on the way in, and tells the editor", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get("/en/workspace/datasets/new");
    const hostile = [
      "office,note,change",
      '2025-01,"=HYPERLINK(""http://evil.example"",""x"")",-12',
      "2025-02,+cmd|' /C calc'!A0,+3.5",
      "2025-03,@SUM(1+1),-",
      '2025-04,"\tTAB",ok',
    ].join("\n");
    const res = await editor.postMultipart(
      "/en/workspace/datasets/new",
      { ...metadata, agency: "ministry-of-interior", slug: "formula-cells" },
      [csvFile(hostile)],
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/en/workspace/datasets/formula-cells?done=saved&neutralised=4");
    const page = await editor.follow(res);
    expect(page.body).toContain("Some cells looked like spreadsheet formulas");
    expect(page.body).toContain("4 cells started with =, +, -, @");
    const csv = (await t.app.inject({ url: "/opendata/formula-cells/csv" })).body;
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[1]).toBe(`2025-01,"'=HYPERLINK(""http://evil.example"",""x"")",-12`);
    expect(rows[2]).toBe("2025-02,'+cmd|' /C calc'!A0,+3.5");
    expect(rows[3]).toBe("2025-03,'@SUM(1+1),-");
    const json = JSON.parse((await t.app.inject({ url: "/opendata/formula-cells/json" })).body) as Record<string, unknown>[];
    expect(json.map((r) => r.note)).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      "'+cmd|' /C calc'!A0",
      "'@SUM(1+1)",
      "'\tTAB",
    ]);
    // No cell of the stored file starts a formula.
    for (const row of rows.slice(1)) for (const cellText of row.split(",")) expect(cellText).not.toMatch(/^"?[=@\t]/);
    // A column name is the editor's to fix.
    const header = await editor.postMultipart(
      "/en/workspace/datasets/new",
      { ...metadata, agency: "ministry-of-interior", slug: "formula-header" },
      [csvFile("=cmd,count\n2025-01,3\n")],
    );
    expect(header.statusCode).toBe(400);
    expect(header.body).toContain("A column name in the header row (line 1) starts with =");
  });

  it("publishes a checked CSV file with an audit entry", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get("/en/workspace/datasets/new");
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("month,accidents\r\n2025-01,410\r\n2025-02,388\r\n2025-03,402\r\n"),
    ]);
    const res = await editor.postMultipart(
      "/en/workspace/datasets/new",
      { ...metadata, agency: "ministry-of-interior", slug: "road-accidents-by-month" },
      [csvFile(bom)],
    );
    expect(res.statusCode).toBe(303);
    const saved = await findDataset(db(), "road-accidents-by-month");
    expect(saved?.published).toBe(true);
    expect(saved?.keywordsEn).toBe("traffic | accidents");
    expect(saved?.resources.find((r) => r.format === "CSV")?.rowCount).toBe(3);
    const json = JSON.parse((await t.app.inject({ url: "/opendata/road-accidents-by-month/json" })).body) as Record<
      string,
      unknown
    >[];
    expect(json[0]).toEqual({ month: "2025-01", accidents: 410 });
    const page = await t.app.inject({ url: "/en/opendata/road-accidents-by-month" });
    expect(page.statusCode).toBe(200);
    const entries = await db().select().from(auditLog).where(eq(auditLog.objectId, "road-accidents-by-month"));
    expect(entries.map((e) => e.action)).toEqual(["dataset.published"]);

    // A new file replaces the data; the old one stays untouched in the storage.
    await editor.get("/en/workspace/datasets/road-accidents-by-month");
    const again = await editor.postMultipart("/en/workspace/datasets/road-accidents-by-month", metadata, [
      csvFile("month,accidents\n2025-04,395\n"),
    ]);
    expect(again.statusCode).toBe(303);
    const csv = await t.app.inject({ url: "/opendata/road-accidents-by-month/csv" });
    expect(csv.body).toContain("2025-04,395");
    expect(csv.body).not.toContain("2025-01");

    // Metadata alone, in Arabic: the data stays; unpublished, it leaves the catalogue.
    expect((await editor.get("/workspace/datasets/road-accidents-by-month")).statusCode).toBe(200);
    const { published: _, ...unpublished } = metadata;
    const edit = await editor.postMultipart("/workspace/datasets/road-accidents-by-month", {
      ...unpublished,
      titleEn: "Road accidents each month",
    });
    expect(edit.statusCode).toBe(303);
    const edited = await findDataset(db(), "road-accidents-by-month");
    expect(edited?.titleEn).toBe("Road accidents each month");
    expect(edited?.published).toBe(false);
    expect(edited?.resources.every((r) => r.nameEn === "Road accidents each month")).toBe(true);
    expect((await t.app.inject({ url: "/en/opendata/road-accidents-by-month" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/opendata/road-accidents-by-month/csv" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/3/action/package_show?id=road-accidents-by-month" })).statusCode).toBe(404);
    const actions = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, "road-accidents-by-month"))
      .orderBy(auditLog.id);
    expect(actions.map((e) => e.action)).toEqual(["dataset.published", "dataset.uploaded", "dataset.edited"]);
  });

  describe("refuses a bad file with a message, and nothing published changes", () => {
    let before: string;
    let editor: Client;
    beforeAll(async () => {
      editor = await signedInAs(t.app, "editor");
      before = (await t.app.inject({ url: "/opendata/residence-permits-by-month/csv" })).body;
    });
    const attempt = async (file: ReturnType<typeof csvFile>, expected: string) => {
      await editor.get("/en/workspace/datasets/residence-permits-by-month");
      const [row] = await db().select().from(datasets).where(eq(datasets.slug, "residence-permits-by-month"));
      const res = await editor.postMultipart(
        "/en/workspace/datasets/residence-permits-by-month",
        { ...metadata, titleEn: "Changed title" },
        [file],
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(expected);
      expect((await t.app.inject({ url: "/opendata/residence-permits-by-month/csv" })).body).toBe(before);
      const [after] = await db().select().from(datasets).where(eq(datasets.slug, "residence-permits-by-month"));
      expect(after).toEqual(row);
    };

    it("invalid UTF-8, naming the line", () =>
      attempt(
        csvFile(
          Buffer.concat([
            Buffer.from("month,new_permits,renewals\n2025-01,1,2\n2025-02,"),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(",3\n"),
          ]),
        ),
        "line 3 has characters that are not UTF-8",
      ));

    it("ragged rows, naming the line", () =>
      attempt(
        csvFile("month,new_permits,renewals\n2025-01,1,2\n2025-02,3,4\n2025-03,5\n"),
        "Line 4 has a different number of columns",
      ));

    it("a header with a blank or repeated name", async () => {
      await attempt(csvFile("month,,renewals\n2025-01,1,2\n"), "Every column in the header row (line 1) needs a name");
      await attempt(csvFile("month,count,count\n2025-01,1,2\n"), "two columns with the same name");
    });

    it("a file over 50 MB", () => {
      const big = Buffer.alloc(50 * 1024 * 1024 + 10, "1,2\n");
      big.write("a,b\n", 0);
      return attempt(csvFile(big), "The file must be smaller than 50 MB");
    });
  });
});
