import { describe, expect, it } from "vitest";
import { dohaDateTimeValues, readDohaDateTime } from "./date-time.js";

const form = (day: string, month: string, year: string, time: string) => ({
  "opens-day": day,
  "opens-month": month,
  "opens-year": year,
  "opens-time": time,
});

describe("a date and time typed in Doha time", () => {
  it("reads the boxes as that moment in Doha (UTC+3), with Arabic-Indic digits too", () => {
    expect(readDohaDateTime(form("1", "5", "2026", "08:30"), "opens")).toEqual({ at: new Date("2026-05-01T05:30:00Z") });
    expect(readDohaDateTime(form("١", "٥", "٢٠٢٦", "٨:٣٠"), "opens")).toEqual({ at: new Date("2026-05-01T05:30:00Z") });
    expect(readDohaDateTime(form("31", "12", "2026", "23.59"), "opens")).toEqual({ at: new Date("2026-12-31T20:59:00Z") });
  });

  it("says what is wrong: an empty box, a day that does not exist, a year out of range, a time that is not one", () => {
    expect(readDohaDateTime(form("", "5", "2026", "08:30"), "opens")).toEqual({ problem: "missing" });
    expect(readDohaDateTime(form("1", "5", "2026", ""), "opens")).toEqual({ problem: "noTime" });
    expect(readDohaDateTime(form("31", "2", "2026", "08:30"), "opens")).toEqual({ problem: "invalid" });
    expect(readDohaDateTime(form("1", "5", "1926", "08:30"), "opens")).toEqual({ problem: "invalid" });
    expect(readDohaDateTime(form("1", "May", "2026", "08:30"), "opens")).toEqual({ problem: "invalid" });
    expect(readDohaDateTime(form("1", "5", "2026", "24:00"), "opens")).toEqual({ problem: "time" });
    expect(readDohaDateTime(form("1", "5", "2026", "8"), "opens")).toEqual({ problem: "time" });
    expect(readDohaDateTime({}, "opens")).toEqual({ problem: "missing" });
  });

  it("takes the fallback time when the form allows the time to be left empty", () => {
    expect(readDohaDateTime(form("1", "5", "2026", ""), "opens", { fallbackTime: "00:00" })).toEqual({
      at: new Date("2026-04-30T21:00:00Z"),
    });
  });

  it("shows a moment back in the same boxes, in Doha time, and reads them as the same moment", () => {
    const at = new Date("2026-04-30T21:05:00Z");
    const values = dohaDateTimeValues("opens", at);
    expect(values).toEqual({ "opens-day": "1", "opens-month": "5", "opens-year": "2026", "opens-time": "00:05" });
    expect(readDohaDateTime(values, "opens")).toEqual({ at });
  });
});
