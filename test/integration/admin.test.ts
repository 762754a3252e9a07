// Over 400 lines on purpose: every administration journey (the access matrix over every route, agencies, staff and roles, taxonomies, highlights, search settings) shares one demo portal and its fixtures, built once for the file.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail, grantRole, LastAdministratorError, revokeRole, rolesOf } from "../../src/accounts/repository.js";
import { createHighlight } from "../../src/admin/highlights.js";
import { adminRouteList } from "../../src/admin/routes.js";
import { auditLog } from "../../src/audit/tables.js";
import { createTerm, termRecords } from "../../src/catalogue/repository/terms.js";
import { categories } from "../../src/catalogue/tables.js";
import { contentVersions } from "../../src/platform/db/versions.js";
import { addBestBet, addSynonymGroup, listAgencyNames, listBestBetRows } from "../../src/search/settings.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";

let t: TestApp;
const db = () => t.db.database.db;

const people = ["anonymous", "citizen", "editor", "approver", "officer", "admin"] as const;
type Who = (typeof people)[number];
const emails: Record<Exclude<Who, "anonymous">, string> = {
  citizen: "citizen@demo.hukoomi.example",
  editor: "editor@demo.hukoomi.example",
  approver: "approver@demo.hukoomi.example",
  officer: "officer@demo.hukoomi.example",
  admin: "admin@demo.hukoomi.example",
};

async function as(who: Who): Promise<Client> {
  const client = new Client(t.app);
  if (who === "anonymous") {
    await client.get("/en/sign-in");
    return client;
  }
  await signInWith(client, emails[who]);
  await client.get("/en/my");
  return client;
}

/** Objects the matrix's addresses name; the ones its removals use are made for it alone. */
const fixtures = {
  staffId: "",
  category: "",
  highlightToRemove: 0,
  synonyms: 0,
  synonymsToRemove: 0,
  betToRemove: 0,
  names: 0,
  namesToRemove: 0,
};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
  fixtures.staffId = (await findUserByEmail(db(), emails.editor))?.id ?? "";
  fixtures.category = (await termRecords(db(), "category"))[0]?.slug ?? "";
  const fields = {
    kind: "link",
    serviceSlug: null,
    path: "/facts",
    titleAr: "أرقام",
    titleEn: "Figures",
    position: 50,
    active: false,
  };
  fixtures.highlightToRemove = (await createHighlight(db(), fields)).id;
  fixtures.synonyms = (await addSynonymGroup(db(), ["matrixone", "matrixtwo"])).id;
  fixtures.synonymsToRemove = (await addSynonymGroup(db(), ["matrixthree", "matrixfour"])).id;
  fixtures.betToRemove = (await addBestBet(db(), { query: "matrix", type: "service", slug: "apply-for-visitor-visa" })).id;
  const names = await listAgencyNames(db());
  fixtures.names = names.find((r) => r.agencySlug === "ministry-of-interior")?.id ?? 0;
  fixtures.namesToRemove = names.find((r) => r.agencySlug === "national-university")?.id ?? 0;
  for (const who of people) {
    await createTerm(db(), "category", `matrix-term-${who}`, {
      nameAr: "مصفوفة",
      nameEn: "Matrix",
      descriptionAr: "للاختبار",
      descriptionEn: "For the test",
      parentSlug: null,
      position: 900,
    });
  }
}, 180_000);
afterAll(() => t.close());

/** A real address for each listed route (a route with a parameter this does not know fails the test). */
function example(method: string, path: string, who: Who): string {
  const removing = path.endsWith("/delete");
  const url = path
    .replace("/agencies/:slug", "/agencies/ministry-of-interior")
    .replace("/staff/:id", `/staff/${fixtures.staffId}`)
    .replace(":kind", "categories")
    .replace(
      "/categories/:slug",
      // Each person's removal attempt names an unused term of their own.
      removing ? `/categories/matrix-term-${who}` : `/categories/${fixtures.category}`,
    )
    .replace("/highlights/:id", `/highlights/${fixtures.highlightToRemove}`)
    .replace("/synonyms/:id", `/synonyms/${removing ? fixtures.synonymsToRemove : fixtures.synonyms}`)
    .replace("/best-bets/:id", `/best-bets/${fixtures.betToRemove}`)
    .replace("/agency-names/:id", `/agency-names/${removing ? fixtures.namesToRemove : fixtures.names}`);
  expect(url, `${method} ${path} has an example`).not.toContain(":");
  return `/en${url}`;
}

describe("access-control matrix over every administration route", () => {
  it("lists a healthy number of routes, each registered in both languages", () => {
    expect(adminRouteList.length).toBeGreaterThanOrEqual(20);
    for (const r of adminRouteList) {
      for (const prefix of ["", "/en"]) {
        expect(t.app.hasRoute({ method: r.method, url: `${prefix}${r.path}` }), `${r.method} ${prefix}${r.path}`).toBe(true);
      }
    }
  });

  for (const who of people) {
    it(`${who}`, async () => {
      const client = await as(who);
      for (const route of adminRouteList) {
        const url = example(route.method, route.path, who);
        const res = route.method === "GET" ? await client.get(url) : await client.post(url, {});
        const label = `${who} ${route.method} ${url}`;
        if (route.method === "GET" && who !== "admin") {
          // HEAD, which Fastify adds for every GET, is guarded the same way.
          const head = await t.app.inject({ method: "HEAD", url, headers: { cookie: client.cookieHeader } });
          expect(head.statusCode, `HEAD ${label}`).toBe(who === "anonymous" ? 303 : 403);
        }
        if (who === "anonymous") {
          expect(res.statusCode, label).toBe(303);
          expect(String(res.headers.location), label).toContain("/en/sign-in");
        } else if (who !== "admin") {
          expect(res.statusCode, label).toBe(403);
          expect(res.body, label).toContain("You do not have permission to do this.");
        } else if (route.method === "GET") {
          expect(res.statusCode, label).toBe(200);
          expect(res.body, label).toContain('name="robots"');
        } else {
          // An empty form: refused with a message, or (for removals) done; never forbidden, never missing.
          expect([303, 400, 409], label).toContain(res.statusCode);
          if (res.statusCode === 303) expect(String(res.headers.location), label).toContain("/en/admin");
          else expect(res.body, label).toContain("There is a problem");
        }
      }
    }, 120_000);
  }

  it("refuses an administrator’s form without the anti-forgery token", async () => {
    const admin = await as("admin");
    const res = await admin.post("/en/admin/search/synonyms", { _csrf: "", terms: "alpha\nbeta" });
    expect(res.statusCode).toBe(403);
  });

  it("serves the Arabic pages too", async () => {
    const admin = await as("admin");
    const res = await admin.get("/admin");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("الإدارة");
    const forbidden = await (await as("editor")).get("/admin/agencies");
    expect(forbidden.statusCode).toBe(403);
  });
});

const entriesFor = (action: string, objectId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)))
    .orderBy(asc(auditLog.id));
const version = async (name: string) =>
  (await db().select().from(contentVersions).where(eq(contentVersions.name, name)))[0]?.version ?? 0;

const agency = {
  type: "authority",
  parent: "",
  nameAr: "هيئة الحدائق العامة",
  nameEn: "Public Gardens Authority",
  shortNameAr: "الحدائق",
  shortNameEn: "Gardens",
  descriptionAr: "تعتني بالحدائق العامة والمساحات الخضراء.",
  descriptionEn: "Looks after public gardens and green spaces.",
  website: "https://gardens.example.qa",
  phone: "+974 4400 1234",
  email: "info@gardens.example.qa",
  addressAr: "الدوحة، شارع الكورنيش",
  addressEn: "Corniche Street, Doha",
  openingHoursAr: "الأحد إلى الخميس، 7 صباحاً إلى 2 ظهراً",
  openingHoursEn: "Sunday to Thursday, 7am to 2pm",
  latitude: "25.2950",
  longitude: "51.5300",
};

describe("agencies", () => {
  it("refuses bad input with messages, then adds and changes an agency, bumping the catalogue and auditing", async () => {
    const admin = await as("admin");
    await admin.get("/en/admin/agencies/new");
    const bad = await admin.post("/en/admin/agencies/new", { ...agency, slug: "Bad Slug", email: "nope", website: "ftp://x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter an address name of 2 to 80 lower-case Latin letters");
    expect(bad.body).toContain("Enter an email address, like info@agency.gov.qa");
    expect(bad.body).toContain("Enter the website as a full address starting with https://");
    const arabic = await admin.post("/admin/agencies/new", { ...agency, slug: "gardens", nameAr: "" });
    expect(arabic.statusCode).toBe(400);
    expect(arabic.body).toContain("أدخل الاسم بالعربية");

    const before = await version("catalogue");
    const made = await admin.post("/en/admin/agencies/new", { ...agency, slug: "public-gardens" });
    expect(made.statusCode).toBe(303);
    expect(await version("catalogue")).toBeGreaterThan(before);
    const taken = await admin.post("/en/admin/agencies/new", { ...agency, slug: "public-gardens" });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("Another agency already uses this address name");

    const changed = await admin.post("/en/admin/agencies/public-gardens", {
      ...agency,
      nameEn: "Public Parks Authority",
      parent: "ministry-of-interior",
    });
    expect(changed.statusCode).toBe(303);
    const page = await admin.get("/en/agencies/public-gardens");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Public Parks Authority");
    const selfParent = await admin.post("/en/admin/agencies/public-gardens", { ...agency, parent: "public-gardens" });
    expect(selfParent.statusCode).toBe(400);

    const [created] = await entriesFor("agency.created", "public-gardens");
    expect(created?.before).toBeNull();
    expect(created?.after).toMatchObject({ nameEn: "Public Gardens Authority", email: "info@gardens.example.qa" });
    const [edit] = await entriesFor("agency.changed", "public-gardens");
    expect(edit?.before).toMatchObject({ nameEn: "Public Gardens Authority", parentId: null });
    expect(edit?.after).toMatchObject({ nameEn: "Public Parks Authority" });
    expect(edit?.after?.parentId).not.toBeNull();
  });

  it("answers an unknown agency with not found", async () => {
    const admin = await as("admin");
    expect((await admin.get("/en/admin/agencies/no-such-agency")).statusCode).toBe(404);
  });
});

describe("staff and roles", () => {
  it("finds a person by email, and says so when nobody uses it", async () => {
    const admin = await as("admin");
    const found = await admin.get(`/en/admin/staff?email=${encodeURIComponent("Citizen@demo.hukoomi.example")}`);
    expect(found.statusCode).toBe(303);
    const citizen = await findUserByEmail(db(), emails.citizen);
    expect(found.headers.location).toBe(`/en/admin/staff/${citizen?.id}`);
    const missing = await admin.get("/en/admin/staff?email=nobody%40example.com");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("No account uses this email address");
    const bad = await admin.get("/en/admin/staff?email=not-an-email");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter an email address");
    const list = await admin.get("/en/admin/staff");
    expect(list.body).toContain("editor@demo.hukoomi.example");
    expect(list.body).not.toContain("citizen@demo.hukoomi.example");
  });

  it("grants and revokes a role per agency, opening and closing the workspace, with audit entries", async () => {
    const admin = await as("admin");
    const citizen = await findUserByEmail(db(), emails.citizen);
    const base = `/en/admin/staff/${citizen?.id}`;
    await admin.get(base);
    const noAgency = await admin.post(`${base}/grant`, { role: "officer", agency: "" });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.body).toContain("Choose the agency the role is for");
    const badRole = await admin.post(`${base}/grant`, { role: "emperor", agency: "ministry-of-labour" });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.body).toContain("Choose a role");
    const unknown = await admin.post(`${base}/grant`, { role: "officer", agency: "no-such-agency" });
    expect(unknown.statusCode).toBe(400);

    const citizenClient = await as("citizen");
    expect((await citizenClient.get("/en/workspace/cases")).statusCode).toBe(403);
    const granted = await admin.post(`${base}/grant`, { role: "officer", agency: "ministry-of-labour" });
    expect(granted.statusCode).toBe(303);
    expect(await rolesOf(db(), citizen?.id ?? "")).toEqual([{ role: "officer", agency: "ministry-of-labour" }]);
    expect((await citizenClient.get("/en/workspace/cases")).statusCode).toBe(200);
    const again = await admin.post(`${base}/grant`, { role: "officer", agency: "ministry-of-labour" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("This person already holds this role");

    const revoked = await admin.post(`${base}/revoke`, { role: "officer", agency: "ministry-of-labour" });
    expect(revoked.statusCode).toBe(303);
    expect(await rolesOf(db(), citizen?.id ?? "")).toEqual([]);
    expect((await citizenClient.get("/en/workspace/cases")).statusCode).toBe(403);
    const notHeld = await admin.post(`${base}/revoke`, { role: "officer", agency: "ministry-of-labour" });
    expect(notHeld.statusCode).toBe(409);

    const entries = await entriesFor("staff-role.granted", citizen?.id ?? "");
    expect(entries[0]?.before).toEqual({ roles: [] });
    expect(entries[0]?.after).toEqual({ roles: ["officer:ministry-of-labour"] });
    const [gone] = await entriesFor("staff-role.revoked", citizen?.id ?? "");
    expect(gone?.before).toEqual({ roles: ["officer:ministry-of-labour"] });
    expect(gone?.after).toEqual({ roles: [] });
  });

  it("does not let an administrator remove their own last administrator role", async () => {
    const admin = await as("admin");
    const me = await findUserByEmail(db(), emails.admin);
    await admin.get(`/en/admin/staff/${me?.id}`);
    const res = await admin.post(`/en/admin/staff/${me?.id}/revoke`, { role: "admin", agency: "" });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("You cannot take away your own administrator role");
    expect(await rolesOf(db(), me?.id ?? "")).toEqual([{ role: "admin", agency: undefined }]);
    expect((await admin.get("/en/admin")).statusCode).toBe(200);
    expect(await entriesFor("staff-role.revoked", me?.id ?? "")).toHaveLength(0);
  });

  it("lets an administrator take another administrator’s role away", async () => {
    const admin = await as("admin");
    const approver = await findUserByEmail(db(), emails.approver);
    const base = `/en/admin/staff/${approver?.id}`;
    await admin.get(base);
    expect((await admin.post(`${base}/grant`, { role: "admin", agency: "ministry-of-labour" })).statusCode).toBe(303);
    expect(await rolesOf(db(), approver?.id ?? "")).toContainEqual({ role: "admin", agency: undefined });
    expect((await admin.post(`${base}/revoke`, { role: "admin", agency: "" })).statusCode).toBe(303);
    expect(await rolesOf(db(), approver?.id ?? "")).toEqual([{ role: "approver", agency: "ministry-of-interior" }]);
  });

  it("never lets two administrators removing each other at once leave the portal with none", async () => {
    const admin = await findUserByEmail(db(), emails.admin);
    const other = await findUserByEmail(db(), emails.officer);
    await grantRole(db(), other?.id ?? "", { role: "admin" });
    const removals = await Promise.allSettled([
      db().transaction((tx) => revokeRole(tx, admin?.id ?? "", { role: "admin" })),
      db().transaction((tx) => revokeRole(tx, other?.id ?? "", { role: "admin" })),
    ]);
    expect(removals.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = removals.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(LastAdministratorError);
    const left = (await rolesOf(db(), admin?.id ?? "")).concat(await rolesOf(db(), other?.id ?? ""));
    expect(left.filter((r) => r.role === "admin")).toHaveLength(1);
    // Back as it was for the tests that follow.
    if (!(await rolesOf(db(), admin?.id ?? "")).some((r) => r.role === "admin"))
      await grantRole(db(), admin?.id ?? "", { role: "admin" });
    await db()
      .transaction((tx) => revokeRole(tx, other?.id ?? "", { role: "admin" }))
      .catch(() => undefined);
  });
});

describe("taxonomies", () => {
  it("adds and changes a category, refuses bad input, and removes it only when unused", async () => {
    const admin = await as("admin");
    await admin.get("/en/admin/taxonomies/categories");
    const bad = await admin.post("/en/admin/taxonomies/categories", {
      slug: "x",
      nameAr: "",
      nameEn: "Sport",
      position: "first",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the name in Arabic");
    expect(bad.body).toContain("Enter the order as a whole number from 0 to 9999");
    const before = await version("catalogue");
    const term = {
      nameAr: "الرياضة",
      nameEn: "Sport",
      descriptionAr: "الأندية والملاعب.",
      descriptionEn: "Clubs and pitches.",
      parent: "",
    };
    const made = await admin.post("/en/admin/taxonomies/categories", { ...term, slug: "sport", position: "٧" });
    expect(made.statusCode).toBe(303);
    expect(await version("catalogue")).toBeGreaterThan(before);
    const taken = await admin.post("/en/admin/taxonomies/categories", { ...term, slug: "sport", position: "7" });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("This address name is already used");
    const [row] = await db().select().from(categories).where(eq(categories.slug, "sport"));
    expect(row?.position).toBe(7);

    const loop = await admin.post("/en/admin/taxonomies/categories/sport", { ...term, parent: "sport", position: "7" });
    expect(loop.statusCode).toBe(400);
    const edited = await admin.post("/en/admin/taxonomies/categories/sport", {
      ...term,
      nameEn: "Sport and leisure",
      position: "2",
    });
    expect(edited.statusCode).toBe(303);
    expect((await admin.get("/en/topics/sport")).body).toContain("Sport and leisure");
    const [change] = await entriesFor("term.changed", "sport");
    expect(change?.before).toMatchObject({ nameEn: "Sport", position: 7 });
    expect(change?.after).toMatchObject({ nameEn: "Sport and leisure", position: 2 });

    const used = fixtures.category;
    const refused = await admin.post(`/en/admin/taxonomies/categories/${used}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("It cannot be removed while it is still used");
    expect(refused.body).toContain("the service “");
    expect(await db().select().from(categories).where(eq(categories.slug, used))).toHaveLength(1);

    const removed = await admin.post("/en/admin/taxonomies/categories/sport/delete", {});
    expect(removed.statusCode).toBe(303);
    expect(await db().select().from(categories).where(eq(categories.slug, "sport"))).toHaveLength(0);
    const [gone] = await entriesFor("term.removed", "sport");
    expect(gone?.before).toMatchObject({ nameEn: "Sport and leisure" });
    expect(gone?.after).toBeNull();
  });

  it("names the profiles that still use a persona", async () => {
    const admin = await as("admin");
    const citizen = await findUserByEmail(db(), emails.citizen);
    await admin.get("/en/admin/taxonomies/personas");
    const persona = citizen?.persona ?? "";
    expect(persona).not.toBe("");
    const res = await admin.post(`/en/admin/taxonomies/personas/${persona}/delete`, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toMatch(/the profiles? of \d+ (person|people)/);
  });

  it("answers an unknown kind or term with not found", async () => {
    const admin = await as("admin");
    expect((await admin.get("/en/admin/taxonomies/colours")).statusCode).toBe(404);
    expect((await admin.get("/en/admin/taxonomies/life-events/no-such-event")).statusCode).toBe(404);
  });
});

describe("home page highlights", () => {
  it("shows the most used services until a highlight is active, then the highlights", async () => {
    const admin = await as("admin");
    const home = await admin.get("/en");
    expect(home.body).toContain("Most-used services");
    await admin.get("/en/admin/highlights");
    const bad = await admin.post("/en/admin/highlights", {
      kind: "link",
      path: "https://evil.example",
      titleAr: "",
      titleEn: "X",
      position: "1",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the page’s address on this portal, starting with /");
    expect(bad.body).toContain("Enter the title in Arabic");
    const noService = await admin.post("/en/admin/highlights", {
      kind: "service",
      service: "no-such-service",
      titleAr: "خدمة",
      titleEn: "Service",
      position: "1",
      active: "1",
    });
    expect(noService.statusCode).toBe(400);
    expect(noService.body).toContain("There is no published service with this address name");

    const made = await admin.post("/en/admin/highlights", {
      kind: "service",
      service: "apply-for-visitor-visa",
      titleAr: "تأشيرة زيارة",
      titleEn: "Visit visa in minutes",
      position: "1",
      active: "1",
    });
    expect(made.statusCode).toBe(303);
    const link = await admin.post("/en/admin/highlights", {
      kind: "link",
      path: "/facts",
      titleAr: "حقائق وأرقام",
      titleEn: "Facts in figures",
      position: "2",
      active: "1",
    });
    expect(link.statusCode).toBe(303);
    const after = await new Client(t.app).get("/en");
    expect(after.body).toContain("Popular on Hukoomi");
    expect(after.body).toMatch(/href="\/en\/services\/apply-for-visitor-visa">\s*Visit visa in minutes/);
    expect(after.body).toMatch(/href="\/en\/facts">\s*Facts in figures/);
    expect(after.body.indexOf("Visit visa in minutes")).toBeLessThan(after.body.indexOf("Facts in figures"));
    const arabic = await new Client(t.app).get("/");
    expect(arabic.body).toContain("تأشيرة زيارة");
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "home-highlight.created"));
    expect(entry?.after).toMatchObject({ kind: "service", serviceSlug: "apply-for-visitor-visa", active: true });
  });
});

describe("search settings", () => {
  it("adds, changes and removes synonyms through the settings, and the index follows", async () => {
    const admin = await as("admin");
    await admin.get("/en/admin/search");
    const bad = await admin.post("/en/admin/search/synonyms", { terms: "lonely" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter between 2 and 20 different words or expressions");
    const before = await version("search-settings");
    expect(t.app.searchIndex.engine.search("quibbleword").total).toBe(0);
    const made = await admin.post("/en/admin/search/synonyms", { terms: "quibbleword\nتأشيرة" });
    expect(made.statusCode).toBe(303);
    expect(await version("search-settings")).toBeGreaterThan(before);
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(true);
    expect(t.app.searchIndex.engine.search("quibbleword").hits[0]?.doc.slug).toBe("apply-for-visitor-visa");
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "search-synonyms.created"));
    expect(entry?.after).toEqual({ terms: ["quibbleword", "تأشيرة"] });

    const id = entry?.objectId ?? "";
    const changed = await admin.post(`/en/admin/search/synonyms/${id}`, { terms: "quibbleword, wobblequest" });
    expect(changed.statusCode).toBe(303);
    await t.app.searchIndex.refreshIfChanged();
    expect(t.app.searchIndex.engine.search("quibbleword").total).toBe(0);
    expect((await admin.post(`/en/admin/search/synonyms/${id}/delete`, {})).statusCode).toBe(303);
    expect((await admin.get(`/en/admin/search/synonyms/${id}`)).statusCode).toBe(404);
  });

  it("keeps the other names people call agencies by, and search finds the agency by them first", async () => {
    const admin = await as("admin");
    await admin.get("/en/admin/search");
    const page = await admin.get("/en/admin/search");
    expect(page.body).toContain("Agency names");
    const taken = await admin.post("/en/admin/search/agency-names", { agency: "ministry-of-interior", names: "home office" });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("This agency already has other names");
    const empty = await admin.post("/en/admin/search/agency-names", { agency: "", names: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Choose the agency");

    const row = (await listAgencyNames(db())).find((r) => r.agencySlug === "ministry-of-culture");
    const changed = await admin.post(`/en/admin/search/agency-names/${row?.id}`, { names: "zanzibar quill\nوزارة الفنون" });
    expect(changed.statusCode).toBe(303);
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(true);
    for (const q of ["zanzibar quill", "وزارة الفنون", "الفنون"]) {
      expect(t.app.searchIndex.engine.search(q).hits[0]?.doc.id, q).toBe("agency:ministry-of-culture");
    }
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "search-agency-names.changed"));
    expect(entry?.after).toEqual({ agency: "ministry-of-culture", names: ["zanzibar quill", "وزارة الفنون"] });

    expect((await admin.post(`/en/admin/search/agency-names/${row?.id}/delete`, {})).statusCode).toBe(303);
    expect((await admin.get(`/en/admin/search/agency-names/${row?.id}`)).statusCode).toBe(404);
    await t.app.searchIndex.refreshIfChanged();
    expect(t.app.searchIndex.engine.search("zanzibar quill").hits[0]?.doc.id).not.toBe("agency:ministry-of-culture");
    const made = await admin.post("/en/admin/search/agency-names", { agency: "ministry-of-culture", names: "zanzibar quill" });
    expect(made.statusCode).toBe(303);
    const [created] = await db().select().from(auditLog).where(eq(auditLog.action, "search-agency-names.created"));
    expect(created?.after).toEqual({ agency: "ministry-of-culture", names: ["zanzibar quill"] });
  });

  it("adds a best bet only for a result that exists", async () => {
    const admin = await as("admin");
    await admin.get("/en/admin/search");
    const missing = await admin.post("/en/admin/search/best-bets", { query: "gardens", type: "agency", slug: "no-such-agency" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("There is no result of this kind with this address name");
    const badType = await admin.post("/en/admin/search/best-bets", { query: "gardens", type: "planet", slug: "x" });
    expect(badType.statusCode).toBe(400);
    expect(badType.body).toContain("Choose the kind of result");
    const ok = await admin.post("/en/admin/search/best-bets", {
      query: "zebra crossing",
      type: "agency",
      slug: "ministry-of-interior",
    });
    expect(ok.statusCode).toBe(303);
    expect((await listBestBetRows(db())).some((b) => b.query === "zebra crossing" && b.slug === "ministry-of-interior")).toBe(
      true,
    );
    await t.app.searchIndex.refreshIfChanged();
    const hit = t.app.searchIndex.engine.search("zebra crossing").hits[0];
    expect(hit?.bestBet).toBe(true);
    expect(hit?.doc.slug).toBe("ministry-of-interior");
  });

  it("pins any kind of result search finds (a dataset, a workers' page in Hindi), and nothing it does not", async () => {
    const admin = await as("admin");
    const form = await admin.get("/admin/search");
    // The kinds are named in the administrator's language, from the same words as the search page's filters.
    expect(form.body).toContain("بيانات مفتوحة");
    for (const [query, type, slug] of [
      ["car numbers", "dataset", "licensed-vehicles-by-year"],
      ["my rights", "worker", "hi/rights"],
    ] as const) {
      const ok = await admin.post("/en/admin/search/best-bets", { query, type, slug });
      expect(ok.statusCode).toBe(303);
    }
    const missing = await admin.post("/en/admin/search/best-bets", { query: "x", type: "dataset", slug: "no-such-dataset" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("There is no result of this kind with this address name");
    const wrongKind = await admin.post("/en/admin/search/best-bets", {
      query: "x",
      type: "poll",
      slug: "licensed-vehicles-by-year",
    });
    expect(wrongKind.statusCode).toBe(400);
    await t.app.searchIndex.refreshIfChanged();
    const dataset = t.app.searchIndex.engine.search("car numbers").hits[0];
    expect(dataset).toMatchObject({ bestBet: true, doc: { type: "dataset", slug: "licensed-vehicles-by-year" } });
    const worker = t.app.searchIndex.engine.search("my rights").hits[0];
    expect(worker).toMatchObject({ bestBet: true, doc: { type: "worker", slug: "hi/rights" } });
  });
});

describe("My Hukoomi", () => {
  it("links administrators, and only them, to Administration", async () => {
    expect((await (await as("admin")).get("/en/my")).body).toContain('href="/en/admin"');
    expect((await (await as("editor")).get("/en/my")).body).not.toContain('href="/en/admin"');
  });
});
