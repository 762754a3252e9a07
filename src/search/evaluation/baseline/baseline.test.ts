import { describe, expect, it } from "vitest";
import { autoFuzziness, BaselineEngine, baselineTerm, baselineTokens } from "./engine.js";
import { luceneArabicNormalize, luceneArabicStem } from "./lucene-arabic.js";

const stem = (w: string) => luceneArabicStem(luceneArabicNormalize(w));

describe("the baseline's Lucene-style Arabic analysis", () => {
  it("removes one prefix, the one-letter و only from words of four letters", () => {
    for (const w of ["الحسن", "والحسن", "بالحسن", "كالحسن", "فالحسن", "وحسن"]) expect(stem(w)).toBe("حسن");
    expect(stem("للاخر")).toBe("اخر");
    expect(stem("وزن")).toBe("وزن");
  });
  it("removes each suffix in turn while two letters remain", () => {
    for (const w of ["ساهدان", "ساهدات", "ساهدون", "ساهدين", "ساهديه", "ساهدية", "ساهده", "ساهدة", "ساهدي", "ساهدهات"]) {
      expect(stem(w)).toBe("ساهد");
    }
    expect(stem("زوجها")).toBe("زوج");
    expect(stem("ال")).toBe("ال");
  });
  it("normalises hamza seats on alef, alef maksura, teh marbuta, tatweel and harakat, but not hamza on waw or yeh", () => {
    expect(luceneArabicNormalize("إأآى")).toBe("اااي");
    expect(luceneArabicNormalize("مَدْرَسَـــة")).toBe("مدرسه");
    expect(luceneArabicNormalize("مسؤول")).toBe("مسؤول");
  });
});

describe("the baseline's English analysis and tokens", () => {
  it("drops the possessive, stop words and stems with Porter", () => {
    expect(baselineTerm("driver's")).toBe("driver");
    expect(baselineTerm("renewing")).toBe("renew");
    expect(baselineTerm("the")).toBeUndefined();
    expect(baselineTerm("٢٠٢٧")).toBe("2027");
  });
  it("splits words as Unicode word segmentation does", () => {
    expect(baselineTokens("e-scooters, 1,000 riyals")).toEqual(["e", "scooters", "1,000", "riyals"]);
  });
  it("allows edits by term length as fuzziness AUTO", () => {
    expect([autoFuzziness("ab"), autoFuzziness("abcde"), autoFuzziness("abcdef")]).toEqual([0, 1, 2]);
  });
});

describe("the baseline engine", () => {
  const doc = (id: string, en: string, ar: string) => ({
    id,
    type: "service" as const,
    slug: id,
    path: `/services/${id}`,
    title: { ar, en },
    summary: { ar: "", en: "" },
    keywords: "",
    body: "",
    personas: [],
    popularity: 0,
  });
  const engine = new BaselineEngine(
    [doc("a", "Renew a residence permit", "تجديد الإقامة"), doc("b", "Pay traffic fines", "دفع المخالفات المرورية")],
    [["fines", "penalties"]],
  );
  it("finds any word, with typos within AUTO, in both scripts", () => {
    expect(engine.search("permt").ids).toEqual(["a"]);
    expect(engine.search("المخالفات").ids).toEqual(["b"]);
    expect(engine.search("nothing here").total).toBe(0);
  });
  it("expands the query through the synonym table only when asked", () => {
    expect(engine.search("penalties").total).toBe(0);
    expect(engine.search("penalties", true).ids).toEqual(["b"]);
  });
});
