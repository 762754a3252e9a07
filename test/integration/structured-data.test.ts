import { readFileSync } from "node:fs";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../../src/platform/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";

/**
 * schema.org JSON-LD on every public template, checked against the
 * schema.org vocabulary (release 30.0, test/fixtures/schemaorg-30.0-structure.ttl):
 * every type and property exists and is current, every property is used on
 * a type in its domain (or a subtype of one), and every nested node's type
 * is in the property's range.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
}, 240_000);
afterAll(() => t.close());

const S = "https://schema.org/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const vocabulary = new Parser({ format: "Turtle" }).parse(
  readFileSync(fromRoot("test/fixtures/schemaorg-30.0-structure.ttl"), "utf8"),
);
const classes = new Set<string>();
const properties = new Set<string>();
const parents = new Map<string, string[]>();
const domains = new Map<string, string[]>();
const ranges = new Map<string, string[]>();
const superseded = new Set<string>();
const add = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
for (const q of vocabulary) {
  if (!q.subject.value.startsWith(S)) continue;
  const name = q.subject.value.slice(S.length);
  const object = q.object.value.startsWith(S) ? q.object.value.slice(S.length) : q.object.value;
  if (q.predicate.value === RDF_TYPE && q.object.value.endsWith("#Class")) classes.add(name);
  else if (q.predicate.value === RDF_TYPE && q.object.value.endsWith("#Property")) properties.add(name);
  else if (q.predicate.value === RDF_TYPE && q.object.value.startsWith(S))
    classes.add(name); // data types and enumeration members
  else if (q.predicate.value.endsWith("#subClassOf")) add(parents, name, object);
  else if (q.predicate.value === `${S}domainIncludes`) add(domains, name, object);
  else if (q.predicate.value === `${S}rangeIncludes`) add(ranges, name, object);
  else if (q.predicate.value === `${S}supersededBy`) superseded.add(name);
}

/** A type and every type above it. */
function ancestors(type: string): Set<string> {
  const out = new Set<string>([type]);
  const stack = [type];
  while (stack.length) for (const p of parents.get(stack.pop() as string) ?? []) if (!out.has(p)) out.add(p) && stack.push(p);
  return out;
}
const DATA_TYPES = new Set(["Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime", "Time", "DataType"]);
const isAbsoluteUrl = (v: unknown) => typeof v === "string" && /^https?:\/\//.test(v);

type Json = Record<string, unknown>;

/** Every problem of one node (and the nodes inside it), as "path: problem". */
function check(node: Json, where: string, problems: string[]): void {
  const types = [node["@type"]].flat().filter((x): x is string => typeof x === "string");
  if (!types.length) problems.push(`${where}: no @type`);
  for (const type of types) if (!classes.has(type)) problems.push(`${where}: ${type} is not a schema.org type`);
  const above = new Set(types.flatMap((type) => [...ancestors(type)]));
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    // Actions annotate a property's input with "<property>-input" (schema.org's Potential Actions).
    const annotation = /^(.+)-(input|output)$/.exec(key);
    const property = annotation ? (annotation[1] as string) : key;
    const at = `${where}.${key}`;
    if (!properties.has(property)) {
      problems.push(`${at}: not a schema.org property`);
      continue;
    }
    if (superseded.has(property)) problems.push(`${at}: superseded`);
    if (!(domains.get(property) ?? []).some((d) => above.has(d))) problems.push(`${at}: not a property of ${types.join(", ")}`);
    if (annotation) {
      if (typeof value !== "string") problems.push(`${at}: an annotation is text`);
      continue;
    }
    const range = ranges.get(property) ?? [];
    for (const item of [value].flat()) {
      if (item && typeof item === "object") {
        const inner = item as Json;
        const innerTypes = [inner["@type"]].flat().filter((x): x is string => typeof x === "string");
        if (!innerTypes.some((type) => range.some((r) => ancestors(type).has(r))))
          problems.push(`${at}: ${innerTypes.join(", ")} is not in the range ${range.join(", ")}`);
        check(inner, at, problems);
      } else if (!range.some((r) => DATA_TYPES.has(r) || ancestors(r).has("DataType")) && !isAbsoluteUrl(item)) {
        problems.push(`${at}: a literal where ${range.join(", ")} is expected`);
      }
    }
  }
}

/** The JSON-LD documents of a page. */
function jsonLdOf(html: string): Json[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1] as string) as Json,
  );
}
const nodesOf = (doc: Json) => ((doc["@graph"] as Json[] | undefined) ?? [doc]).map((n) => n);
const typesOn = (html: string) =>
  jsonLdOf(html)
    .flatMap(nodesOf)
    .flatMap((n) => [n["@type"]].flat());

/** The public pages to walk: the sitemap's, a few of each template, in both languages. */
async function publicPages(): Promise<string[]> {
  const sitemap = (await t.app.inject({ url: "/sitemaps/pages.xml" })).body;
  const services = (await t.app.inject({ url: "/sitemaps/services-1.xml" })).body;
  const locs = [...`${sitemap}${services}`.matchAll(/<loc>http:\/\/portal\.test([^<]*)<\/loc>/g)].map((m) => m[1] as string);
  const byTemplate = new Map<string, string[]>();
  for (const path of locs) {
    const template =
      path
        .replace(/^\/en(?=\/|$)/, "")
        .split("/")
        .slice(0, 2)
        .join("/") + (path.split("/").length > 3 ? "/:x" : "");
    const list = byTemplate.get(template) ?? [];
    if (list.length < 4) byTemplate.set(template, [...list, path]);
  }
  return [...byTemplate.values()].flat();
}

describe("schema.org structured data", () => {
  it("is valid schema.org on every public template, in both languages", async () => {
    const pages = await publicPages();
    expect(pages.length).toBeGreaterThan(40);
    const problems: string[] = [];
    let withData = 0;
    for (const path of pages) {
      const res = await t.app.inject({ url: path });
      expect(res.statusCode, path).toBe(200);
      const docs = jsonLdOf(res.body);
      if (docs.length) withData++;
      for (const doc of docs) {
        if (doc["@context"] !== "https://schema.org") problems.push(`${path}: context ${String(doc["@context"])}`);
        for (const node of nodesOf(doc)) check(node, path, problems);
      }
    }
    expect(problems).toEqual([]);
    expect(withData).toBeGreaterThan(pages.length * 0.8);
  });

  it("is checked by a validator that finds a wrong property, type or range", () => {
    const problems: string[] = [];
    check({ "@type": "GovernmentService", name: "x", inLanguage: "ar", dateModified: "2025-01-01" }, "service", problems);
    check({ "@type": "Event", name: "x", location: { "@type": "Audience", audienceType: "y" } }, "event", problems);
    check({ "@type": "Governmentservice", name: "x" }, "typo", problems);
    expect(problems).toEqual([
      "service.inLanguage: not a property of GovernmentService",
      "service.dateModified: not a property of GovernmentService",
      "event.location: Audience is not in the range Place, PostalAddress, Text, VirtualLocation",
      "typo: Governmentservice is not a schema.org type",
      "typo.name: not a property of Governmentservice",
    ]);
  });

  it("gives each kind of page its type", async () => {
    const expectations: [string, string][] = [
      ["/", "WebSite"],
      ["/en", "WebSite"],
      ["/agencies/ministry-of-interior", "GovernmentOrganization"],
      ["/en/services/renew-residence-permit", "GovernmentService"],
      ["/opendata", "DataCatalog"],
      ["/en/opendata/water-consumption-by-month", "Dataset"],
      ["/en/agencies", "BreadcrumbList"],
    ];
    const news = /href="(\/en\/news\/[^"]+)"/.exec((await t.app.inject({ url: "/en/news" })).body)?.[1];
    const event = /href="(\/en\/events\/[^"/]+)"/.exec((await t.app.inject({ url: "/en/events" })).body)?.[1];
    if (!news || !event) throw new Error("no news or event");
    expectations.push([news, "NewsArticle"], [event, "Event"]);
    for (const [path, type] of expectations) {
      const html = (await t.app.inject({ url: path })).body;
      expect(typesOn(html), path).toContain(type);
    }
    // The home page's search action opens the portal's search.
    const site = jsonLdOf((await t.app.inject({ url: "/en" })).body).flatMap(nodesOf)[0] as Json & {
      potentialAction: { target: { urlTemplate: string } };
    };
    expect(site.potentialAction.target.urlTemplate).toBe("http://portal.test/en/search?q={search_term_string}");
    expect((await t.app.inject({ url: "/en/search?q=visa" })).statusCode).toBe(200);
  });

  it("gives the trail as a BreadcrumbList that ends at the page", async () => {
    const html = (await t.app.inject({ url: "/en/agencies/ministry-of-interior" })).body;
    const trail = jsonLdOf(html)
      .flatMap(nodesOf)
      .find((n) => n["@type"] === "BreadcrumbList") as Json & { itemListElement: Json[] };
    expect(trail.itemListElement.map((i) => [i.position, i.item])).toEqual([
      [1, "http://portal.test/en"],
      [2, "http://portal.test/en/agencies"],
      [3, "http://portal.test/en/agencies/ministry-of-interior"],
    ]);
  });

  it("describes a dataset as the same record as its DCAT entry", async () => {
    const catalogue = JSON.parse((await t.app.inject({ url: "/opendata/catalog.jsonld" })).body) as {
      "dcat:dataset": Json[];
    };
    for (const entry of catalogue["dcat:dataset"]) {
      const id = entry["@id"] as string;
      const html = (await t.app.inject({ url: id.replace("http://portal.test", "/en") })).body;
      const node = jsonLdOf(html)
        .flatMap(nodesOf)
        .find((n) => n["@type"] === "Dataset") as Json & { distribution: { contentUrl: string }[] };
      const en = (value: unknown) =>
        ([value].flat() as { "@value": string; "@language": string }[]).find((v) => v["@language"] === "en")?.["@value"];
      const day = (value: unknown) => (value as { "@value": string })["@value"];
      expect(node["@id"]).toBe(id);
      expect(node.name).toBe(en(entry["dct:title"]));
      expect(node.description).toBe(en(entry["dct:description"]));
      const distributions = entry["dcat:distribution"] as Json[];
      for (const d of distributions) expect(node.license).toBe((d["dct:license"] as Json)["@id"]);
      expect(node.datePublished).toBe(day(entry["dct:issued"]));
      expect(node.dateModified).toBe(day(entry["dct:modified"]));
      const temporal = entry["dct:temporal"] as Json | undefined;
      expect(node.temporalCoverage).toBe(
        temporal ? `${day(temporal["dcat:startDate"])}/${day(temporal["dcat:endDate"])}` : undefined,
      );
      expect(node.distribution.map((d) => d.contentUrl).sort()).toEqual(
        (entry["dcat:distribution"] as Json[]).map((d) => (d["dcat:downloadURL"] as Json)["@id"]).sort(),
      );
    }
  });
});
