import { type Residency, residencies, type ServiceFacts, serviceFactsSchema } from "../../forms/engine/facts.js";
import type { Problem } from "../../forms/problems.js";
import { foldDigits } from "../../platform/text/clean.js";
import { fieldProblem, linesOf, listOf, stringOf } from "../fields.js";
import type { Choice, ContentData, FieldSpec } from "../model.js";

/**
 * A service's facts as the workspace edits them (see forms/engine/facts):
 * its fee (amounts, or a rate with a minimum), its working days, the
 * documents a person gives (one a line: id | Arabic title | English title)
 * and who may use it. Read from the form into the facts the catalogue keeps,
 * and back.
 */
export const serviceFactFields: FieldSpec[] = [
  { name: "feeAmounts", type: "text", bilingual: false, required: false },
  { name: "feeRate", type: "number", bilingual: false, required: false },
  { name: "feeMinimum", type: "number", bilingual: false, required: false },
  { name: "workingDays", type: "number", bilingual: false, required: false },
  { name: "requiredDocuments", type: "lines", bilingual: false, required: false },
  { name: "residency", type: "checkboxes", bilingual: false, required: false },
];

export const residencyChoices: Choice[] = residencies.map((r) => ({ value: r, labelKey: `accounts.residency.${r}` }));

const SEPARATOR = " | ";

/** The facts as draft data (every fact field present, empty where the service states nothing). */
export function factsData(facts: ServiceFacts | undefined | null): ContentData {
  const fee = facts?.fee;
  return {
    feeAmounts: fee?.type === "none" ? "0" : fee?.type === "amounts" ? fee.amounts.join(", ") : "",
    feeRate: fee?.type === "rate" ? String(fee.percent) : "",
    feeMinimum: fee?.type === "rate" && fee.minimum ? String(fee.minimum) : "",
    workingDays: facts?.workingDays === undefined ? "" : String(facts.workingDays),
    requiredDocuments: (facts?.documents ?? []).map((d) => [d.id, d.title.ar, d.title.en].join(SEPARATOR)).join("\n"),
    residency: facts?.residency ?? [],
  };
}

/** The facts a draft states (undefined when it states none), or the fields that cannot be read. */
export function readFacts(data: ContentData): { facts: ServiceFacts | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const raw: Record<string, unknown> = {};
  const amounts = foldDigits(stringOf(data, "feeAmounts"))
    .split(/[,،\s]+/)
    .filter(Boolean);
  const rate = stringOf(data, "feeRate");
  if (amounts.length && rate) problems.push(fieldProblem("feeRate", "invalid"));
  else if (rate) raw.fee = { type: "rate", percent: Number(rate), minimum: Number(stringOf(data, "feeMinimum") || 0) };
  else if (amounts.length) {
    const numbers = amounts.map(Number);
    if (numbers.some((n) => !Number.isFinite(n) || n < 0)) problems.push(fieldProblem("feeAmounts", "invalid"));
    raw.fee = numbers.every((n) => n === 0) ? { type: "none" } : { type: "amounts", amounts: numbers.filter((n) => n > 0) };
  }
  const days = stringOf(data, "workingDays");
  if (days) raw.workingDays = Number(days);
  const documents = linesOf(stringOf(data, "requiredDocuments")).map((line) => {
    const [id = "", ar = "", en = ""] = line.split("|").map((part) => part.trim());
    return { id, title: { ar, en } };
  });
  if (documents.length) raw.documents = documents;
  const residency = listOf(data, "residency") as Residency[];
  if (residency.length) raw.residency = residency;
  if (!Object.keys(raw).length) return { facts: undefined, problems };
  const parsed = serviceFactsSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldOf: Record<string, string> = {
      fee: rate ? "feeRate" : "feeAmounts",
      workingDays: "workingDays",
      documents: "requiredDocuments",
      residency: "residency",
    };
    const named = new Set(parsed.error.issues.map((i) => fieldOf[String(i.path[0])] ?? "feeAmounts"));
    for (const field of named) if (!problems.some((p) => p.field === field)) problems.push(fieldProblem(field, "invalid"));
    return { facts: undefined, problems };
  }
  return { facts: parsed.data, problems };
}

/** The form field a contradiction (forms/engine/facts) is about. */
export function factInput(field: string, data: ContentData): string {
  if (field === "fee") return stringOf(data, "feeRate") ? "feeRate" : "feeAmounts";
  if (field === "documents") return "requiredDocuments";
  return field;
}
