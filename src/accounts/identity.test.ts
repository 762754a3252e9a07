import { describe, expect, it } from "vitest";
import { checkQid, normalisePhone } from "../platform/text/identifiers.js";
import { checkPassword } from "./identity.js";

describe("QID", () => {
  it("accepts 11 digits with a plausible century, Arabic-Indic digits too", () => {
    expect(checkQid("28563400123")).toEqual({ qid: "28563400123" });
    expect(checkQid("٢٨٥٦٣٤٠٠١٢٣")).toEqual({ qid: "28563400123" });
    expect(checkQid("285 634 00123")).toEqual({ qid: "28563400123" });
  });

  it("names what is wrong", () => {
    expect(checkQid("2856340012")).toEqual({ problem: "length" });
    expect(checkQid("2856340012a")).toEqual({ problem: "digits" });
    expect(checkQid("18563400123")).toEqual({ problem: "century" });
    expect(checkQid("28535600123", "citizen")).toEqual({ problem: "citizenCountry" });
    expect(checkQid("28535600123", "resident")).toEqual({ qid: "28535600123" });
  });
});

describe("phone numbers", () => {
  it("reads local numbers as Qatari and keeps international ones", () => {
    expect(normalisePhone("5551 2345")).toBe("+97455512345");
    expect(normalisePhone("٥٥٥١٢٣٤٥")).toBe("+97455512345");
    expect(normalisePhone("+971 50 123 4567")).toBe("+971501234567");
    expect(normalisePhone("12")).toBeUndefined();
  });
});

describe("passwords", () => {
  it("asks for length and refuses common or personal passwords", () => {
    expect(checkPassword("short", [])).toBe("short");
    expect(checkPassword("password123", [])).toBe("common");
    expect(checkPassword("aaaaaaaaaaaa", [])).toBe("common");
    expect(checkPassword("my28563400123pw", ["28563400123"])).toBe("personal");
    expect(checkPassword("correct horse battery", ["28563400123"])).toBeUndefined();
  });
});
