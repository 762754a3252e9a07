import { describe, expect, it } from "vitest";
import { dohaToday as qatarToday } from "../../platform/time/doha.js";
import { addYears, checkAge, checkWindow } from "./rules.js";

describe("a window relative to a date the person gave or a registry returned", () => {
  const window = { opensDaysBefore: 90, closesDaysAfter: 90 };

  it("refuses a renewal 184 days ahead of expiry, saying the day it opens", () => {
    expect(checkWindow("2027-06-09", window, "2026-12-07")).toEqual({
      key: "forms.rules.window.tooEarly",
      values: { opensDay: "2027-03-11", days: 90, dateDay: "2027-06-09" },
    });
  });

  it("opens exactly 90 days before, stays open until 90 days after, then closes", () => {
    expect(checkWindow("2027-03-07", window, "2026-12-07")).toBeUndefined();
    expect(checkWindow("2027-03-08", window, "2026-12-07")?.key).toBe("forms.rules.window.tooEarly");
    expect(checkWindow("2026-09-08", window, "2026-12-07")).toBeUndefined();
    expect(checkWindow("2026-09-07", window, "2026-12-07")).toEqual({
      key: "forms.rules.window.tooLate",
      values: { closedDay: "2026-12-06", days: 90, dateDay: "2026-09-07" },
    });
  });
});

describe("age conditions on a date of birth", () => {
  it("is at least 18 on the 18th birthday, not the day before; leap days fall on 28 February", () => {
    expect(checkAge("2008-12-07", { min: 18 }, "2026-12-07")).toBeUndefined();
    expect(checkAge("2008-12-08", { min: 18 }, "2026-12-07")).toEqual({
      key: "forms.rules.age.tooYoung",
      values: { min: 18 },
    });
    expect(checkAge("2010-01-01", { max: 16 }, "2026-12-07")).toEqual({ key: "forms.rules.age.tooOld", values: { max: 16 } });
    expect(addYears("2008-02-29", 1)).toBe("2009-02-28");
  });

  it("takes today as Qatar's day (UTC+3)", () => {
    expect(qatarToday(new Date("2026-12-07T21:30:00Z"))).toBe("2026-12-08");
    expect(qatarToday(new Date("2026-12-07T20:59:00Z"))).toBe("2026-12-07");
  });
});

describe("a window that closes before the date (a passport that must stay valid)", () => {
  it("is open until 180 days before the date, then refused with the last day", () => {
    const window = { closesDaysBefore: 180 };
    expect(checkWindow("2027-06-05", window, "2026-12-07")).toBeUndefined();
    expect(checkWindow("2027-06-04", window, "2026-12-07")).toEqual({
      key: "forms.rules.window.tooClose",
      values: { lastDay: "2026-12-06", days: 180, dateDay: "2027-06-04" },
    });
  });
});
