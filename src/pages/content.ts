import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Marked } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type Locale, locales } from "../platform/i18n/locales.js";
import { fromRoot } from "../platform/paths.js";

/**
 * The portal's own pages (about, accessibility, privacy…), written in
 * Markdown with a front matter, one file per language:
 * content/pages/<slug>.<ar|en>.md. These files are part of the repository
 * and reviewed like code, so the small amount of HTML they contain
 * (<bdi> around phone numbers) is trusted.
 */
const frontMatterSchema = z.object({
  /** Language-neutral address of the page. */
  path: z.string().regex(/^\/[a-z0-9/-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  /** Address of the parent page, for breadcrumbs. */
  parent: z.string().optional(),
  /** "timeline" styles the page's ordered list as a timeline. */
  layout: z.enum(["prose", "timeline"]).default("prose"),
  /** Date of the last review of the text, YYYY-MM-DD. */
  updated: z.iso.date(),
  /** Order among siblings in lists and the sitemap. */
  order: z.number().int().default(100),
});

export interface ContentPage {
  slug: string;
  path: string;
  parent?: string | undefined;
  layout: "prose" | "timeline";
  updated: Date;
  order: number;
  text: Record<Locale, { title: string; description: string; html: string; plain: string }>;
}

const markdown = new Marked({ gfm: true });

function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no front matter`);
  return { data: parseYaml(match[1] ?? ""), body: match[2] ?? "" };
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads every page in both languages; a page missing a language, or with a bad front matter, stops the start. */
export function loadContentPages(folder = fromRoot("content", "pages")): ContentPage[] {
  const files = readdirSync(folder).filter((f) => f.endsWith(".md"));
  const bySlug = new Map<string, Partial<Record<Locale, { meta: z.infer<typeof frontMatterSchema>; body: string }>>>();
  for (const file of files) {
    const m = /^([a-z0-9-]+)\.(ar|en)\.md$/.exec(file);
    if (!m) throw new Error(`content/pages/${file}: name it <slug>.<ar|en>.md`);
    const [, slug = "", locale] = m;
    const { data, body } = splitFrontMatter(readFileSync(join(folder, file), "utf8"), file);
    const meta = frontMatterSchema.safeParse(data);
    if (!meta.success) throw new Error(`content/pages/${file}: ${meta.error.message}`);
    const entry = bySlug.get(slug) ?? {};
    entry[locale as Locale] = { meta: meta.data, body };
    bySlug.set(slug, entry);
  }
  const pages: ContentPage[] = [];
  for (const [slug, entry] of bySlug) {
    const missing = locales.filter((l) => !entry[l]);
    if (missing.length) throw new Error(`content/pages/${slug}: missing ${missing.join(", ")}`);
    const ar = entry.ar!;
    const en = entry.en!;
    if (ar.meta.path !== en.meta.path) throw new Error(`content/pages/${slug}: the two languages have different paths`);
    const text = {} as ContentPage["text"];
    for (const l of locales) {
      const { meta, body } = entry[l]!;
      const html = markdown.parse(body, { async: false });
      text[l] = { title: meta.title, description: meta.description, html, plain: plainText(html) };
    }
    pages.push({
      slug,
      path: ar.meta.path,
      parent: ar.meta.parent,
      layout: ar.meta.layout,
      updated: new Date(`${ar.meta.updated}T00:00:00Z`),
      order: ar.meta.order,
      text,
    });
  }
  return pages.sort((a, b) => a.order - b.order || a.path.localeCompare(b.path));
}
