import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { formWordKeys } from "../../eservices/translated/routes.js";
import { slugSchema } from "../../platform/http/slug.js";
import { flatten } from "../../platform/i18n/messages.js";
import { fromRoot } from "../../platform/paths.js";
import { type WorkerLanguage, workerLanguages } from "../languages.js";

/**
 * The e-service forms of the workers' portal, in the workers' own languages:
 * for a language, the words every form shows (content/workers/<code>/form-words.yaml:
 * buttons, error messages, the check-your-answers page, by the keys of the
 * portal's catalogue, and the translated form's own pages under "form") and,
 * for each translated e-service, the translation of its definition
 * (content/workers/<code>/<e-service>.yaml, see src/forms/engine/overlay.ts).
 * Checked when the portal starts: a language's form words must be complete.
 */

const overlaySchema = z.strictObject({
  /** The e-service translated (its slug in content/eservices/). */
  eservice: slugSchema(),
  /** The version of its definition the translation was made from. */
  version: z.number().int().min(1),
  texts: z.record(z.string(), z.unknown()),
});

/** One e-service's definition in one language. */
export interface FormOverlay {
  language: WorkerLanguage;
  eservice: string;
  version: number;
  /** The texts by their key in the definition (overlay.ts). */
  texts: Map<string, string>;
}

export interface WorkerForms {
  /** Each language's form words, by catalogue key; only languages with a translated form have them. */
  words: Partial<Record<WorkerLanguage, Map<string, string>>>;
  /** The translated e-services, by language and then e-service slug. */
  overlays: Partial<Record<WorkerLanguage, Map<string, FormOverlay>>>;
}

type Nested = Parameters<typeof flatten>[0];

function readTree(file: string, where: string): Nested {
  const data: unknown = parseYaml(readFileSync(file, "utf8"));
  if (!data || typeof data !== "object") throw new Error(`${where}: not a mapping`);
  return data as Nested;
}

function loadWords(file: string, where: string): Map<string, string> {
  const words = flatten(readTree(file, where));
  const missing = formWordKeys.filter((key) => !words.get(key)?.trim());
  if (missing.length) throw new Error(`${where}: missing ${missing.join(", ")}`);
  const unknown = [...words.keys()].filter((key) => !(formWordKeys as readonly string[]).includes(key));
  if (unknown.length) throw new Error(`${where}: unknown ${unknown.join(", ")}`);
  return words;
}

function loadOverlay(file: string, where: string, language: WorkerLanguage): FormOverlay {
  const parsed = overlaySchema.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${where}: ${parsed.error.message}`);
  const texts = flatten(parsed.data.texts as Nested);
  return { language, eservice: parsed.data.eservice, version: parsed.data.version, texts };
}

/** Files of a language's folder that are translated forms (the rest are pages and words). */
const isOverlayFile = (name: string) => name.endsWith(".yaml") && name !== "interface.yaml" && name !== "form-words.yaml";

/** Reads every language's form words and translated forms; a translated form needs its language's words. */
export function loadWorkerForms(folder = fromRoot("content", "workers")): WorkerForms {
  const forms: WorkerForms = { words: {}, overlays: {} };
  for (const language of workerLanguages) {
    const dir = join(folder, language);
    const wordsFile = join(dir, "form-words.yaml");
    const overlayFiles = readdirSync(dir).filter(isOverlayFile);
    if (existsSync(wordsFile)) forms.words[language] = loadWords(wordsFile, `content/workers/${language}/form-words.yaml`);
    if (!overlayFiles.length) continue;
    if (!forms.words[language]) throw new Error(`content/workers/${language}: form-words.yaml is missing`);
    const overlays = new Map<string, FormOverlay>();
    for (const name of overlayFiles) {
      const where = `content/workers/${language}/${name}`;
      const overlay = loadOverlay(join(dir, name), where, language);
      if (`${overlay.eservice}.yaml` !== name) throw new Error(`${where}: translates ${overlay.eservice}, not ${name}`);
      overlays.set(overlay.eservice, overlay);
    }
    forms.overlays[language] = overlays;
  }
  return forms;
}

/** The translation of an e-service in a language, if there is one. */
export function overlayFor(forms: WorkerForms, language: WorkerLanguage, eservice: string): FormOverlay | undefined {
  return forms.overlays[language]?.get(eservice);
}
