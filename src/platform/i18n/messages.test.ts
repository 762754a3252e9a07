import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../paths.js";
import { FSI, isolate, PDI, readCatalogue, translator } from "./messages.js";

const ar = readCatalogue("ar");
const en = readCatalogue("en");

/** Every plural argument in a message with the categories it lists. */
function pluralCategories(message: string): string[][] {
  const found: string[][] = [];
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements as Array<{ type: number; options?: Record<string, { value: ReturnType<typeof parse> }> }>) {
      if (el.type === 6 && el.options) {
        found.push(Object.keys(el.options));
        for (const o of Object.values(el.options)) walk(o.value);
      }
    }
  };
  walk(parse(message));
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("message catalogues", () => {
  it("have the same keys in Arabic and English", () => {
    expect([...ar.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !ar.has(k))).toEqual([]);
  });

  it("hold valid ICU messages with no empty text", () => {
    for (const [key, value] of [...ar, ...en]) {
      expect(value.trim(), key).not.toBe("");
      expect(() => parse(value), key).not.toThrow();
    }
  });

  it("give Arabic plurals all six forms and English plurals one and other", () => {
    for (const [key, value] of ar) {
      for (const categories of pluralCategories(value)) {
        expect(categories.sort(), key).toEqual(["few", "many", "one", "other", "two", "zero"]);
      }
    }
    for (const [key, value] of en) {
      for (const categories of pluralCategories(value)) {
        expect(categories, key).toContain("other");
        expect(
          categories.some((c) => c === "one" || c === "=1"),
          key,
        ).toBe(true);
      }
    }
  });

  it("uses Arabic plural rules", () => {
    const tr = translator("ar");
    const count = (n: number) => tr.t("search.resultCount", { count: n, query: "x" });
    expect(count(0)).toContain("لا توجد نتائج");
    expect(count(1)).toContain("نتيجة واحدة");
    expect(count(2)).toContain("نتيجتان");
    // The query is a plain argument, set between isolates; the count is the plural's own number.
    expect(count(3)).toBe(`3 نتائج عن «${FSI}x${PDI}»`);
    expect(count(11)).toBe(`11 نتيجة عن «${FSI}x${PDI}»`);
    expect(count(100)).toBe(`100 نتيجة عن «${FSI}x${PDI}»`);
  });

  it("has every key the code asks for by name", () => {
    const missing: string[] = [];
    let checked = 0;
    // The workers' translated forms ask for their own pages' words under "form.": those are in each workers'
    // language (content/workers/<lang>/form-words.yaml), not in these catalogues; src/workers/form/content.test.ts checks them.
    const translatedForms = fromRoot("src", "eservices", "translated");
    const elsewhere = (file: string, key: string) => file.startsWith(translatedForms) && key.startsWith("form.");
    for (const file of sourceFiles(fromRoot("src"))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/\b(?:t|tr\.t|rich)\(\s*"([a-zA-Z0-9_.]+)"/g)) {
        const key = m[1] ?? "";
        checked += 1;
        if (!ar.has(key) && !elsewhere(file, key)) missing.push(`${file.replace(fromRoot(), "")}: ${key}`);
      }
      for (const m of source.matchAll(/(?:labelKey|messageKey|key):\s*"([a-zA-Z0-9_.]+\.[a-zA-Z0-9_.]+)"/g)) {
        const key = m[1] ?? "";
        if (!ar.has(key)) missing.push(`${file.replace(fromRoot(), "")}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});

describe("values inside Arabic sentences", () => {
  const ar = translator("ar");
  const en = translator("en");

  it("isolates a reference and an amount, so neither swaps places with the Arabic around it", () => {
    const amount = ar.t("forms.money", { amount: "500" });
    expect(amount).toBe(`${FSI}500${PDI} ريال قطري`);
    const title = ar.t("notifications.events.payment-due.title", { reference: "HK-6PK3-C7WT", amount });
    expect(title).toBe(`لن يُرسل قبل دفع الرسوم: ${FSI}HK-6PK3-C7WT${PDI} (${FSI}${amount}${PDI})`);
  });

  it("leaves Arabic-only values, addresses and English sentences as they are", () => {
    expect(isolate("مريم خالد")).toBe("مريم خالد");
    expect(isolate("https://hukoomi.example/my")).toBe("https://hukoomi.example/my");
    expect(isolate(500)).toBe(500);
    expect(en.t("forms.money", { amount: "500" })).toBe("QAR 500");
  });
});
