import type pg from "pg";
import { loadDefinitionFiles } from "../../src/eservices/content.js";
import { type Choices, pageFields } from "../../test/support/fill.js";

/** The e-service the benchmarks submit: short, no fee, no files. */
export const SLUG = "suggestion-or-complaint";

export interface Answer {
  status: number;
  body: string;
  location: string;
}

/** A cookie jar and form poster over fetch, as a browser would. */
export class Session {
  private cookies = new Map<string, string>();
  csrf = "";
  constructor(readonly baseUrl: string) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response, body: string) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
  }

  async get(path: string): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie }, redirect: "manual" });
    const body = await res.text();
    this.keep(res, body);
    return { status: res.status, body, location: res.headers.get("location") ?? "" };
  }

  async post(path: string, fields: Record<string, string | string[]>): Promise<Answer> {
    const form = new URLSearchParams({ _csrf: this.csrf });
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      body: form,
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    const body = await res.text();
    this.keep(res, body);
    return { status: res.status, body, location: res.headers.get("location") ?? "" };
  }
}

/** Signs in as the demo resident and answers the e-service to its check page; returns the draft's id. */
export async function completeDraft(session: Session): Promise<string> {
  const def = loadDefinitionFiles().find((d) => d.slug === SLUG);
  if (!def) throw new Error(`no ${SLUG}`);
  await session.get("/en/sign-in");
  const signedIn = await session.post("/en/sign-in", {
    identifier: "resident@demo.hukoomi.example",
    password: "Hukoomi-demo-2026",
  });
  if (signedIn.status !== 303) throw new Error(`sign-in failed: ${signedIn.status}`);
  await session.get(`/en/eservices/${SLUG}`);
  let res = await session.post(`/en/eservices/${SLUG}/start`, {});
  const choices: Choices = {};
  for (let i = 0; i < 20 && !res.location.endsWith("/check"); i++) {
    const page = await session.get(res.location);
    const pageId = res.location.split("/").pop() ?? "";
    // The e-service's only file question is optional: the bench sends no files.
    const { fields } = pageFields(def, pageId, page.body, choices);
    const path = res.location;
    res = await session.post(path, fields);
    if (res.status !== 303) throw new Error(`${pageId} refused (${res.status})`);
  }
  await session.get(res.location);
  const id = /\/eservices\/[a-z-]+\/([0-9a-f-]{36})\/check/.exec(res.location)?.[1];
  if (!id) throw new Error("no draft");
  return id;
}

/** Copies a complete draft `count` times in the database (the same person's); returns the new drafts' ids. */
export async function cloneDraft(db: pg.Client, template: string, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into eservice_drafts (id, user_id, eservice, version, answers, created_at, updated_at, expires_at)
     select gen_random_uuid(), user_id, eservice, version, answers, now(), now(), expires_at
     from eservice_drafts, generate_series(1, $2) where id = $1 returning id`,
    [template, count],
  );
  return rows.map((r) => r.id);
}
