import { describe, expect, it } from "vitest";
import { documentCodeProblem, normaliseDocumentCode } from "../../documents/codes.js";
import { normaliseReference } from "../../eservices/references.js";
import { checkQid, compactIdentifier, normalisePassport, normalisePhone, readSignInIdentifier } from "./identifiers.js";

/** The same digits in Arabic-Indic (٠–٩) and Persian (۰–۹) forms. */
const arabicIndic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const persian = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

describe("one reader for every identifier", () => {
  it("folds digits, separators of every kind, full-width forms and case", () => {
    expect(compactIdentifier("٢٩٠ ٦٣٤–٠١٢٣٤")).toBe("29063401234");
    expect(compactIdentifier("۲۹۰-۶۳۴-۰۱۲۳۴")).toBe("29063401234");
    expect(compactIdentifier("\u200Fhk‐7kmd 3xqa\u200E")).toBe("HK7KMD3XQA");
    expect(compactIdentifier("ＡＢ１２３")).toBe("AB123");
  });

  it("reads a QID typed in Arabic-Indic or Persian digits, with spaces or dashes", () => {
    for (const typed of [arabicIndic("29063401234"), persian("29063401234"), "290-634-01234", " 290 634 01234 "])
      expect(checkQid(typed)).toEqual({ qid: "29063401234" });
  });

  it("reads passport numbers in any case, with spaces and Arabic-Indic digits", () => {
    expect(normalisePassport("ab 123 456")).toBe("AB123456");
    expect(normalisePassport(`p${arabicIndic("1234567")}`)).toBe("P1234567");
    expect(normalisePassport("ab12")).toBeUndefined();
  });

  it("reads phone numbers with 00 or +, Arabic-Indic digits and dashes", () => {
    expect(normalisePhone(arabicIndic("5551-2345"))).toBe("+97455512345");
    expect(normalisePhone(`٠٠${arabicIndic("974 5551 2345")}`)).toBe("+97455512345");
    expect(normalisePhone(persian("+974 5551 2345"))).toBe("+97455512345");
  });

  it("reads references and document codes however they are typed", () => {
    expect(normaliseReference(" hk 7kmd-3xqa ")).toBe("HK-7KMD-3XQA");
    expect(normaliseReference(arabicIndic("HK–7KMD–3XQA").toLowerCase())).toBe("HK-7KMD-3XQA");
    expect(normaliseReference("HK-7KMD-3XQ0")).toBeUndefined();
    expect(normaliseDocumentCode(arabicIndic("kq7d xa3m"))).toBe("KQ7D-XA3M");
    expect(normaliseDocumentCode(persian("KQ7D—XA3M"))).toBe("KQ7D-XA3M");
    expect(normaliseDocumentCode("KQ7D-XA3")).toBeUndefined();
  });

  it("says why a code cannot be one: its length, or the characters no code uses", () => {
    expect(documentCodeProblem("KQ7D-XA3")).toEqual({ kind: "length", length: 7 });
    expect(documentCodeProblem("KQ7D-XA30")).toEqual({ kind: "characters", characters: "0" });
    expect(documentCodeProblem("kq7d-o1a3")).toEqual({ kind: "characters", characters: "O 1" });
  });

  it("reads the sign-in box as an email, a QID or a passport number", () => {
    expect(readSignInIdentifier(" Salem@Example.COM ")).toEqual({ kind: "email", email: "salem@example.com" });
    expect(readSignInIdentifier(arabicIndic("290 634 01234"))).toEqual({ kind: "qid", qid: "29063401234" });
    expect(readSignInIdentifier("n 1234567")).toEqual({ kind: "passport", number: "N1234567" });
    expect(readSignInIdentifier("?")).toBeUndefined();
  });
});
