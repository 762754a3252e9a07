import { describe, expect, it } from "vitest";
import { normalize } from "../../platform/text/normalize.js";
import { stemArabic } from "./arabic.js";

const stem = (word: string) => stemArabic(normalize(word));
const same = (...words: string[]) => {
  const stems = new Set(words.map(stem));
  expect(stems.size, `${words.join(" / ")} → ${[...stems].join(" / ")}`).toBe(1);
};

describe("Arabic light stemmer", () => {
  it("removes the article and the clitics joined to it", () => {
    same("الإقامة", "إقامة", "والإقامة", "بالإقامة", "للإقامة", "فالإقامة", "كالإقامة");
  });

  it("removes a single joined conjunction or preposition", () => {
    same("وتأشيرة", "تأشيرة");
    same("لتجديد", "تجديد");
    same("بطلب", "طلب");
  });

  it("keeps words whose first letter only looks like a clitic", () => {
    expect(stem("وزارة")).toBe("وزار");
    expect(stem("بطاقة")).toBe("بطاق");
    expect(stem("فحص")).toBe("فحص");
    expect(stem("لجنة")).toBe("لجن");
    expect(stem("كهرباء")).toBe("كهرباء");
    same("بطاقتي", "بطاقة", "بطاقات", "البطاقة", "بالبطاقة");
    same("وزارتي", "وزارة", "الوزارات");
  });

  it("removes pronoun suffixes and restores the teh marbuta before them", () => {
    same("إقامتي", "إقامة");
    same("رخصتي", "رخصة");
    same("جوازي", "جواز");
    same("سيارتي", "سيارة");
    same("تأشيرتها", "تأشيرة");
    same("طلباتنا", "طلبات", "طلب");
    same("مخالفاتي", "مخالفات", "مخالفة");
  });

  it("meets singular, sound plural and dual forms on one stem", () => {
    same("خدمة", "خدمات", "الخدمات");
    same("شهادة", "شهادات", "شهاداتي");
    same("مواطن", "مواطنون", "مواطنين");
    same("تأمين", "التأمينات");
    same("الشخصية", "شخصي");
  });

  it("maps the broken plurals of key terms to their singular", () => {
    same("تصاريح", "تصريح", "التصاريح");
    same("عمال", "عامل", "العمال");
    same("رخص", "رخصة");
    same("وثائق", "وثيقة");
    same("مدارس", "مدرسة");
  });

  it("leaves short words alone", () => {
    expect(stem("في")).toBe("في");
    expect(stem("حق")).toBe("حق");
  });
});
