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
});
