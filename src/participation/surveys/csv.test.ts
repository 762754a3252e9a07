import { describe, expect, it } from "vitest";
import { translator } from "../../platform/i18n/messages.js";
import { answerCell, csvDocument, csvField } from "./csv.js";
import type { SurveyQuestion } from "./questions.js";

describe("survey CSV", () => {
  it("quotes fields with quotes, commas and line breaks (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("مرحباً، شكراً")).toBe("مرحباً، شكراً");
  });

  it("neutralises text a spreadsheet would run as a formula, but not the portal's numbers", () => {
    for (const s of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvField(s).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-4)).toBe("-4");
  });

  it("starts with the byte order mark and ends records with CRLF", () => {
    expect(
      csvDocument([
        ["a", "b"],
        [1, "c"],
      ]),
    ).toBe("\uFEFFa,b\r\n1,c\r\n");
  });

  it("writes answers in the reader's language", () => {
    const q: SurveyQuestion = {
      id: "q1",
      type: "checkboxes",
      required: true,
      label: { ar: "س", en: "Q" },
      options: [
        { value: "o1", label: { ar: "أ", en: "A" } },
        { value: "o2", label: { ar: "ب", en: "B" } },
      ],
    };
    expect(answerCell(q, ["o1", "o2"], "en", translator("en"))).toBe("A; B");
    expect(answerCell(q, ["o2"], "ar", translator("ar"))).toBe("ب");
    expect(answerCell({ id: "q2", type: "yes-no", required: true, label: q.label }, "no", "en", translator("en"))).toBe("No");
    expect(answerCell(q, undefined, "en", translator("en"))).toBe("");
  });
});
