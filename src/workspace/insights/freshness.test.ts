import { describe, expect, it } from "vitest";
import { addDays } from "../../platform/time/doha.js";
import { daysUntil, reviewState } from "./freshness.js";

describe("review dates", () => {
  it("counts days across months and years", () => {
    expect(addDays("2026-12-20", 15)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysUntil("2026-11-03", "2026-11-23")).toBe(-20);
    expect(daysUntil("2026-12-03", "2026-11-23")).toBe(10);
  });

  it("is overdue only after the review date", () => {
    expect(reviewState("2026-11-22", "2026-11-23")).toBe("overdue");
    expect(reviewState("2026-11-23", "2026-11-23")).toBe("due-soon");
  });
});
