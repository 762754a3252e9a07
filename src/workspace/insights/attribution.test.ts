import { describe, expect, it } from "vitest";
import { QueryAttribution } from "./attribution.js";

describe("which zero-result searches concern an agency", () => {
  const texts = new Map([
    ["interior", ["وزارة الداخلية", "Ministry of Interior", "تجديد الإقامة", "Renew a residence permit", "iqama"]],
    ["labour", ["وزارة العمل", "Ministry of Labour", "شكوى عمالية", "Labour complaint", "work permit"]],
    ["health", ["وزارة الصحة", "Ministry of Public Health", "Health card", "بطاقة صحية"]],
    ["transport", ["وزارة المواصلات", "Ministry of Transport", "Driving permit", "رخصة قيادة"]],
  ]);
  const a = new QueryAttribution(texts);

  it("matches through the analyzer: folded letters, articles and stems", () => {
    expect(a.concerns("اقامتي", "interior")).toBe(true);
    expect(a.concerns("RESIDENCES", "interior")).toBe(true);
    expect(a.concerns("الشكاوى العمالية", "labour")).toBe(true);
    expect(a.concerns("iqama", "labour")).toBe(false);
  });

  it("ignores words shared by more than three agencies, and stop words", () => {
    expect(a.concerns("ministry", "interior")).toBe(false);
    expect(a.concerns("وزارة", "health")).toBe(false);
    expect(a.concerns("of the", "interior")).toBe(false);
    // "permit" belongs to three agencies: still distinctive enough.
    expect(a.matchingTerms("permit", "transport")).toEqual(["permit"]);
  });
});
