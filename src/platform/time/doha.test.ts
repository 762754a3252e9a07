import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  dohaDate,
  dohaDateTimeLocal,
  dohaDayStart,
  dohaMoment,
  dohaNoon,
  dohaToday,
  formatDohaMinute,
  fromDohaDateTimeLocal,
} from "./doha.js";
import { addWorkingDays } from "./working-days.js";

describe("Doha time (UTC+3, no daylight saving)", () => {
  it("between 00:00 and 03:00 in Doha, today is already the next day while the UTC date is not", () => {
    // 00:30 on 23 November in Doha is 21:30 on 22 November UTC.
    const justAfterMidnight = new Date("2026-11-22T21:30:00Z");
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe("2026-11-22");
    expect(dohaToday(justAfterMidnight)).toBe("2026-11-23");
    // 02:59 in Doha, still the same Doha day.
    expect(dohaDate(new Date("2026-11-22T23:59:00Z"))).toBe("2026-11-23");
    // 03:00 in Doha: the UTC date catches up.
    expect(dohaDate(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    // 23:59 in Doha is 20:59 UTC: still the same day in both.
    expect(dohaDate(new Date("2026-11-23T20:59:59Z"))).toBe("2026-11-23");
  });

  it("starts a Doha day at 21:00 UTC the day before, and knows the next one", () => {
    expect(dohaDayStart("2026-11-23").toISOString()).toBe("2026-11-22T21:00:00.000Z");
    expect(dohaDayStart("2026-11-30", 1).toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(dohaDayStart("2026-12-31", 1).toISOString()).toBe("2026-12-31T21:00:00.000Z");
    expect(dohaDate(dohaDayStart("2026-11-23"))).toBe("2026-11-23");
    expect(dohaDate(new Date(dohaDayStart("2026-11-23").getTime() - 1))).toBe("2026-11-22");
  });

  it("reads and writes moments as Doha wall-clock times", () => {
    expect(dohaMoment("2026-11-23", "08:00").toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(dohaNoon("2026-11-23").toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(dohaDateTimeLocal(new Date("2026-11-22T22:15:00Z"))).toBe("2026-11-23T01:15");
    expect(fromDohaDateTimeLocal("2026-11-23T01:15").toISOString()).toBe("2026-11-22T22:15:00.000Z");
    expect(Number.isNaN(fromDohaDateTimeLocal("2026-13-40T01:15").getTime())).toBe(true);
    expect(formatDohaMinute(new Date("2026-11-22T22:15:00Z"))).toBe("2026-11-23 01:15");
  });

  it("moves days across months and years and counts between them", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-23", "2026-12-03")).toBe(10);
    expect(daysBetween("2026-12-03", "2026-11-23")).toBe(-10);
  });

  it("counts working days (Sunday to Thursday) in Doha, even just after midnight there", () => {
    // Thursday 00:30 in Doha is Wednesday 21:30 UTC: one working day later is Sunday in Doha.
    const thursdayInDoha = new Date("2026-11-25T21:30:00Z");
    expect(addWorkingDays(thursdayInDoha, 1).toISOString()).toBe("2026-11-28T21:30:00.000Z");
  });
});
