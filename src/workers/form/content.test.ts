import { describe, expect, it } from "vitest";
import { loadDefinitionFiles } from "../../eservices/content.js";
import { formWordKeys } from "../../eservices/translated/routes.js";
import { allQuestions, type Definition } from "../../forms/engine/definition.js";
import { coverageOf, overlaid, textsOf } from "../../forms/engine/overlay.js";
import { readCatalogue, Translator } from "../../platform/i18n/messages.js";
import { type WorkerLanguage, workerLanguages } from "../languages.js";
import { loadWorkerForms } from "./content.js";

const definitions = new Map(loadDefinitionFiles().map((d) => [d.slug, d]));
const forms = loadWorkerForms();
const english = readCatalogue("en");

/** The languages the labour complaint must be readable in (issue #22): every workers' language but the portal's two. */
const workersOwn: WorkerLanguage[] = ["hi", "ur", "ne", "bn", "tl", "ml", "si"];

const overlays = workerLanguages.flatMap((language) => [...(forms.overlays[language]?.values() ?? [])]);

function definitionOf(slug: string): Definition {
  const def = definitions.get(slug);
  if (!def) throw new Error(`no e-service ${slug}`);
  return def;
}

/** The names a message fills in ({label}, {count, plural, …} → label, count). */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1] ?? ""))].sort();
}

describe("the labour complaint in the workers' languages", () => {
  it("is translated into each of them", () => {
    for (const language of workersOwn) {
      expect(forms.overlays[language]?.has("labour-complaint"), language).toBe(true);
    }
    expect(forms.overlays.ar).toBeUndefined();
    expect(forms.overlays.en).toBeUndefined();
  });
});

describe.each(overlays.map((o) => [`${o.language}/${o.eservice}`, o] as const))("translation %s", (_, overlay) => {
  const def = definitionOf(overlay.eservice);

  it("is of the version of the definition in force", () => {
    expect(overlay.version).toBe(def.version);
  });

  it("gives every text of the definition, and nothing the definition lacks", () => {
    expect(coverageOf(def, overlay.texts)).toEqual({ missing: [], unknown: [] });
  });

  it("names the definition's options by their values", () => {
    for (const { question } of allQuestions(def)) {
      if (!("options" in question) || !question.options) continue;
      const prefix = [...textsOf(def).keys()]
        .find((k) => k.endsWith(`.questions.${question.id}.label`))
        ?.replace(/label$/, "options.");
      const translated = [...overlay.texts.keys()]
        .filter((k) => prefix && k.startsWith(prefix))
        .map((k) => k.slice(prefix?.length).replace(/\.label$/, ""));
      expect(translated.sort()).toEqual(question.options.map((o) => o.value).sort());
    }
  });

  it("translates each text, rather than copying the English", () => {
    const copied = [...textsOf(def)].filter(([key, en]) => overlay.texts.get(key) === en).map(([key]) => key);
    expect(copied).toEqual([]);
  });

  it("keeps the form's id, version, rules and option values when laid over it", () => {
    const shown = overlaid(def, overlay.texts);
    const skeleton = (d: Definition) => JSON.stringify(d, (_, v) => (v && typeof v === "object" && "en" in v ? v.ar : v));
    expect(skeleton(shown)).toBe(skeleton(def));
    expect(shown.title.en).toBe(overlay.texts.get("title"));
    expect(shown.title.ar).toBe(def.title.ar);
  });
});

describe.each(workerLanguages.filter((l) => forms.words[l]).map((l) => [l] as const))("the form words in %s", (language) => {
  const words = forms.words[language] ?? new Map<string, string>();

  it("give every word a translated form shows", () => {
    expect(formWordKeys.filter((key) => !words.get(key))).toEqual([]);
  });

  it("fill in the same values as the English", () => {
    for (const key of formWordKeys) {
      const en = english.get(key);
      if (en === undefined) continue;
      expect(placeholders(words.get(key) ?? ""), `${language} ${key}`).toEqual(placeholders(en));
    }
  });

  it("are messages the portal's formatter reads", () => {
    const tr = new Translator("en", new Map(words));
    const values = { label: "L", name: "N", max: 1, min: 1, types: "PDF", size: 1, count: 2, days: 3 };
    for (const key of formWordKeys) {
      const extra = { title: "T", current: 1, total: 2, record: "R", date: "D", item: "I", n: 1 };
      expect(() => tr.t(key, { ...values, ...extra }), `${language} ${key}`).not.toThrow();
    }
  });

  it("are translated, rather than copied from the English", () => {
    const same = formWordKeys.filter((key) => english.get(key) === words.get(key) && key !== "components.fileUpload.size");
    expect(same).toEqual([]);
  });
});

describe("coverageOf", () => {
  const def = definitionOf("labour-complaint");
  const complete = textsOf(def);

  it("finds a missing text and a renamed option", () => {
    const texts = new Map(complete);
    texts.delete("pages.details.questions.what-happened.hint");
    const option = "pages.complaint.questions.about.options.other.label";
    texts.set("pages.complaint.questions.about.options.something-else.label", texts.get(option) ?? "");
    texts.delete(option);
    expect(coverageOf(def, texts)).toEqual({
      missing: [option, "pages.details.questions.what-happened.hint"],
      unknown: ["pages.complaint.questions.about.options.something-else.label"],
    });
  });

  it("counts an empty text as missing", () => {
    const texts = new Map(complete).set("title", " ");
    expect(coverageOf(def, texts).missing).toEqual(["title"]);
  });
});
