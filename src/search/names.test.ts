import { describe, expect, it } from "vitest";
import { NameMatcher } from "./names.js";

const names = new NameMatcher();
names.add(0, ["الإدارة العامة للجوازات", "General Directorate of Passports", "الجوازات", "Passports"]);
names.add(1, ["وزارة الصحة العامة", "Ministry of Public Health", "الصحة العامة", "MOPH"]);
names.add(2, ["المؤسسة الوطنية للصحة", "National Health Corporation", "الوطنية للصحة", "NHC"]);
names.add(3, ["الهيئة العامة للجمارك", "General Authority of Customs", "الجمارك", "GAC"]);

describe("agencies named the way people say them", () => {
  it("finds a body by a whole name, its acronym or its short name", () => {
    expect(names.match("MOPH")).toEqual([1]);
    expect(names.match("الجوازات")).toEqual([0]);
    expect(names.match("gac")).toEqual([3]);
  });

  it("finds a body by its distinctive words with another word for its kind", () => {
    expect(names.match("passports department")).toEqual([0]);
    expect(names.match("customs authority")).toEqual([3]);
    expect(names.match("هيئة الجمارك")).toEqual([3]);
  });

  it("puts the body whose name also holds the kind said first", () => {
    expect(names.match("health ministry")[0]).toBe(1);
    expect(names.match("وزارة الصحة")[0]).toBe(1);
  });

  it("names nothing for a query about something else", () => {
    expect(names.match("renew passport")).toEqual([]);
    expect(names.match("ministry")).toEqual([]);
    expect(names.match("health card")).toEqual([]);
  });

  it("finds a body named inside a longer query, with the query's other words", () => {
    expect(names.within("MOPH vaccination")).toEqual({ docs: [1], rest: "vaccination" });
    expect(names.within("رسوم الجمارك على السيارات")).toEqual({ docs: [3], rest: "رسوم السيارات" });
    expect(names.within("MOPH")).toBeUndefined();
    expect(names.within("renew health card")).toBeUndefined();
  });
});
