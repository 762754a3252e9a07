import { describe, expect, it } from "vitest";
import { missingFields, readFields } from "./fields.js";
import type { FieldSpec } from "./model.js";

const specs: FieldSpec[] = [
  { name: "title", type: "text", bilingual: true, required: true },
  { name: "easyRead", type: "textarea", bilingual: true, required: false },
  { name: "startUrl", type: "url", bilingual: false, required: false },
  { name: "maturity", type: "select", bilingual: false, required: true },
  { name: "channels", type: "checkboxes", bilingual: false, required: true },
  { name: "reviewDate", type: "date", bilingual: false, required: false },
];
const choices = {
  maturity: [{ value: "information", label: { ar: "معلومات", en: "Information" } }],
  channels: [{ value: "online", label: { ar: "إلكتروني", en: "Online" } }],
};

describe("readFields", () => {
  it("reads both languages, choices, and folds Arabic-Indic digits in dates", () => {
    const { data, problems } = readFields(
      specs,
      { "title-ar": " عنوان ", "title-en": "Title", maturity: "information", channels: "online", reviewDate: "٢٠٢٧-٠١-٠٢" },
      choices,
    );
    expect(problems).toEqual([]);
    expect(data.title).toEqual({ ar: "عنوان", en: "Title" });
    expect(data.channels).toEqual(["online"]);
    expect(data.reviewDate).toBe("2027-01-02");
  });

  it("refuses links that are not https, unknown choices and impossible dates", () => {
    const { problems } = readFields(
      specs,
      { startUrl: "http://x.example", maturity: "nope", channels: ["online", "fax"], reviewDate: "2027-13-40" },
      choices,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(["channels", "maturity", "reviewDate", "startUrl"]);
  });
});

describe("missingFields", () => {
  it("names each empty required field and each half-translated field, by language", () => {
    const missing = missingFields(specs, {
      title: { ar: "عنوان", en: "" },
      easyRead: { ar: "", en: "Plain words" },
      maturity: "information",
      channels: [],
    });
    expect(missing).toEqual([
      {
        field: "title-en",
        key: "workspace.errors.missingIn",
        values: { field: { key: "workspace.fields.title" }, language: { key: "workspace.form.language.en" } },
      },
      {
        field: "easyRead-ar",
        key: "workspace.errors.missingIn",
        values: { field: { key: "workspace.fields.easyRead" }, language: { key: "workspace.form.language.ar" } },
      },
      { field: "channels", key: "workspace.errors.missing", values: { field: { key: "workspace.fields.channels" } } },
    ]);
  });

  it("lets an optional field stay empty in both languages", () => {
    expect(
      missingFields(specs, {
        title: { ar: "ع", en: "T" },
        easyRead: { ar: "", en: "" },
        maturity: "information",
        channels: ["online"],
      }),
    ).toEqual([]);
  });
});
