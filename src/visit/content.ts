import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Marked } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { slugSchema } from "../platform/http/slug.js";
import { type Locale, locales } from "../platform/i18n/locales.js";
import { fromRoot } from "../platform/paths.js";

/**
 * "Visiting Qatar": an introduction (index) and a few topics for tourists,
 * students and business visitors, one Markdown file per topic and language
 * (content/visit/<topic>.<ar|en>.md). Each topic names the visitors it is for
 * (a persona of the catalogue) and, optionally, a category: its page lists
 * the catalogue's services for that persona and category.
 */
const frontMatterSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  /** Order among the topics. */
  order: z.number().int().default(100),
  /** The catalogue persona whose services the page lists (it and its sub-personas). */
  persona: z.enum(["visitor", "visitor-tourist", "visitor-student", "visitor-business"]),
  /** Only the persona's services in this catalogue category. */
  category: slugSchema().optional(),
  /** Services shown first, before the persona's most used ones (catalogue slugs). */
  services: z.array(slugSchema()).default([]),
  /** An e-service to start from the page (its slug in content/eservices/; each has its button's words in messages). */
  eservice: z.enum(["visitor-visa"]).optional(),
});
type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface VisitTopic {
  slug: string;
  /** "/visit" for the introduction, "/visit/<slug>" for a topic. */
  path: string;
  order: number;
  persona: FrontMatter["persona"];
  category?: string | undefined;
  services: string[];
  eservice?: FrontMatter["eservice"];
  text: Record<Locale, { title: string; description: string; html: string }>;
}

export interface VisitContent {
  index: VisitTopic;
  topics: VisitTopic[];
}

const markdown = new Marked({ gfm: true });

function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no front matter`);
  return { data: parseYaml(match[1] ?? ""), body: match[2] ?? "" };
}

/** Reads the introduction and every topic in both languages; a missing language or a bad front matter stops the start. */
export function loadVisitContent(folder = fromRoot("content", "visit")): VisitContent {
  const bySlug = new Map<string, Partial<Record<Locale, { meta: FrontMatter; body: string }>>>();
  for (const file of readdirSync(folder)) {
    const m = /^([a-z0-9-]+)\.(ar|en)\.md$/.exec(file);
    if (!m) throw new Error(`content/visit/${file}: name it <topic>.<ar|en>.md`);
    const [, slug = "", locale] = m;
    const { data, body } = splitFrontMatter(readFileSync(join(folder, file), "utf8"), file);
    const meta = frontMatterSchema.safeParse(data);
    if (!meta.success) throw new Error(`content/visit/${file}: ${meta.error.message}`);
    if (body.trim().length < 80) throw new Error(`content/visit/${file}: the page has no body`);
    const entry = bySlug.get(slug) ?? {};
    entry[locale as Locale] = { meta: meta.data, body };
    bySlug.set(slug, entry);
  }
  const topics: VisitTopic[] = [];
  for (const [slug, entry] of bySlug) {
    const missing = locales.filter((l) => !entry[l]);
    if (missing.length) throw new Error(`content/visit/${slug}: missing ${missing.join(", ")}`);
    const { ar, en } = entry as Record<Locale, { meta: FrontMatter; body: string }>;
    for (const key of ["persona", "category", "eservice", "order", "services"] as const) {
      if (String(ar.meta[key]) !== String(en.meta[key]))
        throw new Error(`content/visit/${slug}: the two languages differ in ${key}`);
    }
    const text = {} as VisitTopic["text"];
    for (const l of locales) {
      const { meta, body } = entry[l] as { meta: FrontMatter; body: string };
      text[l] = { title: meta.title, description: meta.description, html: markdown.parse(body, { async: false }) };
    }
    topics.push({
      slug,
      path: slug === "index" ? "/visit" : `/visit/${slug}`,
      order: ar.meta.order,
      persona: ar.meta.persona,
      category: ar.meta.category,
      services: ar.meta.services,
      eservice: ar.meta.eservice,
      text,
    });
  }
  const index = topics.find((t) => t.slug === "index");
  if (!index) throw new Error("content/visit: index.ar.md and index.en.md are missing");
  return { index, topics: topics.filter((t) => t !== index).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug)) };
}
