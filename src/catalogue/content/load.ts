import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { fromRoot } from "../../platform/paths.js";
import {
  type AgencyFile,
  agencyFileSchema,
  agencyServicesFileSchema,
  type EventContent,
  eventSchema,
  type InitiativeContent,
  initiativeSchema,
  type NewsContent,
  newsSchema,
  type TermContent,
  termsSchema,
} from "./schema.js";

export interface CatalogueContent {
  personas: TermContent[];
  categories: TermContent[];
  lifeEvents: TermContent[];
  agencies: AgencyFile[];
  news: NewsContent[];
  events: EventContent[];
  initiatives: InitiativeContent[];
}

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The catalogue content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

function readYaml<T>(file: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join(".")}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    if (seen.has(v)) return true;
    seen.add(v);
    return false;
  });
}

/** Checks what no single file can: unique slugs and references between files. */
function crossCheck(c: CatalogueContent, problems: string[]): void {
  const personas = new Set(c.personas.map((p) => p.slug));
  const categories = new Set(c.categories.map((p) => p.slug));
  const lifeEvents = new Set(c.lifeEvents.map((p) => p.slug));
  const agencies = new Set(c.agencies.map((a) => a.agency.slug));
  const services = c.agencies.flatMap((a) => a.services);
  const serviceSlugs = new Set(services.map((s) => s.slug));
  for (const [what, list] of [
    ["persona", c.personas.map((p) => p.slug)],
    ["category", c.categories.map((p) => p.slug)],
    ["life event", c.lifeEvents.map((p) => p.slug)],
    ["agency", c.agencies.map((a) => a.agency.slug)],
    ["service", services.map((s) => s.slug)],
    ["document", services.flatMap((s) => s.documents.map((d) => d.slug))],
    ["news item", c.news.map((n) => n.slug)],
    ["event", c.events.map((n) => n.slug)],
    ["initiative", c.initiatives.map((n) => n.slug)],
  ] as const) {
    for (const d of duplicates([...list])) problems.push(`${what} "${d}" is defined twice`);
  }
  for (const p of c.personas)
    if (p.parent && !personas.has(p.parent)) problems.push(`persona ${p.slug}: unknown parent ${p.parent}`);
  for (const { agency } of c.agencies) {
    if (agency.parent && !agencies.has(agency.parent)) problems.push(`agency ${agency.slug}: unknown parent ${agency.parent}`);
  }
  for (const s of services) {
    for (const p of s.personas) if (!personas.has(p)) problems.push(`service ${s.slug}: unknown persona ${p}`);
    for (const p of s.categories) if (!categories.has(p)) problems.push(`service ${s.slug}: unknown category ${p}`);
    for (const p of s.lifeEvents) if (!lifeEvents.has(p)) problems.push(`service ${s.slug}: unknown life event ${p}`);
    for (const p of s.related) if (!serviceSlugs.has(p)) problems.push(`service ${s.slug}: unknown related service ${p}`);
  }
  for (const item of [...c.news, ...c.events, ...c.initiatives]) {
    if (item.agency && !agencies.has(item.agency)) problems.push(`${item.slug}: unknown agency ${item.agency}`);
  }
}

/**
 * Reads `<agency>.yaml` (the agency and its services) and any
 * `<agency>.<theme>.yaml` (more of its services), in file-name order.
 */
function readAgencies(agencyDir: string, problems: string[]): AgencyFile[] {
  const names = readdirSync(agencyDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const agencies = names
    .filter((f) => f.split(".").length === 2)
    .flatMap((f) => {
      const file = readYaml(join(agencyDir, f), agencyFileSchema, problems);
      if (file && `${file.agency.slug}.yaml` !== f)
        problems.push(`${f}: name the file after its agency (${file.agency.slug}.yaml)`);
      return file ? [file] : [];
    });
  for (const f of names.filter((n) => n.split(".").length > 2)) {
    const more = readYaml(join(agencyDir, f), agencyServicesFileSchema, problems);
    if (!more) continue;
    const owner = agencies.find((a) => a.agency.slug === more.agency);
    if (!owner) problems.push(`${f}: unknown agency ${more.agency}`);
    else if (!f.startsWith(`${more.agency}.`)) problems.push(`${f}: start the file's name with its agency (${more.agency}.)`);
    else owner.services.push(...more.services);
  }
  return agencies;
}

/** Reads and checks every catalogue content file; throws a ContentError listing every problem. */
export function loadCatalogueContent(folder = fromRoot("content", "catalogue")): CatalogueContent {
  const problems: string[] = [];
  const agencyDir = join(folder, "agencies");
  const content: CatalogueContent = {
    personas: readYaml(join(folder, "personas.yaml"), termsSchema, problems) ?? [],
    categories: readYaml(join(folder, "categories.yaml"), termsSchema, problems) ?? [],
    lifeEvents: readYaml(join(folder, "life-events.yaml"), termsSchema, problems) ?? [],
    agencies: readAgencies(agencyDir, problems),
    news: readYaml(join(folder, "news.yaml"), newsSchema.array(), problems) ?? [],
    events: readYaml(join(folder, "events.yaml"), eventSchema.array(), problems) ?? [],
    initiatives: readYaml(join(folder, "initiatives.yaml"), initiativeSchema.array(), problems) ?? [],
  };
  crossCheck(content, problems);
  if (problems.length) throw new ContentError(problems);
  return content;
}
