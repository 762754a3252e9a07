import { describe, expect, it } from "vitest";
import { arabicKeysToLatin, latinKeysToArabic, otherLayout } from "./keyboard.js";

describe("wrong keyboard layout", () => {
  it("reads Latin keys as the Arabic layout", () => {
    expect(latinKeysToArabic("hrhlm")).toBe("اقامة");
    expect(latinKeysToArabic("jHadvm")).toBe("تاشيرة");
    expect(latinKeysToArabic("vowm rdh]m")).toBe("رخصة قيادة");
  });

  it("reads Arabic keys as the English layout", () => {
    expect(arabicKeysToLatin("رهسش")).toBe("visa");
    expect(arabicKeysToLatin("حشسسحخقف")).toBe("passport");
    expect(arabicKeysToLatin("لاشىن")).toBe("bank");
  });

  it("swaps only one-script queries", () => {
    expect(otherLayout("hrhlm")).toBe("اقامة");
    expect(otherLayout("رهسش")).toBe("visa");
    expect(otherLayout("visa اقامة")).toBeUndefined();
    expect(otherLayout("2026")).toBeUndefined();
  });
});
