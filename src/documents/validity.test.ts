import { describe, expect, it } from "vitest";
import { validityStart, validUntilFrom } from "./validity.js";

describe("validity counted from the later of approval and current expiry", () => {
  it("renews a permit expiring in June 2027 for one year to June 2028, not a year from approval", () => {
    const start = validityStart("2027-04-10", "2027-06-30");
    expect(start).toBe("2027-07-01");
    expect(validUntilFrom(start, 12)).toBe("2028-06-30");
  });

  it("counts from the approval when the permit has already expired", () => {
    expect(validityStart("2027-08-01", "2027-06-30")).toBe("2027-08-01");
    expect(validUntilFrom("2027-08-01", 12)).toBe("2028-07-31");
    expect(validityStart("2027-08-01", undefined)).toBe("2027-08-01");
  });
});
