// Over 400 lines on purpose: the replayed ckanapi and harvester exchanges, package_search and the Action API's addresses all run against one demo portal, built once for the file.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDataset, updateDataset } from "../../src/opendata/repository.js";
import { fromRoot } from "../../src/platform/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";

/**
 * The CKAN Action API as real CKAN clients use it: the requests ckanapi's
 * RemoteCKAN and CKAN's harvester sent (recorded in
 * test/fixtures/ckan-client-requests.json) are replayed byte for byte, and
 * each answer is read the way that client reads it.
 */

let t: TestApp;
const db = () => t.db.database.db;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
}, 240_000);
afterAll(() => t.close());

interface Recorded {
  client: "ckanapi" | "ckanext-harvest";
  method: "GET" | "POST";
  path: string;
  headers: [string, string][];
  body: string;
}
const recorded = (
  JSON.parse(readFileSync(fromRoot("test/fixtures/ckan-client-requests.json"), "utf8")) as { requests: Recorded[] }
).requests;

/** The harvester's timestamp: Python's isoformat() with microseconds, then Z, URL-encoded as urlencode does. */
const pythonSince = (d: Date) => encodeURIComponent(`${d.toISOString().slice(0, 23)}000Z`);

async function replay(r: Recorded, fill: Record<string, string> = {}) {
  let { path, body } = r;
  for (const [key, value] of Object.entries(fill)) {
    path = path.replaceAll(`{${key}}`, value);
    body = body.replaceAll(`{${key}}`, value);
  }
  const res = await t.app.inject({
    method: r.method,
    url: path,
    headers: Object.fromEntries(r.headers),
    ...(r.method === "POST" ? { payload: body } : {}),
  });
  return { status: res.statusCode, text: res.body, headers: res.headers };
}

/**
 * ckanapi's reverse_apicontroller_action (ckanapi/common.py): the result on
 * success, else the exception it raises, named by the error's __type; an
 * answer it cannot read is CKANAPIError (or ServerIncompatibleError).
 */
function ckanapiReads(status: number, text: string): { result: unknown } | { raises: string; detail: unknown } {
  let err: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object" && (parsed as { success?: unknown }).success)
      return { result: (parsed as { result: unknown }).result };
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      const e = (parsed as { error?: unknown }).error ?? {};
      if (typeof e !== "object" || e === null) return { raises: "ServerIncompatibleError", detail: [status, text] };
      err = e as Record<string, unknown>;
    }
  } catch {
    err = {};
  }
  const message = typeof err.message === "string" ? err.message.split(": ").slice(1).join(": ") || err.message : "";
  const byType: Record<string, string> = {
    "Search Query Error": "SearchQueryError",
    "Search Error": "SearchError",
    "Search Index Error": "SearchIndexError",
    "Validation Error": "ValidationError",
    "Not Found Error": "NotFound",
    "Authorization Error": "NotAuthorized",
  };
  const raises = byType[String(err.__type)] ?? "CKANAPIError";
  return {
    raises,
    detail:
      raises === "ValidationError" || raises === "NotAuthorized" ? err : raises === "CKANAPIError" ? [status, text] : message,
  };
}

const ckanapiCalls = recorded.filter((r) => r.client === "ckanapi");
const harvesterCalls = recorded.filter((r) => r.client === "ckanext-harvest");
const named = (action: string, body?: string) =>
  ckanapiCalls.find((r) => r.path.replace(/\?.*/, "").endsWith(`/${action}`) && (body === undefined || r.body === body));

/** CKAN 2.10/2.11's package_show keys (model_dictize.package_dictize after the show schema). */
const PACKAGE_KEYS = [
  "author",
  "author_email",
  "creator_user_id",
  "extras",
  "groups",
  "id",
  "isopen",
  "license_id",
  "license_title",
  "license_url",
  "maintainer",
  "maintainer_email",
  "metadata_created",
  "metadata_modified",
  "name",
  "notes",
  "num_resources",
  "num_tags",
  "organization",
  "owner_org",
  "private",
  "relationships_as_object",
  "relationships_as_subject",
  "resources",
  "state",
  "tags",
  "title",
  "type",
  "url",
  "version",
];
const RESOURCE_KEYS = [
  "cache_last_updated",
  "cache_url",
  "created",
  "description",
  "format",
  "hash",
  "id",
  "last_modified",
  "metadata_modified",
  "mimetype",
  "mimetype_inner",
  "name",
  "package_id",
  "position",
  "resource_type",
  "size",
  "state",
  "url",
  "url_type",
];
const ORGANIZATION_KEYS = [
  "approval_status",
  "created",
  "description",
  "id",
  "image_url",
  "is_organization",
  "name",
  "state",
  "title",
  "type",
];

type Pkg = Record<string, unknown> & {
  name: string;
  id: string;
  metadata_created: string;
  metadata_modified: string;
  organization: Record<string, unknown> & { name: string };
  groups: { name: string }[];
  resources: (Record<string, unknown> & { id: string; format: string; url: string })[];
  tags: { name: string }[];
};

describe("ckanapi's RemoteCKAN (recorded requests replayed)", () => {
  it("reads every listed action through POST /api/action/<name> with a JSON body", async () => {
    expect(ckanapiCalls.length).toBeGreaterThan(15);
    const read = async (r: Recorded | undefined, fill?: Record<string, string>) => {
      if (!r) throw new Error("no such recorded request");
      const res = await replay(r, fill);
      return ckanapiReads(res.status, res.text);
    };
    const list = await read(named("package_list"));
    expect(list).toEqual({ result: expect.arrayContaining(["water-consumption-by-month", "licensed-vehicles-by-year"]) });
    expect(((list as { result: string[] }).result ?? []).length).toBe(10);

    const show = (await read(named("package_show", '{"id": "water-consumption-by-month"}'))) as { result: Pkg };
    expect(Object.keys(show.result)).toEqual(expect.arrayContaining(PACKAGE_KEYS));
    expect(show.result).toMatchObject({
      name: "water-consumption-by-month",
      license_id: "cc-zero",
      isopen: true,
      state: "active",
    });
    expect(Object.keys(show.result.organization)).toEqual(expect.arrayContaining(ORGANIZATION_KEYS));
    for (const r of show.result.resources) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(RESOURCE_KEYS));
      expect(typeof r.description).toBe("string");
      expect(r.description).not.toBe("");
    }
    expect(show.result.resources.map((r) => [r.format, r.mimetype])).toEqual([
      ["CSV", "text/csv"],
      ["JSON", "application/json"],
    ]);

    const search = (await read(named("package_search", '{"q": "water", "rows": 5}'))) as { result: { count: number } };
    expect(search.result.count).toBe(1);
    const fielded = (await read(ckanapiCalls.find((r) => r.body.includes("res_format:CSV")))) as {
      result: { count: number; results: Pkg[]; search_facets: Record<string, { items: { name: string; count: number }[] }> };
    };
    // organization:"…" res_format:CSV, sorted by name, rows 2 from 1, with facets on tags and license_id.
    expect(fielded.result.count).toBe(5);
    expect(fielded.result.results.map((p) => p.name)).toEqual(["government-agencies", "government-services"]);
    expect(fielded.result.search_facets.license_id?.items).toEqual([
      { name: "cc-by", display_name: expect.any(String), count: 5 },
    ]);

    const orgs = (await read(named("organization_list"))) as { result: { name: string; package_count: number }[] };
    expect(orgs.result.find((o) => o.name === "ministry-of-communications-and-it")?.package_count).toBe(5);
    const org = (await read(named("organization_show"))) as { result: { name: string; package_count: number } };
    expect(org.result).toMatchObject({ name: "traffic-department", package_count: 1 });
    const groups = (await read(named("group_list"))) as { result: string[] };
    expect(groups.result).toEqual(expect.arrayContaining(["tran", "heal", "envi"]));
    const group = (await read(named("group_show"))) as { result: { name: string; package_count: number } };
    expect(group.result).toMatchObject({ name: "tran", package_count: 1 });
    expect(((await read(named("tag_list"))) as { result: string[] }).result).toContain("مياه");
    const licences = (await read(named("license_list"))) as { result: { id: string; title: string; url: string }[] };
    expect(licences.result.map((l) => l.id)).toEqual(["cc-by", "cc-zero", "odc-by"]);
    expect(((await read(named("status_show"))) as { result: { site_url: string } }).result.site_url).toBe("http://portal.test");
    expect(await read(named("site_read"))).toEqual({ result: true });

    const vehicles = (await read(named("package_show", '{"id": "licensed-vehicles-by-year"}'))) as { result: Pkg };
    const resourceId = vehicles.result.resources[0]?.id ?? "";
    const resource = (await read(named("resource_show"), { RESOURCE_ID: resourceId })) as { result: { id: string; url: string } };
    expect(resource.result).toMatchObject({ id: resourceId, url: "http://portal.test/opendata/licensed-vehicles-by-year/csv" });
    const current = (await read(named("current_package_list_with_resources"))) as { result: Pkg[] };
    expect(current.result).toHaveLength(3);
    expect(current.result[0]?.resources.length).toBeGreaterThan(0);
  });

  it("reads the same through GET with the parameters in the query string (get_only)", async () => {
    const gets = ckanapiCalls.filter((r) => r.method === "GET");
    expect(gets).toHaveLength(2);
    const [show, search] = await Promise.all(
      gets.map(async (r) => ckanapiReads(...(Object.values(await replay(r)).slice(0, 2) as [number, string]))),
    );
    expect((show as { result: Pkg }).result.name).toBe("water-consumption-by-month");
    const facets = (search as { result: { count: number; search_facets: { organization: { items: { name: string }[] } } } })
      .result;
    expect(facets.count).toBe(1);
    expect(facets.search_facets.organization.items.map((i) => i.name)).toEqual(["national-water-and-electricity-corporation"]);
  });

  it("turns each refusal back into the exception the action raised", async () => {
    const outcome = async (action: string, body: string) => {
      const r = named(action, body);
      if (!r) throw new Error(`no recorded ${action} ${body}`);
      const res = await replay(r);
      return { status: res.status, read: ckanapiReads(res.status, res.text) };
    };
    expect(await outcome("package_show", '{"id": "no-such-dataset"}')).toEqual({
      status: 404,
      read: { raises: "NotFound", detail: "Not found" },
    });
    expect(await outcome("package_show", "{}")).toEqual({
      status: 409,
      read: { raises: "ValidationError", detail: { name_or_id: ["Missing value"], __type: "Validation Error" } },
    });
    expect(await outcome("package_search", '{"rows": "lots"}')).toEqual({
      status: 409,
      read: { raises: "ValidationError", detail: { rows: ["Invalid integer"], __type: "Validation Error" } },
    });
    expect(await outcome("package_search", '{"sort": "name sideways"}')).toEqual({
      status: 400,
      read: { raises: "SearchQueryError", detail: "('Invalid \"sort\" parameter',)" },
    });
    const unknownField = await outcome("package_search", '{"fq": "nosuchfield:x"}');
    expect(unknownField).toMatchObject({ status: 409, read: { raises: "SearchError" } });
    // An action CKAN does not know: a 400 whose body is a JSON string, which ckanapi reports as CKANAPIError.
    const unknown = await outcome("package_delete", '{"id": "x"}');
    expect(unknown).toMatchObject({ status: 400, read: { raises: "CKANAPIError" } });
    expect(JSON.parse((unknown.read as { detail: [number, string] }).detail[1])).toBe(
      "Bad request: Action name not known: package_delete",
    );
  });
});

describe("CKAN's harvester (recorded requests replayed)", () => {
  /** What _search_for_datasets does with one recorded search: the page's results, by reading result.results. */
  const page = async (r: Recorded, fill: Record<string, string> = {}) => {
    const res = await replay(r, fill);
    expect(res.status).toBe(200);
    return (JSON.parse(res.text) as { result: { results: Pkg[] } }).result.results;
  };
  const searches = (filter: (path: string) => boolean) =>
    harvesterCalls.filter((r) => r.path.includes("/package_search?") && filter(decodeURIComponent(r.path.replaceAll("+", " "))));
  const fill = {
    // The demo datasets were stored when the run's demo template was built (test/support/templates.ts), up to an hour or more before.
    SINCE_PAST: pythonSince(new Date(Date.now() - 86_400_000)),
    SINCE_FUTURE: pythonSince(new Date(Date.now() + 86_400_000)),
  };

  it("pages through every dataset sorted by id, 100 at a time, until an empty page", async () => {
    const [first, second] = searches((p) => !p.includes("fq="));
    if (!first || !second) throw new Error("no recorded full harvest");
    expect(first.path).toBe("/api/3/action/package_search?rows=100&start=0&sort=id+asc");
    const one = await page(first);
    expect(one).toHaveLength(10);
    expect(one.map((p) => p.id)).toEqual(one.map((p) => p.id).sort());
    expect(await page(second)).toEqual([]);
  });

  it("asks only for what changed since the last harvest (fq=metadata_modified:[since TO *])", async () => {
    const [sincePast] = searches((p) => p.includes("{SINCE_PAST}") && !p.includes("groups:"));
    const [sinceFuture] = searches((p) => p.includes("{SINCE_FUTURE}"));
    if (!sincePast || !sinceFuture) throw new Error("no recorded incremental harvest");
    expect(await page(sincePast, fill)).toHaveLength(10);
    expect(await page(sinceFuture, fill)).toEqual([]);

    // A dataset edited now is the only one changed since a moment ago.
    // "A moment ago" is now: the demo datasets may have been stored less than a second before this test.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const justBefore = { ...fill, SINCE_PAST: pythonSince(new Date()) };
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await page(sincePast, justBefore)).toEqual([]);
    const water = await findDataset(db(), "water-consumption-by-month");
    if (!water) throw new Error("no dataset");
    const { id, createdAt: _c, updatedAt: _u, generator: _g, resources: _r, ...input } = water;
    await updateDataset(db(), id, { ...input, titleEn: "Water consumption each month" });
    expect((await page(sincePast, justBefore)).map((p) => p.name)).toEqual(["water-consumption-by-month"]);
  });

  it("never dates a record's change before its creation", async () => {
    const [first] = searches((p) => !p.includes("fq="));
    if (!first) throw new Error("no recorded harvest");
    for (const p of await page(first)) {
      expect(p.metadata_modified >= p.metadata_created, p.name).toBe(true);
      expect(p.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    }
  });

  it("filters by organization (include with OR, exclude with -) and by group", async () => {
    const [include] = searches((p) => p.includes("organization:traffic-department OR"));
    const [exclude] = searches((p) => p.includes("-organization:"));
    const [group] = searches((p) => p.includes("groups:tran"));
    if (!include || !exclude || !group) throw new Error("no recorded filter");
    expect((await page(include)).map((p) => p.organization.name).sort()).toEqual(["ministry-of-interior", "traffic-department"]);
    const rest = await page(exclude);
    expect(rest).toHaveLength(5);
    expect(rest.every((p) => p.organization.name !== "ministry-of-communications-and-it")).toBe(true);
    expect((await page(group, fill)).map((p) => p.name)).toEqual(["licensed-vehicles-by-year"]);
  });

  it("reads a remote organization and group to create them locally", async () => {
    const org = harvesterCalls.find((r) => r.path.includes("/organization_show?"));
    const group = harvesterCalls.find((r) => r.path.includes("/group_show?"));
    if (!org || !group) throw new Error("no recorded show");
    const orgDict = (JSON.parse((await replay(org)).text) as { result: Record<string, unknown> }).result;
    expect(orgDict).toMatchObject({ name: "traffic-department", is_organization: true, type: "organization" });
    const groupDict = (JSON.parse((await replay(group)).text) as { result: Record<string, unknown> }).result;
    expect(groupDict).toMatchObject({ name: "tran", is_organization: false, type: "group" });
    expect(typeof groupDict.id).toBe("string");
  });
});

describe("package_search", () => {
  const search = async (query: Record<string, string>) => {
    const res = await t.app.inject({ url: `/api/3/action/package_search?${new URLSearchParams(query)}` });
    return {
      status: res.statusCode,
      body: JSON.parse(res.body) as { result: { count: number; results: Pkg[] }; error?: Record<string, unknown> },
    };
  };
  const names = async (query: Record<string, string>) =>
    (await search({ rows: "100", ...query })).body.result.results.map((p) => p.name).sort();

  it("takes fielded terms, phrases, OR, NOT and ranges in q and fq", async () => {
    expect(await names({ q: "tags:water" })).toEqual(["water-consumption-by-month"]);
    expect(await names({ q: "title:vehicles" })).toEqual(["licensed-vehicles-by-year"]);
    expect(await names({ q: 'title:"page views"' })).toEqual(["portal-page-views"]);
    expect(await names({ q: "name:poll-results OR name:government-agencies" })).toEqual(["government-agencies", "poll-results"]);
    expect(await names({ q: "المركبات" })).toEqual(["licensed-vehicles-by-year"]);
    expect(await names({ fq: "groups:tran" })).toEqual(["licensed-vehicles-by-year"]);
    expect(await names({ fq: "license_id:cc-zero" })).toEqual(["water-consumption-by-month"]);
    expect(await names({ fq: "organization:ministry-of-communications-and-it -tags:polls" })).toHaveLength(4);
    expect(await names({ fq: "organization:(traffic-department OR ministry-of-interior)" })).toHaveLength(2);
    expect(await names({ fq: "metadata_created:[* TO NOW]" })).toHaveLength(10);
    expect(await names({ fq: "metadata_modified:[NOW/DAY+1DAY TO *]" })).toEqual([]);
    expect(await names({ fq: "res_format:JSON", fq_list: "[]" })).toHaveLength(10);
  });

  it("sorts, pages and counts facets", async () => {
    const asc = await search({ sort: "name asc", rows: "3", start: "0" });
    expect(asc.body.result.results.map((p) => p.name)).toEqual([
      "e-transactions-by-service",
      "government-agencies",
      "government-services",
    ]);
    const desc = await search({ sort: "name desc", rows: "1" });
    expect(desc.body.result.results.map((p) => p.name)).toEqual(["water-consumption-by-month"]);
    const next = await search({ sort: "name asc", rows: "3", start: "3" });
    expect(next.body.result.results[0]?.name).toBe("licensed-vehicles-by-year");
    const facets = await search({ "facet.field": '["organization","groups","res_format"]', rows: "0" });
    const result = facets.body.result as unknown as { facets: Record<string, Record<string, number>>; results: unknown[] };
    expect(result.results).toEqual([]);
    expect(result.facets.organization?.["ministry-of-communications-and-it"]).toBe(5);
    expect(result.facets.res_format).toEqual({ CSV: 10, JSON: 10 });
    expect(result.facets.groups?.tech).toBe(1);
    // rows above 1000 are cut to 1000, as CKAN's limit_to_configured_maximum does.
    expect((await search({ rows: "5000" })).status).toBe(200);
  });

  it("refuses what CKAN refuses, with CKAN's statuses", async () => {
    expect((await search({ start: "-1" })).body.error).toEqual({
      start: ["Must be a natural number"],
      __type: "Validation Error",
    });
    expect((await search({ q: 'title:"unclosed' })).status).toBe(409);
    expect((await search({ sort: "colour desc" })).status).toBe(409);
    expect((await search({ "facet.field": "tags" })).body.error).toMatchObject({
      "facet.field": ["Could not parse as valid JSON"],
    });
    const unknown = await search({ color: "blue" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ __type: "Search Query Error" });
  });
});

describe("the Action API's addresses and bodies", () => {
  it("serves /api/3 and both action prefixes, GET and POST", async () => {
    expect(JSON.parse((await t.app.inject({ url: "/api/3" })).body)).toEqual({ version: 3 });
    const post = await t.app.inject({
      method: "POST",
      url: "/api/3/action/package_show",
      headers: { "content-type": "application/json" },
      payload: '{"id": "poll-results"}',
    });
    expect(post.statusCode).toBe(200);
    expect(JSON.parse(post.body).help).toBe("http://portal.test/api/3/action/help_show?name=package_show");
    const help = JSON.parse((await t.app.inject({ url: "/api/action/help_show?name=package_search" })).body);
    expect(help.result).toContain("fq");
    // An English answer when asked for.
    const en = JSON.parse((await t.app.inject({ url: "/api/3/action/package_show?id=poll-results&lang=en" })).body);
    expect(en.result.title).toBe(en.result.title_translated.en);
    // Old clients POST a form whose one field is the JSON object.
    const form = await t.app.inject({
      method: "POST",
      url: "/api/action/package_show",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `${encodeURIComponent('{"id": "poll-results"}')}=1`,
    });
    expect(JSON.parse(form.body).result.name).toBe("poll-results");
  });

  it("answers an unreadable body as CKAN does: 400 with a JSON string", async () => {
    for (const payload of ["{not json", "[1, 2]", '"text"']) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/action/package_list",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(String(JSON.parse(res.body))).toMatch(/^Bad request: JSON Error: /);
    }
  });
});
