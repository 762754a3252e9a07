import { expect } from "vitest";
import { loadDefinitionFiles } from "../../src/eservices/content.js";
import type { Definition } from "../../src/forms/engine/definition.js";
import type { Client } from "./client.js";
import { type Choices, pageFields } from "./fill.js";

export type { Choices } from "./fill.js";

const demoDefinitions = new Map<string, Definition>(loadDefinitionFiles().map((d) => [d.slug, d]));

/** A demo e-service's definition, as the content files give it. */
export function demoDefinition(slug: string): Definition {
  const d = demoDefinitions.get(slug);
  if (!d) throw new Error(`no definition ${slug}`);
  return d;
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
