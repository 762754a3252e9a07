import { and, desc, eq, sql } from "drizzle-orm";
import { agencyOptions, serviceStatement } from "../../catalogue/service.js";
import { type Definition, definitionSchema } from "../../forms/engine/definition.js";
import { contradictions } from "../../forms/engine/facts.js";
import type { Problem } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import { canonicalJson } from "../../platform/text/canonical-json.js";
import { eserviceDefinitions } from "../tables.js";

export interface PublishOutcome {
  published: string[];
  /** Versions already published with different content: a changed definition needs a new version number. */
  conflicts: string[];
  /** Definitions refused because they contradict their service's facts (fee, documents, working days…), with each problem. */
  refused: { definition: string; problems: Problem[] }[];
}

/** Where a definition contradicts the facts its catalogue service states (none when the catalogue has no such service). */
export async function definitionContradictions(db: Db, def: Definition): Promise<Problem[]> {
  const service = await serviceStatement(db, def.service);
  return service ? contradictions(service, def) : [];
}

/**
 * Publishes definitions: each (slug, version) once, never changed after;
 * a changed definition is published under a new version. A definition whose
 * fee, uploads, working days or eligibility contradict its service's facts
 * is refused. Safe when several instances start at once.
 */
export async function publishDefinitions(db: Db, defs: Definition[]): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { published: [], conflicts: [], refused: [] };
  for (const def of defs) {
    const problems = await definitionContradictions(db, def);
    if (problems.length) {
      outcome.refused.push({ definition: `${def.slug} v${def.version}`, problems });
      continue;
    }
    const inserted = await db
      .insert(eserviceDefinitions)
      .values({ slug: def.slug, version: def.version, agency: def.agency, definition: def })
      .onConflictDoNothing()
      .returning({ slug: eserviceDefinitions.slug });
    if (inserted.length) {
      outcome.published.push(`${def.slug} v${def.version}`);
      continue;
    }
    // Compared as stored (findDefinition would add the options a select takes from the catalogue), in canonical
    // form: the database (jsonb) keeps keys in its own order.
    const [existing] = await db
      .select({ definition: eserviceDefinitions.definition })
      .from(eserviceDefinitions)
      .where(and(eq(eserviceDefinitions.slug, def.slug), eq(eserviceDefinitions.version, def.version)));
    if (existing && canonicalJson(existing.definition) !== canonicalJson(def))
      outcome.conflicts.push(`${def.slug} v${def.version}`);
  }
  return outcome;
}

/** Published versions never change, so each is checked against the schema once per process. */
const checked = new Map<string, Definition>();

function parsed(raw: unknown): Definition {
  const { slug, version } = raw as { slug: string; version: number };
  const key = `${slug}@${version}`;
  let def = checked.get(key);
  if (!def) {
    def = definitionSchema.parse(raw);
    checked.set(key, def);
  }
  return def;
}

/** Fills in the options a definition takes from the catalogue (a select of agencies). */
async function withOptions(db: Db, def: Definition): Promise<Definition> {
  const dynamic = (p: Definition["pages"][number]) =>
    "questions" in p && p.questions.some((q) => q.type === "select" && q.optionsFrom === "agencies");
  if (!def.pages.some(dynamic)) return def;
  const options = await agencyOptions(db);
  return {
    ...def,
    pages: def.pages.map((p) =>
      "questions" in p && dynamic(p)
        ? {
            ...p,
            questions: p.questions.map((q) => (q.type === "select" && q.optionsFrom === "agencies" ? { ...q, options } : q)),
          }
        : p,
    ),
  };
}

/** One version of a definition (the one a draft or case was made with). */
export async function findDefinition(db: Db, slug: string, version: number): Promise<Definition | undefined> {
  const [row] = await db
    .select({ definition: eserviceDefinitions.definition })
    .from(eserviceDefinitions)
    .where(and(eq(eserviceDefinitions.slug, slug), eq(eserviceDefinitions.version, version)));
  return row ? withOptions(db, parsed(row.definition)) : undefined;
}

/** The newest version of a definition: new applications start on it. */
export async function latestDefinition(db: Db, slug: string): Promise<Definition | undefined> {
  const [row] = await db
    .select({ definition: eserviceDefinitions.definition })
    .from(eserviceDefinitions)
    .where(eq(eserviceDefinitions.slug, slug))
    .orderBy(desc(eserviceDefinitions.version))
    .limit(1);
  return row ? withOptions(db, parsed(row.definition)) : undefined;
}

/** The newest version of every published definition, by slug. */
export async function latestDefinitions(db: Db): Promise<Definition[]> {
  const rows = await db
    .selectDistinctOn([eserviceDefinitions.slug], { definition: eserviceDefinitions.definition })
    .from(eserviceDefinitions)
    .orderBy(eserviceDefinitions.slug, desc(eserviceDefinitions.version));
  return Promise.all(rows.map((r) => withOptions(db, parsed(r.definition))));
}

/** How many definitions are published (one per slug). */
export async function countDefinitions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(distinct ${eserviceDefinitions.slug})::int` }).from(eserviceDefinitions);
  return row?.n ?? 0;
}
