import type { Definition } from "./definition.js";

/**
 * A translation overlay: an e-service definition's texts in one of the
 * workers' languages, laid over the definition's English texts. The overlay
 * names each text by where it stands in the definition, with ids in place of
 * positions: "title", "pages.worker.questions.worker-qid.hint",
 * "pages.complaint.questions.about.options.unpaid-wages.label". The form keeps
 * its id, version, rules and option values; only the words change, so a
 * request made in Urdu is the same request officers already process.
 */

/** A text of the definition: its Arabic and English. */
interface Bilingual {
  ar: string;
  en: string;
}

function isBilingual(node: unknown): node is Bilingual {
  if (!node || typeof node !== "object" || Array.isArray(node)) return false;
  const keys = Object.keys(node);
  return keys.length === 2 && typeof (node as Bilingual).ar === "string" && typeof (node as Bilingual).en === "string";
}

/** An element of a list, named by its id (pages, questions) or its value (options), else its position. */
function segmentOf(element: unknown, index: number): string {
  if (element && typeof element === "object") {
    const { id, value } = element as { id?: unknown; value?: unknown };
    if (typeof id === "string") return id;
    if (typeof value === "string") return value;
  }
  return String(index);
}

/** Copies a definition's tree, giving each text's replacement by its key. */
function mapTexts(node: unknown, path: string, replace: (key: string, text: Bilingual) => Bilingual): unknown {
  if (isBilingual(node)) return replace(path, node);
  const at = (segment: string) => (path ? `${path}.${segment}` : segment);
  if (Array.isArray(node)) return node.map((el, i) => mapTexts(el, at(segmentOf(el, i)), replace));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapTexts(v, at(k), replace)]));
  }
  return node;
}

/** Every text of a definition by its key, in English (what the overlay translates). */
export function textsOf(def: Definition): Map<string, string> {
  const texts = new Map<string, string>();
  mapTexts(def, "", (key, text) => {
    texts.set(key, text.en);
    return text;
  });
  return texts;
}

/** What an overlay lacks, and what it has that the definition does not (an option value renamed, a question gone). */
export function coverageOf(def: Definition, overlay: ReadonlyMap<string, string>): { missing: string[]; unknown: string[] } {
  const texts = textsOf(def);
  return {
    missing: [...texts.keys()].filter((key) => !overlay.get(key)?.trim()),
    unknown: [...overlay.keys()].filter((key) => !texts.has(key)),
  };
}

/**
 * The definition with the overlay's words in place of its English ones
 * (Arabic stays): the form's views, which read the English, then speak the
 * worker's language. Call it only with an overlay that covers the definition.
 */
export function overlaid(def: Definition, overlay: ReadonlyMap<string, string>): Definition {
  return mapTexts(def, "", (key, text) => ({ ar: text.ar, en: overlay.get(key) ?? text.en })) as Definition;
}
