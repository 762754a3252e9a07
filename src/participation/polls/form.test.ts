import { describe, expect, it } from "vitest";
import { readPollForm } from "./form.js";

const now = new Date("2026-03-10T09:00:00Z");
const base = {
  agency: "ministry-of-municipality",
  kind: "poll",
  questionAr: "سؤال",
  questionEn: "A question",
  "optionAr-1": "أ",
  "optionEn-1": "A",
  "optionAr-4": "ب",
  "optionEn-4": "B",
  multiple: "single",
  audience: "any",
  showResults: "after-vote",
  "opens-day": "15",
  "opens-month": "3",
  "opens-year": "2026",
  "opens-time": "08:00",
  "closes-day": "١",
  "closes-month": "٤",
  "closes-year": "٢٠٢٦",
  "closes-time": "٢٣:٣٠",
  action: "publish",
};
const read = (over: Record<string, unknown> = {}) =>
  readPollForm({ ...base, ...over }, { agencies: ["ministry-of-municipality"], now });

describe("readPollForm", () => {
  it("reads times in Doha time, Arabic-Indic digits too, and skips empty option rows", () => {
    const r = read();
    expect(r.problems).toEqual([]);
    expect(r.poll?.opensAt.toISOString()).toBe("2026-03-15T05:00:00.000Z");
    expect(r.poll?.closesAt.toISOString()).toBe("2026-04-01T20:30:00.000Z");
    expect(r.poll?.status).toBe("published");
    expect(r.options).toEqual([
      { ar: "أ", en: "A" },
      { ar: "ب", en: "B" },
    ]);
  });

  it("gives several answers a maximum: all options when left empty, refused beyond their number", () => {
    expect(read({ multiple: "multiple" }).poll?.maxChoices).toBe(2);
    expect(read({ multiple: "multiple", maxChoices: "3" }).problems.map((p) => p.field)).toEqual(["maxChoices"]);
    expect(read({ multiple: "single", maxChoices: "3" }).poll?.maxChoices).toBeNull();
  });

  it("names every problem by its field, in the order of the form", () => {
    const r = read({ agency: "ministry-of-interior", questionEn: "", "optionEn-4": "", "opens-day": "31", "opens-month": "2" });
    expect(r.poll).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(["agency", "questionEn", "optionEn-4", "opens-day"]);
    expect(r.values.questionAr).toBe("سؤال");
  });

  it("puts a time left empty or mistyped beside the time box, not the date", () => {
    expect(read({ "opens-time": "" }).problems.map((p) => p.field)).toEqual(["opens-time"]);
    expect(read({ "closes-time": "7" }).problems.map((p) => p.field)).toEqual(["closes-time"]);
  });
});
