import { describe, expect, it } from "vitest";
import { dohaMoment } from "../platform/time/doha.js";
import { bookableDays, isSlotStart, readDayHours, readPeriod, slotStarts } from "./calendar.js";

const hours = { "0": ["07:00-08:00", "16:00-17:00"], "1": ["07:00-08:00"], "2": [], "3": [], "4": [], "5": [], "6": [] };
const cal = { hours, closed: new Set(["2026-12-21"]), bookAheadDays: 14 };

describe("opening hours", () => {
  it("reads periods and refuses what is not one", () => {
    expect(readPeriod("07:30-12:00")).toEqual({ from: 450, to: 720 });
    expect(readPeriod("12:00-07:30")).toBeUndefined();
    expect(readPeriod("7:30-12")).toBeUndefined();
    expect(readDayHours("16:00-20:00، 07:00-13:00")).toEqual(["07:00-13:00", "16:00-20:00"]);
    expect(readDayHours("")).toEqual([]);
    expect(readDayHours("07:00-13:00, 12:00-14:00")).toBeUndefined();
  });

  it("cuts each period into whole visits, in Doha time, only ahead of now", () => {
    const now = dohaMoment("2026-12-13", "07:10");
    expect(slotStarts(cal, "2026-12-13", 20, now).map((d) => d.toISOString())).toEqual([
      "2026-12-13T04:20:00.000Z",
      "2026-12-13T04:40:00.000Z",
      "2026-12-13T13:00:00.000Z",
      "2026-12-13T13:20:00.000Z",
      "2026-12-13T13:40:00.000Z",
    ]);
  });

  it("skips closed days and weekdays without hours, and books no further than allowed", () => {
    const now = dohaMoment("2026-12-13", "06:00");
    expect(bookableDays(cal, now)).toEqual(["2026-12-13", "2026-12-14", "2026-12-20", "2026-12-27"]);
    expect(isSlotStart(cal, dohaMoment("2026-12-21", "07:00"), 30, now)).toBe(false);
    expect(isSlotStart(cal, dohaMoment("2026-12-20", "07:30"), 30, now)).toBe(true);
    expect(isSlotStart(cal, dohaMoment("2026-12-20", "07:45"), 30, now)).toBe(false);
  });
});
