import type { FastifyBaseLogger } from "fastify";
import { readCatalogue, Translator } from "../../platform/i18n/messages.js";

let english: Map<string, string> | undefined;

/**
 * A catalogue in a form's language: its form words, and for any other key
 * (a form that shows a word formWordKeys lacks) the English one,
 * logged, so a missing word is seen rather than silently shown in English.
 */
class WorkerCatalogue extends Map<string, string> {
  constructor(
    words: ReadonlyMap<string, string>,
    private readonly fallback: Map<string, string>,
    private readonly onFallback: (key: string) => void,
  ) {
    super(words);
  }
  override has(key: string): boolean {
    return super.has(key) || this.fallback.has(key);
  }
  override get(key: string): string | undefined {
    const own = super.get(key);
    if (own !== undefined) return own;
    const english = this.fallback.get(key);
    if (english !== undefined) this.onFallback(key);
    return english;
  }
}

/**
 * The form's words in a language, through the portal's Translator so that the
 * form engine's views and messages read them by their usual keys. It formats
 * as English does: the words use plain {values}, no plural rules.
 */
export function formTranslator(language: string, words: ReadonlyMap<string, string>, log: FastifyBaseLogger): Translator {
  english ??= readCatalogue("en");
  const catalogue = new WorkerCatalogue(words, english, (key) =>
    log.warn({ language, key }, "a form word has no translation in the form's language; shown in English"),
  );
  return new Translator("en", catalogue);
}
