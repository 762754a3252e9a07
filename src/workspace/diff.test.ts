import { describe, expect, it } from "vitest";
import { diffContent } from "./diff.js";
import type { FieldSpec } from "./model.js";

const specs: FieldSpec[] = [
  { name: "title", type: "text", bilingual: true, required: true },
  { name: "channels", type: "checkboxes", bilingual: false, required: true },
];

describe("diffContent", () => {
  it("lists only the changed fields and languages, word by word", () => {
    const changes = diffContent(
      specs,
      { title: { ar: "تجديد الإقامة", en: "Renew a residence permit" }, channels: ["online"] },
      { title: { ar: "تجديد الإقامة", en: "Renew your residence permit" }, channels: ["online", "app"] },
    );
    expect(changes.map((c) => [c.field, c.lang])).toEqual([
      ["title", "en"],
      ["channels", undefined],
    ]);
    const title = changes[0]?.parts ?? [];
    expect(title.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["a"]);
    expect(title.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["your"]);
    expect(
      title
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("Renew a residence permit");
  });

  it("finds nothing between equal versions", () => {
    const same = { title: { ar: "أ", en: "A" }, channels: ["app"] };
    expect(diffContent(specs, same, structuredClone(same))).toEqual([]);
  });

  it("diffs Arabic by whole words, so a change reads right to left as words, not letters", () => {
    const [change] = diffContent(
      specs,
      { title: { ar: "تجديد الإقامة للمقيمين", en: "A" }, channels: [] },
      { title: { ar: "تجديد إقامة المقيمين", en: "A" }, channels: [] },
    );
    expect(change?.lang).toBe("ar");
    const parts = change?.parts ?? [];
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["الإقامة للمقيمين"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["إقامة المقيمين"]);
    // Every part is made of whole words: none starts or ends inside one.
    for (const p of parts)
      for (const word of p.text.trim().split(/\s+/))
        expect(["تجديد", "الإقامة", "للمقيمين", "إقامة", "المقيمين"]).toContain(word);
  });

  it("shows no change nobody made: line endings, spaces and ends of lines", () => {
    const older = { title: { ar: "تجديد  الإقامة\r\nللمقيمين ", en: "Renew a permit" }, channels: ["online"] };
    const newer = { title: { ar: "تجديد الإقامة\nللمقيمين", en: " Renew a permit" }, channels: ["online"] };
    expect(diffContent(specs, older, newer)).toEqual([]);
  });

  it("names choices by their labels in the page's language, not by their stored values", () => {
    const labels: Record<string, string> = { online: "عبر الإنترنت", app: "تطبيق حكومي" };
    const [change] = diffContent(
      specs,
      { title: { ar: "أ", en: "A" }, channels: ["online"] },
      { title: { ar: "أ", en: "A" }, channels: ["online", "app"] },
      { locale: "ar", valueText: (_spec, value) => labels[value] ?? value },
    );
    const text = (change?.parts ?? []).map((p) => p.text).join("");
    expect(text).toContain("عبر الإنترنت");
    expect(text).toContain("تطبيق حكومي");
    expect(text).not.toContain("app");
  });
});
