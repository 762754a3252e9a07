/**
 * The architecture's boundaries, checked over the import graph of src/
 * (run by `npm run lint`, so by .ci/run and by every landing). Exits non-zero
 * and names each broken rule:
 *
 * 1. `src/platform/` imports no area; `src/forms/` imports only the platform.
 * 2. An area reaches another only through its `service.ts` or a module the
 *    owning area names as public below (PUBLIC): never its `tables.ts`, its
 *    repositories, or its views (a view another area may embed is re-exported
 *    from a named module such as `catalogue/components.ts`).
 * 3. No cycle between areas (A imports B and B, through any path, imports A).
 * 4. No file of code over 400 lines without saying why in its first lines
 *    ("over 400 lines", and the reason): under src/, test/, bench/ and
 *    scripts/, tests included.
 * 5. The composition root (`server.ts`) wires each area through its
 *    `register.ts` (and reads its `service.ts` or a module it names as
 *    public); `register.ts` is the root's alone, no other area imports it.
 *
 * The other files at the top of src/ (main.ts, db-schema.ts, grant-admin.ts…)
 * start the portal or gather its tables and may import any area. Tests
 * (`*.test.ts`) are not checked for imports (rules 1 to 3 and 5).
 * ALLOWED_FOR_NOW lists imports that break a rule and are being moved; an
 * entry that no longer occurs is reported (a warning), so the list only shrinks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** Shared libraries: used by the areas, never using them. */
const LIBRARIES: Record<string, readonly string[]> = { platform: ["platform"], forms: ["forms", "platform"] };

/**
 * Each area's public modules besides `service.ts` (paths inside the area,
 * without extension), and why they are public. Every area's `register.ts` is
 * public too, to the composition root only (rule 5).
 */
const PUBLIC: Record<string, readonly string[]> = {
  // Who is signed in and what they may do: every area's guards and the model of a person and their roles.
  accounts: ["sessions", "guards", "model", "identity"],
  // recordAudit / withAudit: every staff action is audited in its own transaction.
  audit: ["log"],
  // The catalogue's types and the views other areas may embed.
  catalogue: ["model", "components", "schemas"],
  // The RegistryConnector interface the e-services' prefill uses.
  connectors: ["registry"],
  // Recording a notification inside the caller's transaction; the event texts.
  notifications: ["notifier", "templates"],
  // Participation figures for the facts page and the statistics, the listing for search, the home slot.
  participation: ["figures", "listing", "home-slot"],
  // The portal's own pages, visiting Qatar and the workers' portal: their content, which search and SEO index.
  pages: ["content"],
  visit: ["content"],
  workers: ["content", "languages"],
  // Search's analyzer (workspace insights attribute zero-result searches with it) and the searches it records.
  search: ["analyzer/index", "analytics", "settings"],
  // The homepage highlights, read by the home page.
  admin: ["highlights"],
  // The documented single-approver exception, which administrators grant.
  workspace: ["four-eyes"],
  // The HMAC scheme the sandbox gateway shares with the portal's client.
  payments: ["signature"],
  // Document codes as people type them (the API and look-ups read them).
  documents: ["codes"],
  // Request references as people type them, the addresses of the e-service pages other areas link to, and the
  // forms in other areas' languages (the workers' portal gives the translations and its frame).
  eservices: ["references", "paths", "translated/routes"],
  // The statistics' figures, shown on the facts page.
  statistics: ["figures"],
  // The identity provider's clients, listed by the API documentation.
  idp: ["clients", "demo-client"],
};

/**
 * Imports that break a rule and are being moved (importer → imported, paths
 * under src/ without extension). Temporary: remove an entry with the import; empty
 * when every import keeps the rules.
 */
const ALLOWED_FOR_NOW: readonly (readonly [string, string])[] = [];

/** The composition root: it builds the app from each area's `register.ts` (rule 5). */
const COMPOSITION_ROOT = "server";

const project = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(project, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']|import\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)|^import\s*["'](\.{1,2}\/[^"']+)["']/gm;

/** A module's id: its path under src/ without extension ("catalogue/service"). */
const moduleId = (path: string) =>
  relative(root, path)
    .replace(/\\/g, "/")
    .replace(/\.(tsx?|jsx?)$/, "");
const areaOf = (id: string) => (id.includes("/") ? id.slice(0, id.indexOf("/")) : undefined);

export interface Edge {
  from: string;
  to: string;
}

export function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      edges.push({ from: moduleId(file), to: moduleId(normalize(join(dirname(file), spec))) });
    }
  }
  return edges;
}

/** Why an import between two areas (or into/out of a library, or from the composition root) breaks a rule; undefined when it keeps them. */
export function ruleBroken(from: string, to: string): string | undefined {
  const [a, b] = [areaOf(from), areaOf(to)];
  if (!b || a === b || LIBRARIES[b]) {
    const library = a ? LIBRARIES[a] : undefined;
    return library && b && !library.includes(b) ? `${a} is a shared library and imports no area` : undefined;
  }
  const inner = to.slice(b.length + 1);
  if (!a) {
    if (from !== COMPOSITION_ROOT || inner === "register" || inner === "service" || PUBLIC[b]?.includes(inner)) return undefined;
    return `wires ${b} through ${b}/${inner}: the composition root uses ${b}/register.ts (or service.ts, or a module ${b} names as public)`;
  }
  if (LIBRARIES[a]) return `${a} is a shared library and imports no area`;
  if (inner === "register") return `imports ${b}'s register.ts, which only the composition root (server.ts) calls`;
  // A table may name another area's table in a foreign key: db-schema.ts gathers every table into one schema.
  if (/(^|\/)tables$/.test(inner) && /(^|\/)tables$/.test(from)) return undefined;
  if (inner === "service" || PUBLIC[b]?.includes(inner)) return undefined;
  if (/(^|\/)tables$/.test(inner)) return `reads ${b}'s tables: go through ${b}/service.ts`;
  if (/(^|\/)repository(\/|$)/.test(inner)) return `reaches into ${b}'s repository: go through ${b}/service.ts`;
  if (/(^|\/)views\//.test(inner)) return `imports ${b}'s view: views are not public (embed through a named module)`;
  return `reaches into ${b}/${inner}: go through ${b}/service.ts or a module ${b} names as public`;
}

/** Cycles between areas: each group of areas that reach each other. */
export function areaCycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const [a, b] = [areaOf(from), areaOf(to)];
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

/** The longest a file of code may be without a reason at its top. */
const MAX_LINES = 400;

/** Where the line rule looks: the portal, its tests, benchmarks and scripts. */
const LINE_RULE_FOLDERS = ["src", "test", "bench", "scripts"];

/** Every file of code under a folder, tests included. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : codeFiles(path);
    return /\.(tsx?|[cm]?js)$/.test(e.name) ? [path] : [];
  });
}

/** Files of code over MAX_LINES lines whose first lines do not say why. */
export function longFilesWithoutReason(): string[] {
  return LINE_RULE_FOLDERS.flatMap((folder) => codeFiles(join(project, folder))).flatMap((file) => {
    const lines = readFileSync(file, "utf8").split("\n");
    if (lines.length <= MAX_LINES) return [];
    const top = lines.slice(0, 5).join(" ").toLowerCase();
    return top.includes(`over ${MAX_LINES} lines`)
      ? []
      : [`${relative(project, file).replace(/\\/g, "/")}: ${lines.length} lines, and no reason at its top`];
  });
}

export function boundaryProblems(): string[] {
  const edges = importEdges();
  const allowed = new Set(ALLOWED_FOR_NOW.map(([f, t]) => `${f} → ${t}`));
  const used = new Set<string>();
  const problems: string[] = [];
  for (const { from, to } of edges) {
    const broken = ruleBroken(from, to);
    if (!broken) continue;
    const key = `${from} → ${to}`;
    if (allowed.has(key)) used.add(key);
    else problems.push(`src/${from} imports src/${to}: ${broken}`);
  }
  // A warning, not a failure: another branch may move the import away while this list still names it.
  for (const key of allowed)
    if (!used.has(key)) console.warn(`ALLOWED_FOR_NOW lists ${key}, which no longer breaks a rule: remove it`);
  for (const group of areaCycles(edges)) problems.push(`areas import each other (a cycle): ${group.join(" ↔ ")}`);
  problems.push(...longFilesWithoutReason());
  return [...new Set(problems)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = boundaryProblems();
  if (problems.length > 0) {
    console.error(`Architecture boundaries (scripts/check-boundaries.ts, ARCHITECTURE.md): ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log("Architecture boundaries kept.");
}
