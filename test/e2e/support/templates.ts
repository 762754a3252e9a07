import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../../src/accounts/demo-people.js";

/** Who a template is seen as: nobody, or one of the demo people (by email). */
export type Viewer = "public" | `${string}@demo.hukoomi.example`;

/** A page template and the address of one page made from it (Arabic; `/en` is put in front for English). */
export interface Template {
  name: string;
  path: string;
  viewer: Viewer;
}

/** The address in a language: Arabic at the root, English under /en. */
export function localized(locale: "ar" | "en", path: string): string {
  if (locale === "ar") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** Every public template, each through one example page (found in the demo content where its address is not fixed). */
const publicPaths: [string, string][] = [
  ["home", "/"],
  ["content page", "/about"],
  ["timeline page", "/about/history"],
  ["content page with a table", "/contact"],
  ["HTML sitemap", "/sitemap"],
  ["search, empty", "/search"],
  ["search, results", "/search?q=passport"],
  ["search, no results", "/search?q=zzzzqqq"],
  ["services", "/services"],
  ["agencies", "/agencies"],
  ["personas", "/for"],
  ["topics", "/topics"],
  ["news", "/news"],
  ["events", "/events"],
  ["initiatives", "/initiatives"],
  ["facts and figures", "/facts"],
  ["strategy dashboard", "/strategy"],
  ["open data", "/opendata"],
  ["participation", "/participate"],
  ["workers' portal", "/workers"],
  ["visitors' area", "/visit"],
  ["accessibility tools", "/accessibility-tools"],
  ["accessibility services", "/accessibility-services"],
  ["design system", "/design-system"],
  ["verify a document", "/verify"],
  ["sign in", "/sign-in"],
  ["register", "/register"],
  ["reset password", "/reset-password"],
  ["signed out", "/signed-out"],
  ["API documentation", "/api/docs"],
  ["404 page", "/no-such-page"],
  ["appointments: choose a centre", "/appointments/medical-commission-registration"],
  ["appointments: choose a centre, nearest first", "/appointments/medical-commission-registration?area=al-khor"],
  ["appointments: choose a day", "/appointments/medical-commission-registration/medical-commission-al-wakrah"],
];

/** A day's free times in the booking journey. */
const DAY_PAGE = /^\/appointments\/[a-z0-9-]+\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}$/;

/** Index pages whose first link of the given shape is the example of a detail template. */
const detailPaths: [string, string, RegExp][] = [
  ["service page", "/services", /^\/services\/[a-z0-9-]+$/],
  ["agency page", "/agencies", /^\/agencies\/[a-z0-9-]+$/],
  ["persona page", "/for", /^\/for\/[a-z0-9-]+$/],
  ["topic page", "/topics", /^\/topics\/[a-z0-9-]+$/],
  ["news article", "/news", /^\/news\/[a-z0-9-]+$/],
  ["event", "/events", /^\/events\/[a-z0-9-]+$/],
  ["initiative", "/initiatives", /^\/initiatives\/[a-z0-9-]+$/],
  ["dataset", "/opendata", /^\/opendata\/[a-z0-9-]+$/],
  ["poll", "/participate", /^\/participate\/polls\/[a-z0-9-]+$/],
  ["survey", "/participate", /^\/participate\/surveys\/[a-z0-9-]+$/],
  ["consultation", "/participate", /^\/participate\/consultations\/[a-z0-9-]+$/],
  ["visitors' topic", "/visit", /^\/visit\/[a-z0-9-]+$/],
  ["workers' language", "/workers", /^\/workers\/ur$/],
  ["workers' page", "/workers/ur", /^\/workers\/ur\/[a-z0-9-]+$/],
  ["appointments: choose a time", "/appointments/medical-commission-registration/medical-commission-al-wakrah", DAY_PAGE],
];

/**
 * Signed-in templates: fixed addresses per person, and details found from their index pages (an index
 * "@<name>" is the page of a detail template found before it).
 */
const signedIn: { viewer: Viewer; paths: [string, string][]; details: [string, string, RegExp][] }[] = [
  {
    viewer: "citizen@demo.hukoomi.example",
    paths: [
      ["My Hukoomi", "/my"],
      ["my requests", "/my/requests"],
      ["my appointments", "/my/appointments"],
      ["my documents", "/my/documents"],
      ["my payments", "/my/payments"],
      ["my notifications", "/my/notifications"],
      ["my profile", "/my/profile"],
      ["my security", "/my/security"],
      ["development outbox", "/dev/messages"],
    ],
    details: [
      ["a request", "/my/requests", /^\/my\/requests\/HK-[A-Z0-9-]+$/],
      ["a document", "/my/documents", /^\/my\/documents\/[A-Za-z0-9-]+$/],
      ["a payment", "/my/payments", /^\/my\/payments\/[0-9a-f-]{36}$/],
      ["appointments: choose a time, signed in", "/appointments/issue-id-card/interior-services-umm-salal", DAY_PAGE],
      // An appointment exists once the appointments' browser test has booked one; its steps are linked from its page.
      ["an appointment", "/my/appointments", /^\/my\/appointments\/[0-9a-f-]{36}$/],
      ["moving an appointment", "@an appointment", /^\/my\/appointments\/[0-9a-f-]{36}\/move$/],
      ["cancelling an appointment", "@an appointment", /^\/my\/appointments\/[0-9a-f-]{36}\/cancel$/],
    ],
  },
  {
    viewer: "officer@demo.hukoomi.example",
    paths: [
      ["officers' queue", "/workspace/cases"],
      ["appointments desk", "/workspace/appointments"],
      ["appointments check-in", "/workspace/appointments/check-in"],
      ["closing a centre for a day", "/workspace/appointments/interior-services-al-rayyan/close"],
    ],
    details: [
      ["a case", "/workspace/cases", /^\/workspace\/cases\/HK-[A-Z0-9-]+$/],
      ["a centre's day", "/workspace/appointments", /^\/workspace\/appointments\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}$/],
    ],
  },
  {
    viewer: "editor@demo.hukoomi.example",
    paths: [
      ["workspace", "/workspace"],
      ["workspace content", "/workspace/content"],
      ["workspace services", "/workspace/content/ministry-of-interior/service"],
      ["workspace new article", "/workspace/content/ministry-of-interior/news/new"],
      ["workspace service editor", "/workspace/content/ministry-of-interior/service/apply-for-visitor-visa"],
      ["workspace versions", "/workspace/content/ministry-of-interior/service/apply-for-visitor-visa/versions"],
      ["workspace centre editor", "/workspace/content/ministry-of-interior/centre/interior-services-al-rayyan"],
      ["workspace centre preview", "/workspace/content/ministry-of-interior/centre/interior-services-al-rayyan/preview"],
      ["workspace datasets", "/workspace/datasets"],
      ["workspace dataset form", "/workspace/datasets/residence-permits-by-month"],
      ["workspace participation", "/workspace/participation"],
      ["workspace feedback", "/workspace/feedback"],
      ["workspace freshness", "/workspace/freshness"],
    ],
    details: [],
  },
  {
    viewer: "admin@demo.hukoomi.example",
    paths: [
      ["administration", "/admin"],
      ["agencies (admin)", "/admin/agencies"],
      ["staff (admin)", "/admin/staff"],
      ["highlights (admin)", "/admin/highlights"],
      ["search settings (admin)", "/admin/search"],
      ["sign-in clients (admin)", "/admin/idp-clients"],
    ],
    details: [["an agency (admin)", "/admin/agencies", /^\/admin\/agencies\/[a-z0-9-]+$/]],
  },
];

/** The first local link on the page at `path` whose address matches `shape`. */
async function firstLink(page: Page, baseUrl: string, path: string, shape: RegExp): Promise<string | undefined> {
  await page.goto(`${baseUrl}${path}`);
  const hrefs = await page.$$eval("main a[href]", (links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split(/[?#]/)[0] ?? "").find((h) => shape.test(h));
}

/** Signs the page's context in as a demo person (from the Arabic sign-in page). */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  // Sign-ins are limited per address and minute (SIGN_IN_LIMIT); after other files signed in many times, wait it out.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill("#identifier", email);
    await page.fill("#password", DEMO_PASSWORD);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
      page.press("#password", "Enter"),
    ]);
    if (answer.status() !== 429 || attempt >= 3) break;
    await page.waitForTimeout((Number(answer.headers()["retry-after"]) || 30) * 1000 + 500);
  }
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

/**
 * Every template with the example page it is checked on, public and signed in.
 * `open(viewer)` gives a page signed in as that viewer (a fresh one for "public").
 */
export async function discoverTemplates(baseUrl: string, open: (viewer: Viewer) => Promise<Page>): Promise<Template[]> {
  const found: Template[] = publicPaths.map(([name, path]) => ({ name, path, viewer: "public" }));
  const anonymous = await open("public");
  for (const [name, index, shape] of detailPaths) {
    const path = await firstLink(anonymous, baseUrl, index, shape);
    if (!path) throw new Error(`no example of ${name} on ${index}`);
    found.push({ name, path, viewer: "public" });
  }
  for (const group of signedIn) {
    const page = await open(group.viewer);
    for (const [name, path] of group.paths) found.push({ name, path, viewer: group.viewer });
    for (const [name, index, shape] of group.details) {
      // Requests, documents, payments, appointments and cases exist only once someone has made them (the other browser tests do).
      const from = index.startsWith("@") ? found.find((f) => f.name === index.slice(1))?.path : index;
      if (!from) continue;
      const path = await firstLink(page, baseUrl, from, shape);
      if (path) found.push({ name, path, viewer: group.viewer });
    }
  }
  return found;
}
