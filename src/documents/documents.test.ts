import { describe, expect, it } from "vitest";
import { loadDefinitionFiles } from "../eservices/content.js";
import type { Definition } from "../forms/engine/definition.js";
import { definitionSchema } from "../forms/engine/definition.js";
import { canonicalJson } from "../platform/text/canonical-json.js";
import { addDays } from "../platform/time/doha.js";
import { CODE_ALPHABET, newDocumentCode, normaliseDocumentCode } from "./codes.js";
import { carryOverAnswers } from "./renewal.js";
import { canRenew, documentStatus, validUntilFor } from "./validity.js";

describe("document codes", () => {
  it("are two groups of four characters that cannot be mistaken for others", () => {
    for (let i = 0; i < 200; i++) expect(newDocumentCode()).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`));
    for (const lookAlike of ["0", "O", "1", "I", "L", "5", "S", "8", "B", "2", "Z"])
      expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it("are read however they are typed", () => {
    expect(normaliseDocumentCode("kq7d-xa3m")).toBe("KQ7D-XA3M");
    expect(normaliseDocumentCode(" KQ7D XA3M ")).toBe("KQ7D-XA3M");
    expect(normaliseDocumentCode("kq7dxa3m")).toBe("KQ7D-XA3M");
    expect(normaliseDocumentCode("KQ٧D–XA٣M")).toBe("KQ7D-XA3M");
    expect(normaliseDocumentCode("KQ7D-XA3")).toBeUndefined();
    expect(normaliseDocumentCode("KQ0D-XA3M")).toBeUndefined();
    expect(normaliseDocumentCode("HK-KQ7D-XA3M")).toBeUndefined();
  });
});

describe("canonical JSON", () => {
  it("gives the same text whatever the order of the keys", () => {
    const a = { b: 1, a: { d: [1, { y: "x", x: "y" }], c: null }, e: "عربي" };
    const b = { e: "عربي", a: { c: null, d: [1, { x: "y", y: "x" }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"x":"y","y":"x"}]},"b":1,"e":"عربي"}');
  });
});

describe("validity", () => {
  it("runs to the day before the same date months later, in Qatar", () => {
    expect(validUntilFor(new Date("2026-03-10T09:00:00+03:00"), 12)).toBe("2027-03-09");
    expect(validUntilFor(new Date("2026-01-31T09:00:00+03:00"), 1)).toBe("2026-02-27");
    // 22:30 UTC on 9 March is already 10 March in Doha.
    expect(validUntilFor(new Date("2026-03-09T22:30:00Z"), 24)).toBe("2028-03-09");
  });

  it("tells valid, expiring, expired and revoked apart", () => {
    const now = new Date("2026-06-01T12:00:00+03:00");
    const at = (validUntil: string | null, revokedAt: Date | null = null) => documentStatus({ validUntil, revokedAt }, now);
    expect(at(null)).toBe("valid");
    expect(at("2026-09-01")).toBe("valid");
    expect(at(addDays("2026-06-01", 30))).toBe("expiring");
    expect(at("2026-06-01")).toBe("expiring");
    expect(at("2026-05-31")).toBe("expired");
    expect(at("2026-09-01", now)).toBe("revoked");
    expect(canRenew({ validUntil: "2026-06-10", revokedAt: null, renewWith: "x" }, now)).toBe(true);
    expect(canRenew({ validUntil: "2026-06-10", revokedAt: null, renewWith: null }, now)).toBe(false);
    expect(canRenew({ validUntil: "2026-09-10", revokedAt: null, renewWith: "x" }, now)).toBe(false);
  });
});

describe("renewal answers", () => {
  const renewal = loadDefinitionFiles().find((d) => d.slug === "residence-permit-renewal") as Definition;

  it("carries answers that still fit, never files or choices no longer offered", () => {
    const answers = {
      "permit-for": "myself",
      "sponsor-name": "Gulf Trading",
      years: "9",
      "passport-copy": [{ id: "f", name: "p.pdf", size: 1, type: "application/pdf" }],
      "not-asked-now": "x",
    };
    expect(carryOverAnswers(renewal, answers, renewal)).toEqual({ "permit-for": "myself", "sponsor-name": "Gulf Trading" });
  });

  it("refuses an issues block that names what is not there", () => {
    const broken = {
      ...renewal,
      issues: {
        type: "x",
        title: { ar: "س", en: "X" },
        expiryQuestion: "expiry-date",
        fields: [{ label: { ar: "س", en: "X" }, from: "nope" }],
      },
    };
    const messages = definitionSchema.safeParse(broken).error?.issues.map((i) => i.message) ?? [];
    expect(messages.some((m) => m.includes("nope, which is not a question"))).toBe(true);
    expect(messages.some((m) => m.includes("expiryQuestion"))).toBe(true);
    const file = {
      ...broken,
      issues: { ...broken.issues, expiryQuestion: undefined, fields: [{ label: { ar: "س", en: "X" }, from: "photograph" }] },
    };
    expect(definitionSchema.safeParse(file).error?.issues[0]?.message).toContain("cannot be printed");
  });
});
