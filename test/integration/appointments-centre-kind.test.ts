import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { centreBySlug, centresOffering, closuresFrom } from "../../src/appointments/service.js";
import { addDays, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";
import { formOf, revisionOf } from "./workspace-support.js";

/** A service centre edited in the agency workspace: read and checked, reviewed, published to appointments, unpublished. */
let t: TestApp;
const db = () => t.db.database.db;
const A = "ministry-of-interior";
const NEW = `/en/workspace/content/${A}/centre/new`;
const base = (slug: string) => `/en/workspace/content/${A}/centre/${slug}`;

async function as(who: "editor" | "approver"): Promise<Client> {
  return signInWith(new Client(t.app), `${who}@demo.hukoomi.example`);
}

const good = {
  slug: "interior-services-al-khor",
  "name-ar": "مركز خدمات وزارة الداخلية – الخور",
  "name-en": "Ministry of Interior Service Centre – Al Khor",
  "address-ar": "شارع الخور الرئيسي، الخور",
  "address-en": "Al Khor Main Street, Al Khor",
  area: "al-khor",
  mapUrl: "https://www.openstreetmap.org/?mlat=25.68&mlon=51.50",
  hoursSun: "07:00-13:00, 16:00-20:00",
  hoursMon: "07:00-13:00",
  hoursTue: "07:00-13:00",
  hoursWed: "07:00-13:00",
  hoursThu: "٠٧:٠٠-١٢:٠٠",
  hoursFri: "",
  hoursSat: "",
  bookAheadDays: "30",
  changeCutoffHours: "3",
  centreServices: "issue-id-card 10 2\nrequest-police-clearance-certificate 15 1 2",
  "closures-ar": "2027-03-10 عطلة عيد الفطر",
  "closures-en": "2027-03-10 Eid al-Fitr holiday",
};

async function publish(editor: Client, approver: Client, slug: string) {
  await editor.get(base(slug));
  const submitted = await editor.post(`${base(slug)}/submit`, { revision: revisionOf(editor.lastBody) });
  expect(submitted.statusCode, submitted.body.slice(0, 0)).toBe(303);
  await approver.get(base(slug));
  const published = await approver.post(`${base(slug)}/publish`, { revision: revisionOf(approver.lastBody) });
  expect(published.statusCode).toBe(303);
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 300_000);
afterAll(() => t.close());

describe("a service centre in the workspace", { timeout: 120_000 }, () => {
  it("refuses lines it cannot read, naming the day, the line or the service", async () => {
    const editor = await as("editor");
    expect((await editor.get(NEW)).statusCode).toBe(200);
    const hours = await editor.post(NEW, { ...good, hoursTue: "07:00-13:00, 12:00-15:00" });
    expect(hours.statusCode).toBe(400);
    expect(hours.body).toContain("Opening hours on Tuesday: write each period as 07:00-13:00");
    const line = await editor.post(NEW, {
      ...good,
      centreServices: "issue-id-card 10 2\nrequest-police-clearance-certificate ten",
    });
    expect(line.statusCode).toBe(400);
    expect(line.body).toContain("Services offered, line 2:");
    const unknown = await editor.post(NEW, { ...good, centreServices: "medical-commission-registration 15 2" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("medical-commission-registration is not one of your agency’s services");
    const closure = await editor.post(NEW, { ...good, "closures-en": "10 March 2027 Eid" });
    expect(closure.statusCode).toBe(400);
    expect(closure.body).toContain("Holidays and closures (English), line 1");
    // Nothing typed is lost: the refused form comes back as it was sent.
    expect(closure.body).toContain(`>${good.centreServices}</textarea>`);
    const ar = await editor.post(`/workspace/content/${A}/centre/new`, { ...good, hoursWed: "8-12" });
    expect(ar.statusCode).toBe(400);
    expect(ar.body).toContain("ساعات العمل يوم الأربعاء: اكتب كل فترة");
  });

  it("publishes a new centre to appointments, where it is offered for booking, and unpublishes it", async () => {
    const editor = await as("editor");
    const approver = await as("approver");
    await editor.get(NEW);
    const made = await editor.post(NEW, good);
    expect(made.statusCode).toBe(303);
    const preview = await editor.get(`${base(good.slug)}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Al Khor Main Street");
    await publish(editor, approver, good.slug);
    const centre = await centreBySlug(db(), good.slug);
    expect(centre).toMatchObject({ agency: A, area: "al-khor", bookAheadDays: 30, changeCutoffHours: 3, published: true });
    expect(centre?.hours).toMatchObject({ "0": ["07:00-13:00", "16:00-20:00"], "4": ["07:00-12:00"], "5": [] });
    expect(centre?.services).toEqual([
      { serviceSlug: "issue-id-card", minutes: 10, counters: 2, perPerson: 1 },
      { serviceSlug: "request-police-clearance-certificate", minutes: 15, counters: 1, perPerson: 2 },
    ]);
    expect((await centresOffering(db(), "issue-id-card")).map((c) => c.slug)).toContain(good.slug);
    expect(await closuresFrom(db(), centre?.id as string, "2027-01-01")).toEqual([
      { day: "2027-03-10", reason: { ar: "عطلة عيد الفطر", en: "Eid al-Fitr holiday" } },
    ]);
    // A holiday taken off the list opens the day again.
    await editor.get(base(good.slug));
    await editor.post(base(good.slug), { ...formOf(editor.lastBody), "closures-ar": "", "closures-en": "" });
    await publish(editor, approver, good.slug);
    expect(await closuresFrom(db(), centre?.id as string, "2027-01-01")).toEqual([]);
    await approver.get(base(good.slug));
    const gone = await approver.post(`${base(good.slug)}/unpublish`, {
      revision: revisionOf(approver.lastBody),
      reason: "Moved",
    });
    expect(gone.statusCode).toBe(303);
    expect((await centresOffering(db(), "issue-id-card")).map((c) => c.slug)).not.toContain(good.slug);
  });

  it("edits a demo centre from what appointments hold, and sends a closure of a booked day to the desk", async () => {
    const editor = await as("editor");
    const slug = "interior-services-al-rayyan";
    const page = await editor.get(base(slug));
    expect(page.statusCode).toBe(200);
    const form = formOf(page.body);
    expect(form.hoursSun).toBe("07:00-14:00, 16:00-21:00");
    expect(form.centreServices).toContain("issue-id-card 10 4");
    // The demo's demand has visits booked on the next open days.
    let day = addDays(dohaToday(), 1);
    while (new Date(`${day}T12:00:00Z`).getUTCDay() === 5 || day === "2026-12-18") day = addDays(day, 1);
    const saved = await editor.post(base(slug), {
      ...form,
      "closures-ar": `${form["closures-ar"]}\n${day} صيانة`,
      "closures-en": `${form["closures-en"]}\n${day} Maintenance`,
    });
    expect(saved.statusCode).toBe(303);
    await editor.get(base(slug));
    const submitted = await editor.post(`${base(slug)}/submit`, { revision: revisionOf(editor.lastBody) });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.body).toMatch(/visits? (is|are) booked on/);
    expect(submitted.body).toContain("Close that day from the appointments desk");
    // Another agency's centre is not this agency's to edit.
    expect((await editor.get(`/en/workspace/content/${A}/centre/medical-commission-al-wakrah`)).statusCode).toBe(404);
  });
});
