import { readFileSync } from "node:fs";
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import { fromRoot } from "../paths.js";
import { intlLocale, type Locale, locales, timeZone } from "./locales.js";

type Nested = { [key: string]: string | Nested };
export type MessageValues = Record<string, PrimitiveType | Date>;
export type RichValues<T> = Record<string, PrimitiveType | Date | T | ((chunks: (string | T)[]) => T)>;

/** Flattens a nested catalogue into dotted keys: { a: { b: "x" } } → { "a.b": "x" }. */
export function flatten(tree: Nested, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

export function readCatalogue(locale: Locale): Map<string, string> {
  return flatten(JSON.parse(readFileSync(fromRoot("messages", `${locale}.json`), "utf8")) as Nested);
}

export class MissingMessageError extends Error {
  constructor(locale: Locale, key: string) {
    super(`No message "${key}" in the ${locale} catalogue`);
  }
}

/** Formats messages of one language: ICU MessageFormat with the language's plural rules. */
export class Translator {
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(
    readonly locale: Locale,
    private readonly catalogue: Map<string, string>,
  ) {}

  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  private format(key: string): IntlMessageFormat {
    let fmt = this.compiled.get(key);
    if (!fmt) {
      const source = this.catalogue.get(key);
      if (source === undefined) throw new MissingMessageError(this.locale, key);
      fmt = new IntlMessageFormat(source, intlLocale[this.locale], undefined, {
        formatters: undefined,
        ignoreTag: false,
      });
      this.compiled.set(key, fmt);
    }
    return fmt;
  }

  /** The message as plain text. */
  t(key: string, values?: MessageValues): string {
    const result = this.format(key).format<string>(values);
    return Array.isArray(result) ? result.join("") : String(result);
  }

  /** The message with tags (<link>…</link>) replaced by the caller's elements. */
  rich<T>(key: string, values: RichValues<T>): (string | T)[] {
    const result = this.format(key).format<T>(values as Record<string, PrimitiveType | T>);
    return Array.isArray(result) ? (result as (string | T)[]) : [result as string | T];
  }
}

const translators = new Map<Locale, Translator>();

/** The translator of a language; catalogues are read once per process. */
export function translator(locale: Locale): Translator {
  let tr = translators.get(locale);
  if (!tr) {
    tr = new Translator(locale, readCatalogue(locale));
    translators.set(locale, tr);
  }
  return tr;
}

export const allTranslators = (): Translator[] => locales.map(translator);
export { timeZone };
