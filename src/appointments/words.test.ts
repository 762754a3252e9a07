import { describe, expect, it } from "vitest";
import { translator } from "../platform/i18n/messages.js";
import { dohaMoment } from "../platform/time/doha.js";
import { clockOf, dayInWords, periodsInWords, timeOfDay, weekInWords } from "./words.js";

describe("appointments in words, in Doha time", () => {
  it("gives a time of day in each language, and as the radios carry it", () => {
    const at = dohaMoment("2026-12-13", "16:45");
    expect(timeOfDay(at, "en")).toBe("16:45");
    expect(timeOfDay(at, "ar")).toMatch(/04:45\s?م/);
    expect(clockOf(at)).toBe("16:45");
    expect(dayInWords("2026-12-13", "en")).toBe("Sunday, 13 December 2026");
    expect(dayInWords("2026-12-13", "ar")).toContain("الأحد");
  });

  it("says a day's opening periods, or that it is closed, and the week from Sunday", () => {
    const en = translator("en");
    expect(periodsInWords(["07:00-13:00", "16:00-20:00"], en)).toBe("07:00 to 13:00 and 16:00 to 20:00");
    expect(periodsInWords([], en)).toBe("Closed");
    const week = weekInWords({ "0": ["07:00-13:00"], "1": [], "2": [], "3": [], "4": [], "5": [], "6": ["08:00-12:00"] }, en);
    expect(week.map((d) => d.day)).toEqual(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
    expect(week[6]?.hours).toBe("08:00 to 12:00");
    expect(periodsInWords(["07:00-13:00", "16:00-20:00"], translator("ar"))).toMatch(/^من .* إلى .* و.*/);
  });
});
