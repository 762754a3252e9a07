import { describe, expect, it } from "vitest";
import { type Answers, parseAnswer } from "./answers.js";
import { applicableAnswers, firstIncomplete, holds, nextPage, previousPage, questionPages, visiblePages } from "./conditions.js";
import { definitionSchema, type SimpleQuestion } from "./definition.js";
import { computeFee } from "./fees.js";
import { formValuesOf } from "./form-values.js";
import { readPage } from "./page.js";

const t = (ar: string, en = ar) => ({ ar, en });

/** A small definition with a branch, a stop page, a group and a computed fee. */
const sample = () =>
  definitionSchema.parse({
    slug: "sample",
    version: 2,
    service: "sample-service",
    agency: "sample-agency",
    title: t("عينة", "Sample"),
    summary: t("ملخص", "Summary"),
    queue: "general",
    targetDays: 5,
    fee: { type: "computed", question: "value", rate: 5, minimum: 10, explanation: t("{fee}") },
    declaration: t("أقر", "I declare"),
    nextSteps: t("بعد ذلك", "Next"),
    pages: [
      {
        id: "who",
        title: t("من", "Who"),
        questions: [
          {
            id: "for",
            type: "radios",
            label: t("لمن", "For whom"),
            options: [
              { value: "me", label: t("لي") },
              { value: "other", label: t("لغيري") },
            ],
          },
        ],
      },
      {
        id: "other-person",
        title: t("الشخص", "Person"),
        condition: { question: "for", equals: "other" },
        questions: [{ id: "their-qid", type: "qid", label: t("رقمه", "Their QID") }],
      },
      {
        id: "banned",
        stop: true,
        title: t("لا", "No"),
        body: t("لا يمكن", "Not possible"),
        condition: {
          all: [
            { question: "for", equals: "other" },
            { question: "their-qid", equals: "28663400101" },
          ],
        },
      },
      {
        id: "goods",
        title: t("البضائع", "Goods"),
        questions: [
          { id: "value", type: "money", label: t("القيمة", "Value") },
          { id: "note", type: "text", required: false, maxLength: 10, label: t("ملاحظة", "Note") },
        ],
      },
      {
        id: "partners",
        title: t("الشركاء", "Partners"),
        questions: [
          {
            id: "partner",
            type: "group",
            label: t("الشركاء", "Partners"),
            itemLabel: t("شريك", "Partner"),
            min: 1,
            max: 3,
            questions: [
              { id: "name", type: "name-en", label: t("الاسم", "Name") },
              { id: "share", type: "number", min: 1, max: 100, label: t("الحصة", "Share") },
            ],
          },
        ],
      },
    ],
  });

const label = () => "Label";
const q = (question: object) => ({ id: "x", label: t("س"), required: true, ...question }) as SimpleQuestion;
const value = (question: object, form: Record<string, unknown>) => {
  const parsed = parseAnswer(q(question), form, "Label");
  return "value" in parsed ? parsed.value : `error:${parsed.error.key}`;
};

describe("definitions", () => {
  it("derives defaults and keeps the version", () => {
    const def = sample();
    expect(def.version).toBe(2);
    expect(def.eligibility).toEqual({});
    const goods = def.pages[3];
    expect(goods && "questions" in goods && goods.questions[1]).toMatchObject({ required: false, maxLength: 10 });
  });

  it("refuses a question id used twice, a condition on a later page and a fee naming no question", () => {
    const def = sample();
    const broken = structuredClone(def) as unknown as { pages: { id: string; condition?: unknown }[]; fee: { question: string } };
    broken.pages[0] = { ...broken.pages[0], condition: { question: "value", equals: "1" } } as never;
    broken.fee.question = "nothing";
    (broken.pages[1] as { id: string }).id = "who";
    const result = definitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).join("\n");
    expect(messages).toContain("page id who is used twice");
    expect(messages).toContain("names value, which is not a question on an earlier page");
    expect(messages).toContain("the fee names nothing");
  });
});

describe("validation of each question type", () => {
  it("text: required, trimmed, limited", () => {
    expect(value({ type: "text", maxLength: 5, multiline: false }, { x: "  ab  " })).toBe("ab");
    expect(value({ type: "text", maxLength: 5, multiline: false }, { x: "" })).toBe("error:forms.errors.required");
    expect(value({ type: "text", maxLength: 5, multiline: false }, { x: "abcdef" })).toBe("error:forms.errors.tooLong");
    expect(value({ type: "text", required: false, maxLength: 5, multiline: false }, {})).toBeUndefined();
  });

  it("names in the script asked for", () => {
    expect(value({ type: "name-ar" }, { x: "مريم خالد" })).toBe("مريم خالد");
    expect(value({ type: "name-ar" }, { x: "Maryam" })).toBe("error:forms.errors.arabicScript");
    expect(value({ type: "name-en" }, { x: "Maryam Al-Sulaiti" })).toBe("Maryam Al-Sulaiti");
    expect(value({ type: "name-en" }, { x: "مريم" })).toBe("error:forms.errors.englishScript");
  });

  it("national id: checked, Arabic-Indic digits accepted", () => {
    expect(value({ type: "qid" }, { x: "٢٨٦٦٣٤٠٠١٠١" })).toBe("28663400101");
    expect(value({ type: "qid" }, { x: "2866340010" })).toBe("error:forms.errors.qidLength");
    expect(value({ type: "qid" }, { x: "2866340010a" })).toBe("error:forms.errors.qidDigits");
  });

  it("phone: Qatar numbers and, when allowed, international ones", () => {
    expect(value({ type: "phone", international: false }, { x: "5550 0101" })).toBe("+97455500101");
    expect(value({ type: "phone", international: false }, { x: "+44 7700 900123" })).toBe("error:forms.errors.phone");
    expect(value({ type: "phone", international: true }, { x: "+44 7911 123456" })).toBe("+447911123456");
    expect(value({ type: "phone", international: true }, { x: "123" })).toBe("error:forms.errors.phone");
  });

  it("email", () => {
    expect(value({ type: "email" }, { x: " Maryam@Example.QA " })).toBe("maryam@example.qa");
    expect(value({ type: "email" }, { x: "maryam@" })).toBe("error:forms.errors.email");
  });

  it("number and money: digits of either script, limits, two decimals for money", () => {
    expect(value({ type: "number", integer: true, min: 1, max: 10 }, { x: "٧" })).toBe(7);
    expect(value({ type: "number", integer: true, min: 1, max: 10 }, { x: "11" })).toBe("error:forms.errors.max");
    expect(value({ type: "number", integer: true, min: 1, max: 10 }, { x: "0" })).toBe("error:forms.errors.min");
    expect(value({ type: "number", integer: true }, { x: "2.5" })).toBe("error:forms.errors.wholeNumber");
    expect(value({ type: "number", integer: true }, { x: "ten" })).toBe("error:forms.errors.number");
    expect(value({ type: "money", min: 0 }, { x: "12,500.50" })).toBe(12500.5);
    expect(value({ type: "money", min: 0 }, { x: "١٢٬٥٠٠٫٥" })).toBe(12500.5);
    expect(value({ type: "money", min: 0 }, { x: "1.234" })).toBe("error:forms.errors.money");
    expect(value({ type: "money", min: 0 }, { x: "-5" })).toBe("error:forms.errors.money");
  });

  it("date: three boxes, real dates only, past or future when asked", () => {
    const d = (day: string, month: string, year: string) => ({ "x-day": day, "x-month": month, "x-year": year });
    expect(value({ type: "date", past: false, future: false, hijri: true }, d("٥", "3", "2026"))).toBe("2026-03-05");
    expect(value({ type: "date", past: false, future: false, hijri: true }, d("31", "2", "2026"))).toBe(
      "error:forms.errors.dateInvalid",
    );
    expect(value({ type: "date", past: false, future: false, hijri: true }, d("1", "", "2026"))).toBe(
      "error:forms.errors.dateMissing",
    );
    expect(value({ type: "date", past: false, future: false, hijri: true }, {})).toBe("error:forms.errors.dateRequired");
    expect(value({ type: "date", past: true, future: false, hijri: true }, d("1", "1", "2999"))).toBe(
      "error:forms.errors.datePast",
    );
    expect(value({ type: "date", past: false, future: true, hijri: true }, d("1", "1", "2000"))).toBe(
      "error:forms.errors.dateFuture",
    );
  });

  it("choices: only the options offered", () => {
    const options = [
      { value: "a", label: t("أ") },
      { value: "b", label: t("ب") },
    ];
    expect(value({ type: "radios", options }, { x: "a" })).toBe("a");
    expect(value({ type: "select", options }, { x: "z" })).toBe("error:forms.errors.choose");
    expect(value({ type: "checkboxes", options }, { x: ["a", "b", "a"] })).toEqual(["a", "b"]);
    expect(value({ type: "checkboxes", options }, { x: ["a", "z"] })).toBe("error:forms.errors.chooseSome");
    expect(value({ type: "yes-no" }, { x: "no" })).toBe("no");
    expect(value({ type: "yes-no" }, { x: "maybe" })).toBe("error:forms.errors.yesNo");
  });

  it("address: zone, street and building numbers", () => {
    expect(value({ type: "address" }, { "x-zone": "٦٦", "x-street": "820", "x-building": "12" })).toEqual({
      zone: "66",
      street: "820",
      building: "12",
    });
    expect(value({ type: "address" }, { "x-zone": "66", "x-street": "Corniche", "x-building": "12" })).toBe(
      "error:forms.errors.addressNumbers",
    );
  });

  it("files and declarations", () => {
    const file = { id: "f", name: "a.pdf", size: 10, type: "application/pdf" };
    expect(parseAnswer(q({ type: "file", accept: ["pdf"], maxBytes: 2048, maxFiles: 1 }), {}, "L", [file])).toEqual({
      value: [file],
    });
    expect(parseAnswer(q({ type: "file", accept: ["pdf"], maxBytes: 2048, maxFiles: 1 }), {}, "L", [file, file])).toMatchObject({
      error: { key: "forms.errors.tooManyFiles" },
    });
    expect(parseAnswer(q({ type: "file", accept: ["pdf"], maxBytes: 2048, maxFiles: 1 }), {}, "L", [])).toMatchObject({
      error: { key: "forms.errors.file" },
    });
    expect(value({ type: "declaration", text: t("أقر") }, { x: "yes" })).toBe(true);
    expect(value({ type: "declaration", text: t("أقر") }, {})).toBe("error:forms.errors.declaration");
  });
});

describe("conditions and the way through the pages", () => {
  it("evaluates equals, in, answered, not, all and any", () => {
    const answers: Answers = { a: "x", b: ["p", "q"], c: "yes" };
    expect(holds({ question: "a", equals: "x" }, answers)).toBe(true);
    expect(holds({ question: "b", equals: "q" }, answers)).toBe(true);
    expect(holds({ question: "a", in: ["y", "z"] }, answers)).toBe(false);
    expect(holds({ question: "c", equals: true }, answers)).toBe(true);
    expect(holds({ question: "d", answered: false }, answers)).toBe(true);
    expect(holds({ not: { question: "a", equals: "x" } }, answers)).toBe(false);
    expect(
      holds(
        {
          all: [
            { question: "a", equals: "x" },
            { question: "c", equals: "no" },
          ],
        },
        answers,
      ),
    ).toBe(false);
    expect(
      holds(
        {
          any: [
            { question: "a", equals: "x" },
            { question: "c", equals: "no" },
          ],
        },
        answers,
      ),
    ).toBe(true);
  });

  it("shows and skips pages, and stops with an explanation", () => {
    const def = sample();
    expect(visiblePages(def, { for: "me" }).map((p) => p.id)).toEqual(["who", "goods", "partners"]);
    expect(nextPage(def, { for: "me" }, "who")?.id).toBe("goods");
    expect(nextPage(def, { for: "other" }, "who")?.id).toBe("other-person");
    expect(previousPage(def, { for: "me" }, "goods")?.id).toBe("who");
    expect(questionPages(def, { for: "me" })).toHaveLength(3);
    const stopped = { for: "other", "their-qid": "28663400101" };
    expect(nextPage(def, stopped, "other-person")?.id).toBe("banned");
    expect(firstIncomplete(def, { ...stopped, value: 10, partner: [{ name: "A", share: 1 }] })?.id).toBe("banned");
    expect(nextPage(def, { for: "me" }, "partners")).toBeUndefined();
  });

  it("finds the first unanswered page and drops answers that no longer apply", () => {
    const def = sample();
    expect(firstIncomplete(def, {})?.id).toBe("who");
    expect(firstIncomplete(def, { for: "me", value: 5 })?.id).toBe("partners");
    const complete = { for: "me", "their-qid": "29035600102", value: 5, partner: [{ name: "A", share: 100 }] };
    expect(firstIncomplete(def, complete)).toBeUndefined();
    expect(applicableAnswers(def, complete)).not.toHaveProperty("their-qid");
  });
});

describe("reading a page", () => {
  it("keeps good answers, reports each problem against its field", () => {
    const def = sample();
    const goods = def.pages[3];
    if (!goods) throw new Error("no page");
    const outcome = readPage(goods, { for: "me" }, { value: "abc", note: "hello" }, label);
    expect(outcome.errors).toEqual([{ field: "value", key: "forms.errors.money", values: { label: "Label" } }]);
    expect(outcome.answers.note).toBe("hello");
    expect(readPage(goods, {}, { value: "100" }, label)).toEqual({ answers: { value: 100 }, errors: [] });
  });

  it("reads 'add another' items, dropping blank and removed ones", () => {
    const def = sample();
    const partners = def.pages[4];
    if (!partners) throw new Error("no page");
    const form = {
      "partner-0-name": "Ali",
      "partner-0-share": "60",
      "partner-1-name": "Sara",
      "partner-1-share": "40",
      "partner-1-remove": "yes",
      "partner-2-name": "",
      "partner-2-share": "",
    };
    expect(readPage(partners, {}, form, label).answers.partner).toEqual([{ name: "Ali", share: 60 }]);
    const bad = readPage(partners, {}, { "partner-0-name": "علي", "partner-0-share": "60" }, label);
    expect(bad.errors.map((e) => e.field)).toEqual(["partner-0-name"]);
    const none = readPage(partners, {}, {}, label);
    expect(none.errors).toEqual([{ field: "partner-0-name", key: "forms.errors.groupMin", values: { label: "Label", min: 1 } }]);
    expect(formValuesOf(partners, { partner: [{ name: "Ali", share: 60 }] })).toEqual({
      "partner-0-name": "Ali",
      "partner-0-share": "60",
    });
  });
});

describe("fees", () => {
  it("none, fixed, chosen by an answer, and computed with a minimum", () => {
    expect(computeFee({ type: "none" }, {})).toEqual({ amount: 0 });
    expect(computeFee({ type: "fixed", amount: 100 }, {})).toEqual({ amount: 100 });
    expect(computeFee({ type: "choice", question: "years", amounts: { "1": 500, "2": 1000 } }, { years: "2" })).toEqual({
      amount: 1000,
    });
    const fee = sample().fee;
    expect(computeFee(fee, { value: 12345.67 })).toEqual({ amount: 617.28, basis: { amount: 12345.67, rate: 5 } });
    expect(computeFee(fee, { value: 20 })).toEqual({ amount: 10, basis: { amount: 20, rate: 5 } });
  });
});
