import { describe, expect, it } from "vitest";
import { questionSchema } from "../../forms/engine/definition.js";
import { blankRow, type EditorRow, loadQuestions, questionsFromRows, rowsFromQuestions } from "./questions.js";

const row = (over: Partial<EditorRow>): EditorRow => ({ ...blankRow(), ...over });

describe("the survey question editor", () => {
  it("builds e-service questions from the rows it was given, numbered in order, blank rows left out", () => {
    const { questions, problems } = questionsFromRows([
      row({ type: "yes-no", labelAr: "هل؟", labelEn: "Did you?" }),
      row({}),
      row({ type: "select", labelAr: "أي؟", labelEn: "Which?", options: "أ | A\r\nب | B\n\n", required: "no" }),
      row({ type: "number", labelAr: "كم؟", labelEn: "How many?", min: "٠", max: "10.5" }),
    ]);
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.id, q.type, q.required])).toEqual([
      ["q1", "yes-no", true],
      ["q2", "select", false],
      ["q3", "number", true],
    ]);
    expect(questions[2]).toMatchObject({ min: 0, max: 10.5, integer: false });
    for (const q of questions) expect(questionSchema.safeParse(q).success).toBe(true);
    // Shown again in the editor, they read back the same.
    expect(questionsFromRows(rowsFromQuestions(questions)).questions).toEqual(questions);
  });

  it("names each problem with its row and field", () => {
    const { problems } = questionsFromRows([
      row({ type: "radios", labelAr: "أي؟", options: "only one | one" }),
      row({ type: "text", labelAr: "ن", labelEn: "T", options: "x | y" }),
      row({ type: "number", labelAr: "ن", labelEn: "N", min: "5", max: "1" }),
      row({ type: "file", labelAr: "ن", labelEn: "F" }),
    ]);
    expect(problems.map((p) => [p.field, p.key.split(".").at(-1)])).toEqual([
      ["q1-label-en", "labelEn"],
      ["q1-options", "optionCount"],
      ["q2-options", "noOptions"],
      ["q3-max", "range"],
      ["q4-type", "type"],
    ]);
  });

  it("asks for at least one question", () => {
    expect(questionsFromRows([row({}), row({})]).problems.map((p) => p.key)).toEqual([
      "participation.surveys.editor.errors.none",
    ]);
  });

  it("loads only the types a survey can ask", () => {
    const label = { ar: "س", en: "Q" };
    expect(
      loadQuestions([
        { id: "a", type: "yes-no", label },
        { id: "b", type: "file", label },
      ]).map((q) => q.id),
    ).toEqual(["a"]);
    expect(loadQuestions("nonsense")).toEqual([]);
  });
});
