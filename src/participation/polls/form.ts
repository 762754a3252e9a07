import type { Problem } from "../../forms/problems.js";
import { dohaDateTimeValues, readDohaDateTime } from "../../platform/http/date-time.js";
import type { Audience } from "../tables.js";
import type { Poll, PollInput, PollOption } from "./repository.js";
import { pollKinds, resultTimings } from "./rules.js";
import { OPTION_ROWS, optionRow, type PollFormBody, pollFormBody } from "./schemas.js";

export const audiences: Audience[] = ["any", "citizens", "residents"];

/** The staff form as typed (or as saved, when editing a draft): shown again as it was. */
export type PollFormValues = PollFormBody & { options: { ar: string; en: string }[] };

const E = "participation.polls.staff.errors";
const QUESTION_MAX = 300;
const DESCRIPTION_MAX = 2000;
const OPTION_MAX = 200;
/** A draft's saved values, for its edit form. */
export function valuesOfPoll(poll: Poll, options: PollOption[]): PollFormValues {
  return {
    agency: poll.agency,
    kind: poll.kind,
    questionAr: poll.questionAr,
    questionEn: poll.questionEn,
    descriptionAr: poll.descriptionAr,
    descriptionEn: poll.descriptionEn,
    multiple: poll.multiple ? "multiple" : "single",
    maxChoices: poll.multiple && poll.maxChoices ? String(poll.maxChoices) : "",
    audience: poll.audience,
    showResults: poll.showResults,
    ...dohaDateTimeValues("opens", poll.opensAt),
    ...dohaDateTimeValues("closes", poll.closesAt),
    action: "draft",
    options: options.map((o) => ({ ar: o.labelAr, en: o.labelEn })),
  };
}

/** Blank values for a new poll: single choice, anyone may vote, results after voting. */
export function blankValues(agencies: string[]): PollFormValues {
  const empty = pollFormBody.parse({});
  return {
    ...empty,
    agency: agencies.length === 1 ? (agencies[0] ?? "") : "",
    kind: "poll",
    multiple: "single",
    audience: "any",
    showResults: "after-vote",
    options: [],
  };
}

/**
 * Reads the staff form: every problem at once (each beside its field), or
 * the poll to save. Empty option rows are ignored; at least two are needed.
 * Publishing also needs a closing time still to come.
 */
export function readPollForm(
  body: unknown,
  ctx: { agencies: string[]; now: Date },
): { values: PollFormValues; problems: Problem[]; poll?: PollInput; options?: { ar: string; en: string }[] } {
  const raw = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const f = pollFormBody.parse(raw);
  const rows = Array.from({ length: OPTION_ROWS }, (_, i) =>
    optionRow.parse({ ar: raw[`optionAr-${i + 1}`], en: raw[`optionEn-${i + 1}`] }),
  );
  const values: PollFormValues = { ...f, options: rows };
  const problems: Problem[] = [];
  const refuse = (field: string, key: string, values?: Record<string, number>) =>
    problems.push({ field, key: `${E}.${key}`, ...(values ? { values } : {}) });

  if (!ctx.agencies.includes(f.agency)) refuse("agency", "agency");
  if (!(pollKinds as readonly string[]).includes(f.kind)) refuse("kind", "kind");
  for (const [name, lang] of [
    ["questionAr", "Ar"],
    ["questionEn", "En"],
  ] as const) {
    if (!f[name]) refuse(name, `question${lang}`);
    else if (f[name].length > QUESTION_MAX) refuse(name, "questionLong", { max: QUESTION_MAX });
  }
  for (const name of ["descriptionAr", "descriptionEn"] as const)
    if (f[name].length > DESCRIPTION_MAX) refuse(name, "descriptionLong", { max: DESCRIPTION_MAX });

  const options: { ar: string; en: string }[] = [];
  rows.forEach((row, i) => {
    if (!row.ar && !row.en) return;
    if (!row.ar) refuse(`optionAr-${i + 1}`, "optionAr", { row: i + 1 });
    else if (!row.en) refuse(`optionEn-${i + 1}`, "optionEn", { row: i + 1 });
    else if (row.ar.length > OPTION_MAX || row.en.length > OPTION_MAX)
      refuse(row.ar.length > OPTION_MAX ? `optionAr-${i + 1}` : `optionEn-${i + 1}`, "optionLong", { max: OPTION_MAX });
    else options.push(row);
  });
  const incomplete = problems.some((p) => p.field.startsWith("option"));
  if (!incomplete && options.length < 2) refuse("optionAr-1", "twoOptions");

  const multiple = f.multiple === "multiple";
  if (f.multiple !== "single" && !multiple) refuse("multiple", "multiple");
  let maxChoices: number | null = null;
  if (multiple && f.maxChoices) {
    const n = /^\d{1,3}$/.test(f.maxChoices) ? Number(f.maxChoices) : Number.NaN;
    const most = Math.max(2, options.length);
    if (!(n >= 2 && n <= most)) refuse("maxChoices", "maxChoices", { most });
    else maxChoices = n;
  }
  if (!(audiences as string[]).includes(f.audience)) refuse("audience", "audience");
  if (!(resultTimings as readonly string[]).includes(f.showResults)) refuse("showResults", "showResults");

  const moments = { opens: readDohaDateTime(f, "opens"), closes: readDohaDateTime(f, "closes") };
  for (const [name, read] of Object.entries(moments)) {
    if ("problem" in read) {
      if (read.problem === "time" || read.problem === "noTime") refuse(`${name}-time`, "time");
      else refuse(`${name}-day`, `${name}Date`);
    }
  }
  const opensAt = "at" in moments.opens ? moments.opens.at : undefined;
  const closesAt = "at" in moments.closes ? moments.closes.at : undefined;
  if (opensAt && closesAt && closesAt <= opensAt) refuse("closes-day", "closesBeforeOpens");
  else if (closesAt && f.action === "publish" && closesAt <= ctx.now) refuse("closes-day", "closesPast");

  if (problems.length || !opensAt || !closesAt) return { values, problems };
  return {
    values,
    problems,
    options,
    poll: {
      agency: f.agency,
      kind: f.kind,
      questionAr: f.questionAr,
      questionEn: f.questionEn,
      descriptionAr: f.descriptionAr,
      descriptionEn: f.descriptionEn,
      multiple,
      maxChoices: multiple ? (maxChoices ?? options.length) : null,
      audience: f.audience as Audience,
      showResults: f.showResults,
      status: f.action === "publish" ? "published" : "draft",
      opensAt,
      closesAt,
    },
  };
}
