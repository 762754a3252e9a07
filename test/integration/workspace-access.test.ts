import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { type RouteAccess, workspaceRouteTable } from "../../src/workspace/routes.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";
import { formOf, makeStaff } from "./workspace-support.js";

let t: TestApp;
const db = () => t.db.database.db;

/** Agency A is the demo editor's and approver's; agency B has its own editor, made here. */
const A = "ministry-of-interior";
const B = "ministry-of-justice";
const emails = {
  citizen: "citizen@demo.hukoomi.example",
  editorA: "editor@demo.hukoomi.example",
  approverA: "approver@demo.hukoomi.example",
  editorB: "editor-b@test.hukoomi.example",
  officer: "officer@demo.hukoomi.example",
  admin: "admin@demo.hukoomi.example",
};
type Who = keyof typeof emails | "anonymous";
const everyone: Who[] = ["anonymous", "citizen", "officer", "editorB", "editorA", "approverA", "admin"];

async function as(who: Who): Promise<Client> {
  const client = new Client(t.app);
  if (who === "anonymous") {
    await client.get("/en/sign-in");
    return client;
  }
  await signInWith(client, emails[who]);
  await client.get("/en/workspace/content"); // a page with the anti-forgery token
  return client;
}

const SERVICE = "renew-residence-permit";
const FORM = "moi-residence-form";
const pdf = Buffer.from("%PDF-1.4\n% test form\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
  await makeStaff(db(), emails.editorB, "+97455509901", [{ role: "editor", agency: B }]);
  // Agency A's items the matrix reaches: a service edited once (so it has a draft and a version) and a form with its file.
  const editor = await as("editorA");
  await editor.get(`/en/workspace/content/${A}/service/${SERVICE}`);
  const saved = await editor.post(`/en/workspace/content/${A}/service/${SERVICE}`, formOf(editor.lastBody, 0));
  expect(saved.statusCode).toBe(303);
  await editor.get(`/en/workspace/content/${A}/document/new`);
  const made = await editor.postMultipart(
    `/en/workspace/content/${A}/document/new`,
    { slug: FORM, service: SERVICE, "title-ar": "نموذج الإقامة", "title-en": "Residence form" },
    [{ field: "file", filename: "residence.pdf", type: "application/pdf", data: pdf }],
  );
  expect(made.statusCode).toBe(303);
}, 300_000);
afterAll(() => t.close());

/** What each route is tried with: the item it names, and a form that passes access checks but changes nothing. */
const tried: Record<string, { kind?: string; slug?: string; body?: Record<string, string> }> = {
  "GET /workspace/content/:agency/:kind/:slug/file": { kind: "document", slug: FORM },
  "POST /workspace/content/:agency/:kind/new": { body: { slug: "" } },
  "POST /workspace/content/:agency/:kind/:slug": { body: { revision: "999" } },
  "POST /workspace/content/:agency/:kind/:slug/submit": { body: { revision: "999" } },
  "POST /workspace/content/:agency/:kind/:slug/return": { body: { revision: "999", comment: "Too long" } },
  "POST /workspace/content/:agency/:kind/:slug/publish": { body: { revision: "999" } },
  "POST /workspace/content/:agency/:kind/:slug/unpublish": { body: { revision: "999", reason: "Out of date" } },
  "POST /workspace/content/:agency/:kind/:slug/restore": { body: { revision: "999", version: "1" } },
};

function addressOf(path: string, agency: string, key: string): string {
  const o = tried[key] ?? {};
  return `/en${path
    .replace(":agency", agency)
    .replace(":kind", o.kind ?? "service")
    .replace(":slug", o.slug ?? SERVICE)}`;
}

/** What a person gets from a route of agency A, by the route's access. */
function expected(who: Who, access: RouteAccess, method: "GET" | "POST"): "signIn" | 403 | 404 | "allowed" {
  if (who === "anonymous") return "signIn";
  if (who === "citizen") return 403;
  if (who === "officer") return access === "staff" ? "allowed" : 403;
  if (who === "editorB") return access === "staff" || access === "content" ? "allowed" : 404;
  if (who === "editorA") return access === "approve" ? 403 : "allowed";
  void method;
  return "allowed";
}

describe("workspace access-control matrix", { timeout: 180_000 }, () => {
  it("covers every route the workspace registers, in both languages", () => {
    const mine = (url: string) => /^\/(en\/)?workspace(\/content(\/.*)?)?$/.test(url);
    const registered = t.app.routeTable.filter((r) => mine(r.url)).map((r) => `${r.method} ${r.url}`);
    const listed = workspaceRouteTable.flatMap((r) => [`${r.method} ${r.path}`, `${r.method} /en${r.path}`]);
    expect(new Set(registered)).toEqual(new Set(listed));
    expect(registered).toHaveLength(listed.length);
  });

  for (const who of everyone) {
    it(`${who} on agency A's routes`, async () => {
      const client = await as(who);
      for (const route of workspaceRouteTable) {
        const key = `${route.method} ${route.path}`;
        const url = addressOf(route.path, A, key);
        const res =
          route.method === "GET" ? await client.get(url) : await client.post(url, tried[key]?.body ?? { revision: "999" });
        const want = expected(who, route.access, route.method);
        const label = `${who} ${key}`;
        if (want === "signIn") {
          if (route.method === "GET") {
            expect(res.statusCode, label).toBe(303);
            expect(String(res.headers.location), label).toContain("/en/sign-in?returnTo=");
          } else expect(res.statusCode, label).toBe(401);
        } else if (want === "allowed") {
          expect([401, 403, 404, 500], label).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, label).toBe(want);
        }
        if (res.statusCode === 200 && route.method === "GET" && !url.endsWith("/file")) {
          expect(res.headers["cache-control"], label).toBe("private, no-store");
          expect(res.body, label).toContain('name="robots" content="noindex');
        }
      }
    });
  }

  it("links the staff home from My Hukoomi for staff only, once", async () => {
    const approver = await as("approverA");
    const mine = await approver.get("/en/my");
    expect(mine.body.match(/href="\/en\/workspace"/g)).toHaveLength(1);
    const citizen = await as("citizen");
    expect((await citizen.get("/en/my")).body).not.toContain('href="/en/workspace"');
  });

  it("never shows agency A's draft text to agency B's editor", async () => {
    const editor = await as("editorA");
    await editor.get(`/en/workspace/content/${A}/service/${SERVICE}`);
    const form = formOf(editor.lastBody);
    form["title-en"] = "Secret draft title 7731";
    expect((await editor.post(`/en/workspace/content/${A}/service/${SERVICE}`, form)).statusCode).toBe(303);
    const other = await as("editorB");
    for (const path of ["", "/preview", "/versions"]) {
      const res = await other.get(`/en/workspace/content/${A}/service/${SERVICE}${path}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Secret draft title 7731");
    }
    // Nor through agency B's own address for A's item.
    const crossed = await other.get(`/en/workspace/content/${B}/service/${SERVICE}`);
    expect(crossed.statusCode).toBe(404);
    const list = await other.get("/en/workspace/content");
    expect(list.body).not.toContain("Secret draft title 7731");
  });
});
