import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { type Definition, definitionSchema } from "../forms/engine/definition.js";
import { fromRoot } from "../platform/paths.js";

export class DefinitionError extends Error {}

/** The e-service definitions shipped with the demo content (content/eservices/<slug>.yaml), checked. */
export function loadDefinitionFiles(folder = fromRoot("content", "eservices")): Definition[] {
  const problems: string[] = [];
  const defs: Definition[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(folder, file), "utf8"));
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
      continue;
    }
    const parsed = definitionSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join(".")}: ${issue.message}`);
      continue;
    }
    if (`${parsed.data.slug}.yaml` !== file) problems.push(`${file}: name the file after its slug (${parsed.data.slug}.yaml)`);
    defs.push(parsed.data);
  }
  if (problems.length)
    throw new DefinitionError(`E-service definitions have problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return defs;
}
