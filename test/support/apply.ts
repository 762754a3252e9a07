import { expect } from "vitest";
import type { Definition, SimpleQuestion } from "../../src/eservices/engine/definition.js";
import type { Client, UploadFile } from "./client.js";
import { samplePdf, samplePng } from "./files.js";

/** Answers a test gives instead of the filler's defaults, by question id. */
export type Choices = Record<string, string | string[]>;

function inFuture(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

/** A plausible answer to a question, as the fields a person would fill in. */
function fill(q: SimpleQuestion, name: string, choices: Choices, fields: Record<string, string | string[]>, files: UploadFile[]) {
  const chosen = choices[q.id];
  const set = (v: string | string[]) => {
    fields[name] = chosen ?? v;
  };
  switch (q.type) {
    case "text":
      return set("Details for the officer".slice(0, q.maxLength));
    case "name-ar":
      return set("أنيل كومار");
    case "name-en":
      return set("Anil Kumar");
    case "qid":
      return set("29035600102");
    case "phone":
      return set("5550 0102");
    case "email":
      return set("anil@example.com");
    case "number":
      return set(String(q.min ?? 1));
    case "money":
      return set("2500");
    case "date": {
      const d = q.past ? new Date(Date.UTC(1990, 4, 17)) : q.future ? inFuture(20) : new Date(Date.UTC(2025, 5, 15));
      fields[`${name}-day`] = String(d.getUTCDate());
      fields[`${name}-month`] = String(d.getUTCMonth() + 1);
      fields[`${name}-year`] = String(d.getUTCFullYear());
      return;
    }
    case "select":
    case "radios":
      return set(q.options[0]?.value ?? "");
    case "checkboxes":
      return set([q.options[0]?.value ?? ""]);
    case "yes-no":
      return set("yes");
    case "address":
      fields[`${name}-zone`] = "66";
      fields[`${name}-street`] = "820";
      fields[`${name}-building`] = "12";
      return;
    case "file": {
      const pdf = q.accept.includes("pdf");
      files.push({
        field: name,
        filename: pdf ? `${q.id}.pdf` : `${q.id}.png`,
        type: pdf ? "application/pdf" : "image/png",
        data: pdf ? samplePdf : samplePng,
      });
      return;
    }
    case "declaration":
      return set("yes");
  }
}

/** The fields of one page: every question whose inputs the page shows. */
export function pageFields(def: Definition, pageId: string, html: string, choices: Choices) {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page || !("questions" in page)) throw new Error(`no question page ${pageId}`);
  const fields: Record<string, string | string[]> = {};
  const files: UploadFile[] = [];
  const shown = (name: string) => new RegExp(`name="${name}(-day|-zone)?"`).test(html);
  for (const q of page.questions) {
    if (q.type === "group") {
      for (const g of q.questions) fill(g, `${q.id}-0-${g.id}`, choices, fields, files);
    } else if (shown(q.id)) fill(q, q.id, choices, fields, files);
  }
  return { fields, files };
}

/** The draft and page an application address names. */
export function pageOf(location: string): { draft: string; page: string } {
  const m = /\/eservices\/[a-z0-9-]+\/([0-9a-f-]{36})\/([a-z0-9-]+)/.exec(location);
  if (!m?.[1] || !m[2]) throw new Error(`not an application page: ${location}`);
  return { draft: m[1], page: m[2] };
}

/**
 * Starts an application and answers every page it shows until "check your
 * answers", as a person would; returns the draft's check page address.
 */
export async function answerAll(client: Client, def: Definition, choices: Choices = {}, prefix = "/en"): Promise<string> {
  await client.get(`${prefix}/eservices/${def.slug}`);
  let res = await client.post(`${prefix}/eservices/${def.slug}/start`, {});
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  let location = String(res.headers.location);
  for (let i = 0; i < 40 && !location.includes("/check"); i++) {
    const page = await client.get(location);
    expect(page.statusCode, `${location}: ${page.body.slice(0, 200)}`).toBe(200);
    const { page: pageId } = pageOf(location);
    const { fields, files } = pageFields(def, pageId, page.body, choices);
    res = files.length ? await client.postMultipart(location, fields, files) : await client.post(location, fields);
    const errors = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(res.body)?.[0].replace(/<[^>]+>/g, " ");
    expect(res.statusCode, `${def.slug} ${pageId}: ${errors ?? res.body.slice(0, 300)}`).toBe(303);
    location = String(res.headers.location);
  }
  expect(location).toContain("/check");
  return location;
}

/** Sends a completed application from its check page; returns the request's reference. */
export async function submit(client: Client, checkUrl: string): Promise<string> {
  const check = await client.get(checkUrl);
  expect(check.statusCode).toBe(200);
  const res = await client.post(checkUrl.replace(/\/check$/, "/submit"), { declaration: "yes" });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  const ref = /\/my\/requests\/(HK-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(String(res.headers.location))?.[1];
  if (!ref) throw new Error(`no reference in ${res.headers.location}`);
  return ref;
}
