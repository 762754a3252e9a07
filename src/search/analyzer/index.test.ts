import { describe, expect, it } from "vitest";
import { alternativeStems, analyze, analyzeWithOffsets } from "./index.js";

describe("analyzer", () => {
  it("normalises, drops stop words and stems each script its own way", () => {
    expect(analyze("كيف أجدد إقامتي؟")).toEqual(analyze("اجدد الاقامة"));
    expect(analyze("How do I renew my residence permits")).toEqual(["renew", "resid", "permit"]);
    expect(analyze("Driving license")).toEqual(analyze("driving licence"));
    expect(analyze("labor complaint")).toEqual(analyze("Labour Complaint"));
    expect(analyze("QID ٢٠٢٦")).toEqual(["qid", "2026"]);
  });

  it("keeps the offsets of the original words for highlighting", () => {
    const text = "تَجديدُ الإقامة";
    const words = analyzeWithOffsets(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(["تَجديدُ", "الإقامة"]);
    expect(words[1]?.stem).toBe(analyze("اقامتي")[0]);
  });

  it("offers the unstripped stem as a second guess for clitic-looking letters", () => {
    expect(alternativeStems("كهربا")).toContain("كهربا");
    expect(alternativeStems("visa")).toEqual([]);
  });
});
