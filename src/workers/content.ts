import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Marked } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { slugSchema } from "../platform/http/slug.js";
import { fromRoot } from "../platform/paths.js";
import { isWorkerPage, type WorkerLanguage, type WorkerPageSlug, workerLanguages, workerPages } from "./languages.js";

/**
 * The workers' portal's pages, written in plain language, one Markdown file
 * per page and language (content/workers/<code>/<page>.md), and the few
 * interface words of each language (content/workers/<code>/interface.yaml).
 * The files are reviewed like code, so their small amount of HTML is trusted.
 * Everything is checked when the portal starts: a page without a title or
 * body, or a language without its interface words, stops the start.
 */

/** The words of the page chrome, in the page's own language. */
const interfaceSchema = z.strictObject({
  /** The language's name, written in that language. */
  languageName: z.string().min(1),
  portalName: z.string().min(1),
  skipLink: z.string().min(1),
  /** Label of the list of the portal's pages. */
  pagesLabel: z.string().min(1),
  /** Link from a page to the language chooser. */
  chooseLanguage: z.string().min(1),
  /** Heading over "this page in other languages". */
  languagesHeading: z.string().min(1),
  /** Said beside a language the page is not yet written in. */
  notInLanguage: z.string().min(1),
  /** Introduces the two links back to the main portal. */
  mainPortal: z.string().min(1),
  footerHeading: z.string().min(1),
  footerNote: z.string().min(1),
  /** The button to the labour complaint e-service. */
  complaintStart: z.string().min(1),
  /** Which languages the online form is in. */
  formLanguages: z.string().min(1),
  notFoundTitle: z.string().min(1),
  notFoundBody: z.string().min(1),
  /** Heading over the list of pages in this language on the "not found" page. */
  pagesHere: z.string().min(1),
});
export type WorkerInterface = z.infer<typeof interfaceSchema>;

const frontMatterSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  /** A short name for the page in the portal's navigation. */
  nav: z.string().min(1),
  /** An e-service this page leads to (its slug in content/eservices/). */
  eservice: slugSchema().optional(),
});

export interface WorkerPage {
  language: WorkerLanguage;
  slug: WorkerPageSlug;
  title: string;
  description: string;
  nav: string;
  eservice?: string | undefined;
  html: string;
}

export interface WorkerContent {
  interfaces: Record<WorkerLanguage, WorkerInterface>;
  /** Each language's pages, in reading order. */
  pages: Record<WorkerLanguage, WorkerPage[]>;
}

/** Pages every language must have; the others may exist in some languages only. */
export const requiredWorkerPages: WorkerPageSlug[] = ["overview", "rights", "wages", "complaints"];

const markdown = new Marked({ gfm: true });

function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no front matter`);
  return { data: parseYaml(match[1] ?? ""), body: match[2] ?? "" };
}

function loadInterface(folder: string, language: WorkerLanguage): WorkerInterface {
  const file = join(folder, language, "interface.yaml");
  if (!existsSync(file)) throw new Error(`content/workers/${language}: interface.yaml is missing`);
  const parsed = interfaceSchema.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`content/workers/${language}/interface.yaml: ${parsed.error.message}`);
  return parsed.data;
}

function loadPage(folder: string, language: WorkerLanguage, name: string, eservicesFolder: string): WorkerPage {
  const where = `content/workers/${language}/${name}`;
  const slug = name.replace(/\.md$/, "");
  if (!isWorkerPage(slug)) throw new Error(`${where}: not a page of the portal (${workerPages.join(", ")})`);
  const { data, body } = splitFrontMatter(readFileSync(join(folder, language, name), "utf8"), where);
  const meta = frontMatterSchema.safeParse(data);
  if (!meta.success) throw new Error(`${where}: ${meta.error.message}`);
  if (body.trim().length < 80) throw new Error(`${where}: the page has no body`);
  if (meta.data.eservice && !existsSync(join(eservicesFolder, `${meta.data.eservice}.yaml`))) {
    throw new Error(`${where}: no e-service ${meta.data.eservice}`);
  }
  return { language, slug, ...meta.data, html: markdown.parse(body, { async: false }) };
}

/** Reads and checks every language's pages and interface words. */
export function loadWorkerContent(
  folder = fromRoot("content", "workers"),
  eservicesFolder = fromRoot("content", "eservices"),
): WorkerContent {
  const unknown = readdirSync(folder).filter((name) => !(workerLanguages as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`content/workers: unknown languages ${unknown.join(", ")}`);
  const interfaces = {} as WorkerContent["interfaces"];
  const pages = {} as WorkerContent["pages"];
  for (const language of workerLanguages) {
    const dir = join(folder, language);
    if (!existsSync(dir)) throw new Error(`content/workers/${language}: missing`);
    interfaces[language] = loadInterface(folder, language);
    const found = readdirSync(dir)
      .filter((name) => name.endsWith(".md"))
      .map((name) => loadPage(folder, language, name, eservicesFolder));
    const missing = requiredWorkerPages.filter((slug) => !found.some((p) => p.slug === slug));
    if (missing.length) throw new Error(`content/workers/${language}: missing ${missing.join(", ")}`);
    pages[language] = found.sort((a, b) => workerPages.indexOf(a.slug) - workerPages.indexOf(b.slug));
  }
  return { interfaces, pages };
}

/** The languages a page is written in, in the portal's order. */
export function languagesOf(content: WorkerContent, slug: WorkerPageSlug): WorkerLanguage[] {
  return workerLanguages.filter((l) => content.pages[l].some((p) => p.slug === slug));
}

export function findWorkerPage(content: WorkerContent, language: WorkerLanguage, slug: WorkerPageSlug): WorkerPage | undefined {
  return content.pages[language].find((p) => p.slug === slug);
}
