import { describe, expect, it } from "vitest";
import type { AnswerSources } from "./answers.js";
import { definitionSchema, questionSchema, type SimpleQuestion } from "./definition.js";
import { valueAt } from "./registries.js";
import { registryAnswer, sourcesAfterPage } from "./sources.js";

const label = { ar: "سؤال", en: "Question" };
const question = (q: Record<string, unknown>) => questionSchema.parse({ id: "q", label, ...q }) as SimpleQuestion;

const record = {
  expiryDate: "2027-01-27",
  sponsor: { nameEn: "Gulf Horizon Engineering W.L.L.", crNumber: "98231" },
  address: { zone: "38", street: "950", building: "17" },
  vehicles: [{ plate: "540318" }],
};

describe("registry values as answers", () => {
  it("reads a path of names and item numbers", () => {
    expect(valueAt(record, "sponsor.crNumber")).toBe("98231");
    expect(valueAt(record, "vehicles.0.plate")).toBe("540318");
    expect(valueAt(record, "vehicles.1.plate")).toBeUndefined();
    expect(valueAt(record, "sponsor.toString")).toBeUndefined();
  });

  it("passes each value through the question's own checks", () => {
    expect(registryAnswer(question({ type: "date" }), record.expiryDate)).toBe("2027-01-27");
    expect(registryAnswer(question({ type: "date", past: true }), record.expiryDate)).toBeUndefined();
    expect(registryAnswer(question({ type: "address" }), record.address)).toEqual(record.address);
    expect(registryAnswer(question({ type: "text", maxLength: 20 }), record.sponsor.nameEn)).toBeUndefined();
    expect(registryAnswer(question({ type: "text" }), record.sponsor.nameEn)).toBe("Gulf Horizon Engineering W.L.L.");
    expect(registryAnswer(question({ type: "text" }), record.sponsor)).toBeUndefined();
    expect(registryAnswer(question({ type: "qid" }), "29035600102")).toBe("29035600102");
    expect(registryAnswer(question({ type: "qid" }), "123")).toBeUndefined();
    expect(registryAnswer(question({ type: "text" }), undefined)).toBeUndefined();
  });
});

describe("sources after a page is saved", () => {
  const q = question({ type: "text" });
  const at = "2026-11-22T10:00:00.000Z";
  const fromRegistry: AnswerSources = { q: { kind: "registry", registry: "residency", agency: "ministry-of-interior", at } };

  it("flags a registry's answer the person changed, keeping what the registry said, and unflags it when changed back", () => {
    const edited = sourcesAfterPage([q], { q: "Gulf Horizon" }, { q: "Other Employer" }, fromRegistry);
    expect(edited.q).toEqual({
      kind: "edited",
      registry: "residency",
      agency: "ministry-of-interior",
      at,
      original: "Gulf Horizon",
    });
    expect(sourcesAfterPage([q], { q: "Gulf Horizon" }, { q: "Gulf Horizon" }, fromRegistry)).toEqual(fromRegistry);
    expect(sourcesAfterPage([q], { q: "Other Employer" }, { q: "Gulf Horizon" }, edited)).toEqual(fromRegistry);
  });

  it("leaves what the person typed after a failed read marked for the officer", () => {
    const unverified: AnswerSources = {
      q: { kind: "unverified", registry: "residency", agency: "ministry-of-interior", reason: "down" },
    };
    expect(sourcesAfterPage([q], {}, { q: "Typed" }, unverified)).toEqual(unverified);
  });
});

describe("prefillFrom in a definition", () => {
  const base = {
    slug: "x",
    version: 1,
    service: "x",
    agency: "ministry-of-interior",
    title: label,
    summary: label,
    queue: "q",
    targetDays: 1,
    declaration: label,
    nextSteps: label,
  };
  const withQuestions = (...questions: Record<string, unknown>[]) =>
    definitionSchema.safeParse({
      ...base,
      pages: [
        { id: "p1", title: label, questions: [{ id: "who", type: "yes-no", label }] },
        { id: "p2", title: label, questions },
      ],
    });

  it("names a known registry and a path, and may hold only while an earlier answer does", () => {
    expect(
      withQuestions({
        id: "a",
        type: "text",
        label,
        prefillFrom: { registry: "residency", field: "sponsor.nameEn", when: { question: "who", equals: "yes" } },
      }).success,
    ).toBe(true);
    expect(withQuestions({ id: "a", type: "text", label, prefillFrom: { registry: "passports", field: "number" } }).success).toBe(
      false,
    );
    expect(withQuestions({ id: "a", type: "text", label, prefillFrom: { registry: "residency", field: "a..b" } }).success).toBe(
      false,
    );
    const later = withQuestions({
      id: "a",
      type: "text",
      label,
      prefillFrom: { registry: "residency", field: "x", when: { question: "a", answered: true } },
    });
    expect(later.error?.issues.map((i) => i.message).join()).toContain("prefillFrom.when");
  });

  it("is refused on files, declarations, group items, and beside a profile prefill", () => {
    const messages = (q: Record<string, unknown>) =>
      withQuestions(q)
        .error?.issues.map((i) => i.message)
        .join("\n") ?? "";
    expect(messages({ id: "f", type: "file", label, prefillFrom: { registry: "residency", field: "x" } })).toContain(
      "cannot answer a file",
    );
    expect(
      messages({
        id: "g",
        type: "group",
        label,
        itemLabel: label,
        questions: [{ id: "plate", type: "text", label, prefillFrom: { registry: "vehicles", field: "vehicles.0.plate" } }],
      }),
    ).toContain("not per item");
    expect(
      messages({ id: "n", type: "qid", label, prefill: "qid", prefillFrom: { registry: "residency", field: "qid" } }),
    ).toContain("cannot both be given");
  });
});
