import { type Address, type Answers, type AnswerValue, groupField } from "./answers.js";
import type { Page, SimpleQuestion } from "./definition.js";

/** What the inputs of a page show: field name → value(s), as a browser would send them. */
export type FormValues = Record<string, string | string[]>;

function simpleValues(q: SimpleQuestion, name: string, value: AnswerValue | undefined, out: FormValues): void {
  if (value === undefined) return;
  switch (q.type) {
    case "date": {
      const [y = "", m = "", d = ""] = String(value).split("-");
      out[`${name}-day`] = String(Number(d));
      out[`${name}-month`] = String(Number(m));
      out[`${name}-year`] = y;
      return;
    }
    case "address": {
      const a = value as Address;
      out[`${name}-zone`] = a.zone;
      out[`${name}-street`] = a.street;
      out[`${name}-building`] = a.building;
      return;
    }
    case "checkboxes":
      out[name] = (value as string[]).map(String);
      return;
    case "declaration":
      out[name] = value === true ? "yes" : "";
      return;
    case "file":
      return;
    default:
      out[name] = String(value);
  }
}

/** The saved answers of a page as the values its inputs show. */
export function formValuesOf(page: Page, answers: Answers): FormValues {
  const out: FormValues = {};
  if (!("questions" in page)) return out;
  for (const q of page.questions) {
    if (q.type === "group") {
      const items = (answers[q.id] as Record<string, AnswerValue>[] | undefined) ?? [];
      items.forEach((item, i) => {
        for (const g of q.questions) simpleValues(g, groupField(q.id, i, g.id), item[g.id], out);
      });
    } else simpleValues(q, q.id, answers[q.id], out);
  }
  return out;
}

/** What was sent, kept as typed, to show again beside the messages when a page is refused. */
export function echoedValues(form: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [name, v] of Object.entries(form)) {
    if (name === "_csrf" || name === "action") continue;
    if (typeof v === "string") out[name] = v.slice(0, 5000);
    else if (Array.isArray(v)) out[name] = v.filter((x): x is string => typeof x === "string").map((x) => x.slice(0, 5000));
  }
  return out;
}
