import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { hasRole } from "../../src/accounts/model.js";
import { oidcClients } from "../../src/idp/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(t.db.database.db);
});
afterAll(() => t.close());

type Who = "anonymous" | "citizen" | "officer" | "editor" | "admin";
const people: Record<Exclude<Who, "anonymous">, string> = {
  citizen: "citizen@demo.hukoomi.example",
  officer: "officer@demo.hukoomi.example",
  editor: "editor@demo.hukoomi.example",
  admin: "admin@demo.hukoomi.example",
};

async function as(who: Who): Promise<Client> {
  const client = new Client(t.app);
  if (who === "anonymous") return client;
  return signInWith(client, people[who]);
}

/** Every protected route, and what each kind of person gets: 200, a redirect to sign in (303) or 403. */
const matrix: [string, Record<Who, number>][] = [
  ["/en/my", { anonymous: 303, citizen: 200, officer: 200, editor: 200, admin: 200 }],
  ["/en/my/profile", { anonymous: 303, citizen: 200, officer: 200, editor: 200, admin: 200 }],
  ["/en/my/security", { anonymous: 303, citizen: 200, officer: 200, editor: 200, admin: 200 }],
  ["/en/admin/idp-clients", { anonymous: 303, citizen: 403, officer: 403, editor: 403, admin: 200 }],
  ["/en/my/requests", { anonymous: 303, citizen: 200, officer: 200, editor: 200, admin: 200 }],
  ["/en/my/appointments", { anonymous: 303, citizen: 200, officer: 200, editor: 200, admin: 200 }],
  ["/en/workspace/cases", { anonymous: 303, citizen: 403, officer: 200, editor: 403, admin: 200 }],
  ["/en/workspace/appointments", { anonymous: 303, citizen: 403, officer: 200, editor: 403, admin: 200 }],
  ["/en/workspace/appointments/check-in", { anonymous: 303, citizen: 403, officer: 200, editor: 403, admin: 200 }],
];

describe("access-control matrix", () => {
  for (const who of ["anonymous", "citizen", "officer", "editor", "admin"] as const) {
    it(`${who}`, async () => {
      const client = await as(who);
      for (const [route, expected] of matrix) {
        const res = await client.get(route);
        expect(res.statusCode, `${who} ${route}`).toBe(expected[who]);
        if (res.statusCode === 403) expect(res.body).toContain("You do not have permission to do this.");
      }
    });
  }

  it("refuses the administrators' forms to others, even with a valid token", async () => {
    const editor = await as("editor");
    await editor.get("/en/my");
    const res = await editor.post("/en/admin/idp-clients", {
      nameAr: "موقع",
      nameEn: "Site",
      agency: "ministry-of-interior",
      redirectUris: "https://x.example/cb",
    });
    expect(res.statusCode).toBe(403);
  });

  it("lets administrators register a client, showing its secret once, and refuses bad input", async () => {
    const admin = await as("admin");
    await admin.get("/en/admin/idp-clients");
    const bad = await admin.post("/en/admin/idp-clients", {
      nameAr: "",
      nameEn: "Site",
      agency: "ministry-of-interior",
      redirectUris: "http://evil.example/cb",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the name in Arabic");
    expect(bad.body).toContain("Enter between 1 and 10 return addresses");
    const ok = await admin.post("/en/admin/idp-clients", {
      nameAr: "بوابة العمل",
      nameEn: "Labour portal",
      agency: "ministry-of-labour",
      redirectUris: "https://labour.gov.example/callback",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.body).toMatch(/agency-[0-9a-f]{12}/);
    expect((await admin.get("/en/admin/idp-clients")).body).toContain("Labour portal");
    // Where to come back after signing out, and where to be told of a sign-out (back-channel logout): optional, checked.
    const badLogout = await admin.post("/en/admin/idp-clients", {
      nameAr: "بوابة النقل",
      nameEn: "Transport portal",
      agency: "ministry-of-labour",
      redirectUris: "https://transport.gov.example/callback",
      backchannelLogoutUri: "http://evil.example/logout",
    });
    expect(badLogout.statusCode).toBe(400);
    expect(badLogout.body).toContain("Enter an address starting with https://");
    const withLogout = await admin.post("/en/admin/idp-clients", {
      nameAr: "بوابة النقل",
      nameEn: "Transport portal",
      agency: "ministry-of-labour",
      redirectUris: "https://transport.gov.example/callback",
      postLogoutRedirectUris: "https://transport.gov.example/",
      backchannelLogoutUri: "https://transport.gov.example/backchannel-logout",
    });
    expect(withLogout.statusCode).toBe(201);
    const [client] = await t.db.database.db.select().from(oidcClients).where(eq(oidcClients.nameEn, "Transport portal"));
    expect(client).toMatchObject({
      postLogoutRedirectUris: ["https://transport.gov.example/"],
      backchannelLogoutUri: "https://transport.gov.example/backchannel-logout",
    });
  });

  it("scopes staff roles to their agencies", () => {
    const officer = {
      id: "x",
      name: { ar: "", en: "" },
      locale: "en" as const,
      sessionId: "s",
      stage: "full" as const,
      roles: [{ role: "officer" as const, agency: "ministry-of-interior" }],
    };
    expect(hasRole(officer, "officer", "ministry-of-interior")).toBe(true);
    expect(hasRole(officer, "officer", "ministry-of-labour")).toBe(false);
    expect(hasRole(officer, "editor", "ministry-of-interior")).toBe(false);
    expect(hasRole({ ...officer, stage: "second-step" }, "officer", "ministry-of-interior")).toBe(false);
    expect(hasRole({ ...officer, roles: [{ role: "admin" }] }, "approver", "ministry-of-labour")).toBe(true);
  });
});
