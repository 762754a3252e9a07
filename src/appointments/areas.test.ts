import { describe, expect, it } from "vitest";
import { AREA_SLUGS, nearestFirst } from "./areas.js";

describe("areas", () => {
  it("are Qatar's eight municipalities", () => {
    expect(AREA_SLUGS).toHaveLength(8);
  });

  it("put the centres nearest the area first, those in it before the rest, unknown areas last", () => {
    const centres = [
      { slug: "a", area: "al-shamal" },
      { slug: "x", area: "nowhere" },
      { slug: "b", area: "al-wakrah" },
      { slug: "c", area: "doha" },
      { slug: "d", area: "umm-salal" },
    ];
    expect(nearestFirst(centres, "al-wakrah").map((c) => c.slug)).toEqual(["b", "c", "d", "a", "x"]);
    expect(nearestFirst(centres, "al-shamal").map((c) => c.slug)[0]).toBe("a");
    expect(nearestFirst(centres, undefined)).toEqual(centres);
  });
});
