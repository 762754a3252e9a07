import { describe, expect, it } from "vitest";
import { dohaDate as isoDay } from "../time/doha.js";
import { formatDate, formatHijri, formatNumber } from "./format.js";

const day = new Date("2026-11-22T09:00:00Z");

describe("dates and numbers", () => {
  it("writes Gregorian dates in each language", () => {
    expect(formatDate(day, "en")).toBe("22 November 2026");
    expect(formatDate(day, "ar")).toBe("22 نوفمبر 2026");
  });

  it("gives the Umm al-Qura Hijri date", () => {
    expect(formatHijri(day, "en")).toBe("12 Jumada II 1448 AH");
    expect(formatHijri(day, "ar")).toBe("12 جمادى الآخرة 1448 هـ");
  });

  it("counts days in the portal's time zone", () => {
    // 22:30 UTC is already the next day in Doha (UTC+3).
    expect(isoDay(new Date("2026-11-22T22:30:00Z"))).toBe("2026-11-23");
  });

  it("groups digits per language", () => {
    expect(formatNumber(375123, "en")).toBe("375,123");
    expect(formatNumber(375123, "ar")).toBe("375,123");
  });
});
