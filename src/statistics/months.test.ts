import { describe, expect, it } from "vitest";
import { demoTransactionCounts } from "./demo.js";
import { addMonths, change, completeMonthsBefore } from "./months.js";

describe("months", () => {
  it("counts back over year ends", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(completeMonthsBefore(new Date("2026-02-10T00:00:00Z"), 3)).toEqual(["2025-11", "2025-12", "2026-01"]);
  });

  it("gives the change from the month before, with none from a zero month", () => {
    expect(change(200, 250)).toBe(0.25);
    expect(change(200, 0)).toBe(-1);
    expect(change(0, 10)).toBeUndefined();
    expect(change(0, 0)).toBeUndefined();
  });
});

describe("the demo history", () => {
  it("is the same every time for the same month, and covers the twelve months before it", () => {
    const now = new Date("2026-11-15T00:00:00Z");
    const a = demoTransactionCounts(now);
    expect(demoTransactionCounts(now)).toEqual(a);
    expect([...new Set(a.map((r) => r.month))]).toEqual(completeMonthsBefore(now, 12));
    expect(a.every((r) => Number.isInteger(r.count) && r.count > 0)).toBe(true);
  });
});
