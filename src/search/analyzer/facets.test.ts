import { describe, expect, it } from "vitest";
import { normalize } from "../../platform/text/normalize.js";
import { isFacet } from "./facets.js";
import { stem } from "./index.js";

const term = (w: string) => stem(normalize(w));

describe("facet words", () => {
  it("knows the words that ask about a service's fees, papers, steps and time, in both languages", () => {
    for (const w of ["رسوم", "الرسوم", "المستندات", "شروط", "fees", "documents", "requirements", "online"])
      expect(isFacet(term(w)), w).toBe(true);
  });

  it("leaves the words that say which service alone", () => {
    for (const w of ["تجديد", "الإقامة", "رخصة", "passport", "renewal", "visa"]) expect(isFacet(term(w)), w).toBe(false);
  });
});
