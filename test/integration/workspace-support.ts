import { hashPassword } from "../../src/accounts/crypto.js";
import { DEMO_PASSWORD } from "../../src/accounts/demo-people.js";
import type { RoleGrant } from "../../src/accounts/model.js";
import { createUser, grantRole } from "../../src/accounts/repository.js";
import type { Db } from "../../src/platform/db/client.js";

/** A confirmed staff member with the demo password and the given roles (another agency's staff, for the A/B checks). */
export async function makeStaff(db: Db, email: string, phone: string, roles: RoleGrant[]): Promise<void> {
  const now = new Date();
  const user = await createUser(db, {
    email,
    qid: null,
    passportNumber: null,
    passportCountry: null,
    nameAr: "موظف اختبار",
    nameEn: "Test Staff",
    nationality: "QA",
    residency: "citizen",
    persona: null,
    phone,
    phoneVerifiedAt: now,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    locale: "en",
  });
  for (const r of roles) await grantRole(db, user.id, r);
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The workspace's edit form on a page, as a browser would send it back:
 * every text, the checked boxes, the chosen options, and the revision the
 * page was based on (or the one given).
 */
export function formOf(html: string, revision?: number): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  const start = html.lastIndexOf("<input", html.indexOf('name="revision"'));
  const form = html.slice(start, html.indexOf("</form>", start));
  for (const m of form.matchAll(/<input[^>]*>/g)) {
    const tag = m[0];
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === "_csrf" || /type="file"/.test(tag)) continue;
    if (/type="checkbox"/.test(tag) && !/checked/.test(tag)) continue;
    add(name, decode(/value="([^"]*)"/.exec(tag)?.[1] ?? ""));
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) add(m[1] ?? "", decode(m[2] ?? ""));
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    add(m[1] ?? "", decode(/<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2] ?? "")?.[1] ?? ""));
  }
  if (revision !== undefined) out.revision = String(revision);
  return out;
}

/** The revision an item's page is based on. */
export function revisionOf(html: string): string {
  return /name="revision" value="(\d+)"/.exec(html)?.[1] ?? "";
}
