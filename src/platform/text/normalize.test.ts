import { describe, expect, it } from "vitest";
import { normalize, words } from "./normalize.js";

describe("normalize", () => {
  it("folds the seats of hamza and madda to bare alef", () => {
    expect(normalize("أإآٱ")).toBe("اااا");
    expect(normalize("إقامة")).toBe(normalize("اقامه"));
  });

  it("folds teh marbuta, alef maksura, waw and yeh with hamza", () => {
    expect(normalize("رخصة")).toBe("رخصه");
    expect(normalize("مستشفى")).toBe("مستشفي");
    expect(normalize("مؤسسة")).toBe("موسسه");
    expect(normalize("هيئة")).toBe("هييه");
  });

  it("removes harakat, tatweel, superscript alef and joiners", () => {
    expect(normalize("تَأْشِيرَة")).toBe("تاشيره");
    expect(normalize("تـــأشـيرة")).toBe("تاشيره");
    expect(normalize("هٰذا")).toBe("هذا");
    expect(normalize("رخ\u200cصة")).toBe("رخصه");
  });

  it("folds Persian and Urdu letter forms", () => {
    expect(normalize("کارت")).toBe("كارت");
    expect(normalize("ویزا")).toBe("ويزا");
    expect(normalize("پاسپورت")).toBe("باسبورت");
  });

  it("folds Arabic-Indic and Persian digits", () => {
    expect(normalize("٢٠٢٦")).toBe("2026");
    expect(normalize("۱۲۳")).toBe("123");
  });

  it("treats Arabic punctuation as a separator", () => {
    expect(words("تأشيرة، إقامة؛ رخصة؟")).toEqual(["تاشيره", "اقامه", "رخصه"]);
  });

  it("lower-cases Latin and strips its accents, applying NFKC", () => {
    expect(normalize("Résidence PERMIT")).toBe("residence permit");
    expect(normalize("ＱＩＤ")).toBe("qid");
    expect(normalize("ﻻ")).toBe("لا");
  });
});
