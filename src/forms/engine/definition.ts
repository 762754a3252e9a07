import { z } from "zod";
import { slugSchema } from "../../platform/http/slug.js";
import { registryNames } from "./registries.js";
import { ageRuleShape, ageSet, dateWindowShape, windowSet } from "./rules.js";

/**
 * An e-service definition: what an agency describes once, as JSON (or
 * YAML) checked against this schema; the TypeScript types are derived from
 * it. Every text is in Arabic and English.
 */
const id = slugSchema({ first: "letter", max: 41, message: "ids are lower-case words joined by hyphens" });
const bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) }).strict();

type ConditionShape =
  | { question: string; equals?: string | boolean | undefined; in?: string[] | undefined; answered?: boolean | undefined }
  | { all: ConditionShape[] }
  | { any: ConditionShape[] }
  | { not: ConditionShape };

/** When a page or question applies, from earlier answers. */
export const conditionSchema: z.ZodType<ConditionShape> = z.lazy(() =>
  z.union([
    z
      .object({
        question: id,
        equals: z.union([z.string(), z.boolean()]).optional(),
        in: z.array(z.string()).optional(),
        answered: z.boolean().optional(),
      })
      .strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);
export type Condition = z.infer<typeof conditionSchema>;

/** The questions a condition looks at. */
export function conditionQuestions(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ("all" in condition) return condition.all.flatMap(conditionQuestions);
  if ("any" in condition) return condition.any.flatMap(conditionQuestions);
  if ("not" in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

const option = z.object({ value: slugSchema(), label: bilingual }).strict();

/** What the profile can fill in before the person types. */
export const prefillFields = ["nameAr", "nameEn", "qid", "phone", "email", "nationality"] as const;

/**
 * Where another agency's registry gives the answer (once-only): the
 * registry, and the path of the value in its entry, names joined by dots
 * and numbers picking an item of a list ("sponsor.nameEn", "vehicles.0.plate").
 */
export const prefillFromSchema = z
  .object({
    registry: z.enum(registryNames),
    field: z
      .string()
      .max(100)
      .regex(/^[A-Za-z][A-Za-z0-9]*(\.(\d{1,3}|[A-Za-z][A-Za-z0-9]*))*$/, "a path of names and item numbers joined by dots"),
    /**
     * Only while this holds, from earlier answers: for a question that is
     * about the applicant only in some cases (their own permit, not a
     * family member's).
     */
    when: conditionSchema.optional(),
  })
  .strict();
export type PrefillFrom = z.infer<typeof prefillFromSchema>;

const base = {
  id,
  label: bilingual,
  hint: bilingual.optional(),
  required: z.boolean().default(true),
  condition: conditionSchema.optional(),
  prefill: z.enum(prefillFields).optional(),
  prefillFrom: prefillFromSchema.optional(),
};

const simpleQuestion = z.discriminatedUnion("type", [
  z
    .object({
      ...base,
      type: z.literal("text"),
      maxLength: z.number().int().min(1).max(5000).default(500),
      multiline: z.boolean().default(false),
    })
    .strict(),
  z.object({ ...base, type: z.literal("name-ar") }).strict(),
  z.object({ ...base, type: z.literal("name-en") }).strict(),
  z.object({ ...base, type: z.literal("qid") }).strict(),
  z.object({ ...base, type: z.literal("phone"), international: z.boolean().default(true) }).strict(),
  z.object({ ...base, type: z.literal("email") }).strict(),
  z
    .object({
      ...base,
      type: z.literal("number"),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().default(true),
    })
    .strict(),
  z.object({ ...base, type: z.literal("money"), min: z.number().min(0).default(0), max: z.number().optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal("date"),
      past: z.boolean().default(false),
      future: z.boolean().default(false),
      hijri: z.boolean().default(true),
      /**
       * When the service can be used, relative to this date (typed, or from a
       * registry): from `opensDaysBefore` days before it, until `closesDaysAfter`
       * days after it or until `closesDaysBefore` days before it. `event` names the date in a sentence ("the current permit
       * expires"), for the explanation before starting and on the service page.
       */
      window: z
        .object({ ...dateWindowShape, event: bilingual })
        .strict()
        .refine(windowSet, "a window opens, closes or both, and closes either after the date or before it")
        .optional(),
      /** The date is a date of birth, and the person it names must be this old (`of` names them: "the child"). */
      age: z
        .object({ ...ageRuleShape, of: bilingual })
        .strict()
        .refine(ageSet, "an age rule has a minimum, a maximum or both")
        .optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("select"),
      options: z.array(option).default([]),
      /** Options filled in when the definition is read: "agencies" lists the government bodies (their slugs as values). */
      optionsFrom: z.literal("agencies").optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal("radios"), options: z.array(option).min(2) }).strict(),
  z.object({ ...base, type: z.literal("checkboxes"), options: z.array(option).min(1) }).strict(),
  z.object({ ...base, type: z.literal("yes-no") }).strict(),
  z.object({ ...base, type: z.literal("address") }).strict(),
  z
    .object({
      ...base,
      type: z.literal("file"),
      /** Kinds of file accepted, checked by their content. */
      accept: z
        .array(z.enum(["pdf", "jpeg", "png"]))
        .min(1)
        .default(["pdf", "jpeg", "png"]),
      maxBytes: z
        .number()
        .int()
        .min(1024)
        .max(20 * 1024 * 1024)
        .default(5 * 1024 * 1024),
      maxFiles: z.number().int().min(1).max(10).default(3),
    })
    .strict(),
  z.object({ ...base, type: z.literal("declaration"), text: bilingual }).strict(),
]);

export const questionSchema = z.union([
  simpleQuestion,
  z
    .object({
      ...base,
      type: z.literal("group"),
      /** The questions asked for each item ("add another"). */
      questions: z.array(simpleQuestion).min(1),
      itemLabel: bilingual,
      min: z.number().int().min(0).default(1),
      max: z.number().int().min(1).max(50).default(10),
    })
    .strict(),
]);
export type Question = z.infer<typeof questionSchema>;
export type SimpleQuestion = z.infer<typeof simpleQuestion>;
export type QuestionType = Question["type"];

export const pageSchema = z.union([
  z
    .object({
      id,
      title: bilingual,
      intro: bilingual.optional(),
      questions: z.array(questionSchema).min(1),
      condition: conditionSchema.optional(),
    })
    .strict(),
  z
    .object({
      id,
      /** A page that ends the service, with an explanation (not eligible, use another service…). */
      stop: z.literal(true),
      title: bilingual,
      body: bilingual,
      condition: conditionSchema.optional(),
    })
    .strict(),
]);
export type Page = z.infer<typeof pageSchema>;

/** The fee: fixed, chosen by an answer, or computed from a money answer (a rate with a minimum). */
export const feeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z.object({ type: z.literal("fixed"), amount: z.number().min(0) }).strict(),
  z.object({ type: z.literal("choice"), question: id, amounts: z.record(z.string(), z.number().min(0)) }).strict(),
  z
    .object({
      type: z.literal("computed"),
      /** The money question the fee is computed from. */
      question: id,
      /** Percent of that amount. */
      rate: z.number().min(0).max(100),
      minimum: z.number().min(0).default(0),
      /** Explains the calculation, with {amount}, {rate} and {fee}. */
      explanation: bilingual,
    })
    .strict(),
]);
export type Fee = z.infer<typeof feeSchema>;

/** Where a line of an issued document takes its value: an answer, or one of these. */
export const documentSources = ["reference", "applicant-name", "applicant-qid"] as const;

/**
 * The document an approved request issues (a permit, a certificate): signed
 * by the portal and checkable by anyone at /verify. See src/documents/.
 */
export const issuesSchema = z
  .object({
    /** The kind of document (residence-permit, commercial-registration…). */
    type: id,
    title: bilingual,
    /** How long it is valid from the day it is issued; without it (or validForYearsFrom) it does not expire. */
    validForMonths: z.number().int().min(1).max(120).optional(),
    /** A question whose answer is the number of years it is valid for (takes the place of validForMonths when answered). */
    validForYearsFrom: id.optional(),
    /** The e-service that renews it, offered in the weeks before it expires. */
    renewWith: id.optional(),
    /**
     * In the renewing e-service, the date question filled with this document's
     * expiry date. The renewed document is valid from the later of the approval
     * and the day after that date, so renewing early loses nothing.
     */
    expiryQuestion: id.optional(),
    /** Questions whose first answered one gives the holder's name (else the applicant's). */
    holder: z
      .object({ ar: z.array(id).min(1), en: z.array(id).min(1) })
      .strict()
      .optional(),
    /** What the document states, in order; a line whose question was not answered is left out. */
    fields: z
      .array(z.object({ label: bilingual, from: z.union([z.enum(documentSources), id]) }).strict())
      .min(1)
      .max(30),
  })
  .strict();
export type Issues = z.infer<typeof issuesSchema>;

export const definitionSchema = z
  .object({
    slug: id,
    version: z.number().int().min(1),
    /** The catalogue service this e-service completes. */
    service: id,
    agency: id,
    title: bilingual,
    summary: bilingual,
    /** Who may apply: residency statuses allowed (all when omitted). */
    eligibility: z
      .object({
        residency: z
          .array(z.enum(["citizen", "resident", "visitor"]))
          .min(1)
          .optional(),
      })
      .strict()
      .default({}),
    /** The officers' queue of the agency that receives requests. */
    queue: id,
    /** A select question with the agencies as options: its answer is the agency that receives the request. */
    routeTo: id.optional(),
    /** Working days within which the agency answers. */
    targetDays: z.number().int().min(1).max(365),
    fee: feeSchema.default({ type: "none" }),
    pages: z.array(pageSchema).min(1),
    declaration: bilingual,
    /** What happens after submitting, shown on the confirmation page and in the email. */
    nextSteps: bilingual,
    /** The document issued when a request is approved, if any. */
    issues: issuesSchema.optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    for (const { question } of allQuestions(def as Definition)) {
      if (question.type === "select" && !question.optionsFrom && question.options.length < 2)
        ctx.addIssue({ code: "custom", message: `${question.id} needs at least two options` });
    }
    if (def.routeTo) {
      const target = allQuestions(def as Definition).find(({ question }) => question.id === def.routeTo)?.question;
      if (target?.type !== "select" || target.optionsFrom !== "agencies")
        ctx.addIssue({ code: "custom", message: `routeTo names ${def.routeTo}, which is not a select of agencies` });
    }
    const ids = new Set<string>();
    // Conditions may only look at answers from earlier pages: a page is
    // decided when it is shown, which works without JavaScript.
    const earlier = new Set<string>();
    const checkCondition = (condition: Condition | undefined, where: string) => {
      for (const ref of conditionQuestions(condition)) {
        if (!earlier.has(ref))
          ctx.addIssue({
            code: "custom",
            message: `${where}: the condition names ${ref}, which is not a question on an earlier page`,
          });
      }
    };
    const checkPrefillFrom = (q: Question) => {
      checkCondition(q.prefillFrom?.when, `question ${q.id}: prefillFrom.when`);
      if (q.prefillFrom && q.prefill)
        ctx.addIssue({ code: "custom", message: `question ${q.id}: prefill and prefillFrom cannot both be given` });
      if (q.prefillFrom && (q.type === "file" || q.type === "declaration" || q.type === "group"))
        ctx.addIssue({ code: "custom", message: `question ${q.id}: a registry cannot answer a ${q.type} question` });
      if (q.type === "group" && q.questions.some((g) => g.prefillFrom))
        ctx.addIssue({ code: "custom", message: `group ${q.id}: registries answer questions asked once, not per item` });
    };
    for (const page of def.pages) {
      if (ids.has(page.id)) ctx.addIssue({ code: "custom", message: `page id ${page.id} is used twice` });
      ids.add(page.id);
      checkCondition(page.condition, `page ${page.id}`);
      if ("questions" in page) {
        for (const q of page.questions) {
          if (ids.has(q.id)) ctx.addIssue({ code: "custom", message: `question id ${q.id} is used twice` });
          ids.add(q.id);
          checkCondition(q.condition, `question ${q.id}`);
          checkPrefillFrom(q);
        }
        for (const q of page.questions) {
          earlier.add(q.id);
          if (q.type === "group" && q.questions.some((g) => g.type === "file" || g.type === "declaration")) {
            ctx.addIssue({ code: "custom", message: `group ${q.id}: files and declarations are asked once, not per item` });
          }
        }
      }
    }
    if ((def.fee.type === "choice" || def.fee.type === "computed") && !earlier.has(def.fee.question)) {
      ctx.addIssue({ code: "custom", message: `the fee names ${def.fee.question}, which is not a question` });
    }
    if (def.issues) checkIssues(def, def.issues, ctx);
  });
export type Definition = z.infer<typeof definitionSchema>;

/** An issued document names questions that exist, and answers that can be printed. */
function checkIssues(def: { pages: Page[] }, issues: Issues, ctx: z.RefinementCtx) {
  const questions = new Map(
    def.pages.flatMap((p) => ("questions" in p ? p.questions : [])).map((q) => [q.id, q.type] as [string, QuestionType]),
  );
  const printable = (ref: string, where: string) => {
    const type = questions.get(ref);
    if (!type) ctx.addIssue({ code: "custom", message: `issues: ${where} names ${ref}, which is not a question` });
    else if (type === "file" || type === "declaration")
      ctx.addIssue({ code: "custom", message: `issues: ${where} names ${ref}, a ${type} question, which cannot be printed` });
  };
  for (const field of issues.fields) {
    if ((documentSources as readonly string[]).includes(field.from)) {
      if (questions.has(field.from))
        ctx.addIssue({
          code: "custom",
          message: `issues: ${field.from} is both a question and a document source; rename the question`,
        });
    } else printable(field.from, `the field "${field.label.en}"`);
  }
  for (const ref of [...(issues.holder?.ar ?? []), ...(issues.holder?.en ?? [])]) printable(ref, "the holder");
  if (issues.validForYearsFrom) printable(issues.validForYearsFrom, "validForYearsFrom");
  if (issues.expiryQuestion && !issues.renewWith)
    ctx.addIssue({ code: "custom", message: "issues: expiryQuestion is for the renewing e-service; name it with renewWith" });
}

/** Every question of a definition, with the page it is on. */
export function allQuestions(def: Definition): { page: Page; question: Question }[] {
  return def.pages.flatMap((page) => ("questions" in page ? page.questions.map((question) => ({ page, question })) : []));
}
