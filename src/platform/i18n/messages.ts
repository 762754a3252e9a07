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

/** First-strong isolate and pop directional isolate (Unicode Bidirectional Algorithm, UAX #9). */
export const FSI = "\u2068";
export const PDI = "\u2069";

/** Latin letters or digits: a value with any of them is laid out left to right and would swap places with its Arabic neighbours. */
const MIXES = /[A-Za-z0-9\u0660-\u0669]/;
/** Addresses stay bare: a mail client's link finder would take the invisible marks into the link. */
const ADDRESS = /^(https?:\/\/|\/)/;

/**
 * A value to be set inside an Arabic sentence, between isolates (as Fluent
 * does for every placeable), so that a reference, an amount, a size or a date
 * keeps its place and order: "رسوم مستحقة للطلب HK-6PK3-C7WT: 500 ريال" would
 * otherwise show the colon and the amount on the wrong side of the reference.
 */
export function isolate<T>(value: T): T | string {
  if (typeof value !== "string" || !MIXES.test(value) || ADDRESS.test(value)) return value;
  return `${FSI}${value}${PDI}`;
}

/** The parts of a parsed message this file reads (the ICU parser's element types: 1 is a plain {argument}). */
interface AstElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}
const ARGUMENT = 1;

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

  private readonly plainArguments = new Map<string, Set<string>>();

  /** The names a message sets as they are ({name}); numbers, plurals and choices are left to the formatter. */
  private plainArgumentsOf(key: string): Set<string> {
    let names = this.plainArguments.get(key);
    if (!names) {
      names = new Set();
      const walk = (elements: AstElement[]) => {
        for (const el of elements) {
          if (el.type === ARGUMENT && typeof el.value === "string") names?.add(el.value);
          for (const o of Object.values(el.options ?? {})) walk(o.value);
          if (el.children) walk(el.children);
        }
      };
      walk(this.format(key).getAst() as AstElement[]);
      this.plainArguments.set(key, names);
    }
    return names;
  }

  /** Arabic sentences get their mixed-direction values isolated; English ones are left as they are. */
  private isolated<V extends Record<string, unknown>>(key: string, values: V | undefined): V | undefined {
    if (!values || this.locale !== "ar") return values;
    const plain = this.plainArgumentsOf(key);
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, plain.has(k) ? isolate(v) : v])) as V;
  }

  /** The message as plain text. */
  t(key: string, values?: MessageValues): string {
    const result = this.format(key).format<string>(this.isolated(key, values));
    return Array.isArray(result) ? result.join("") : String(result);
  }

  /** The message with tags (<link>…</link>) replaced by the caller's elements. */
  rich<T>(key: string, values: RichValues<T>): (string | T)[] {
    const result = this.format(key).format<T>(this.isolated(key, values) as Record<string, PrimitiveType | T>);
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
