import { z } from "zod";
import { slugSchema } from "../../platform/http/slug.js";
import { stripControlCharacters } from "../../platform/text/clean.js";
import { checkQid, normalisePassport } from "../../platform/text/identifiers.js";
import { normaliseReference } from "../references.js";
import { type QueueFilter, queueStatuses } from "../repository/cases.js";

/** What the officers' pages accept: the queue's filters and the actions on a case (messages are catalogue keys). */

const day = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "eservices.workspace.errors.date")]);
export const queueQuery = z.object({
  eservice: z.union([z.literal(""), slugSchema({ first: "letter", max: 41 })]).default(""),
  status: z.union([z.literal(""), z.enum(queueStatuses)]).catch(""),
  from: day.default(""),
  to: day.default(""),
  due: z.enum(["", "overdue", "week"]).catch(""),
  assigned: z.enum(["", "me", "unassigned"]).catch(""),
  find: z
    .string()
    .max(60, "eservices.workspace.errors.find")
    .default("")
    .refine((v) => !v.trim() || findFilter(v), "eservices.workspace.errors.find"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The queue's search box: a request reference, an applicant's QID or passport number, however typed. */
export function findFilter(typed: string): QueueFilter["find"] {
  const reference = normaliseReference(typed);
  if (reference) return { reference };
  const qid = checkQid(typed);
  if ("qid" in qid) return { qid: qid.qid };
  const passport = normalisePassport(typed);
  return passport ? { passport } : undefined;
}

export const assignBody = z.object({ assignee: z.uuid("eservices.workspace.errors.assignee") });
export const infoBody = z.object({
  question: z
    .string()
    .transform((s) => stripControlCharacters(s).trim())
    .pipe(z.string().min(1, "eservices.workspace.errors.question").max(2000, "eservices.workspace.errors.questionLong")),
});
export const decideBody = z
  .object({
    decision: z.enum(["approve", "reject"], "eservices.workspace.errors.decision"),
    reason: z
      .string()
      .default("")
      .transform((s) => stripControlCharacters(s).trim())
      .pipe(z.string().max(2000, "eservices.workspace.errors.reasonLong")),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "eservices.workspace.errors.reason" });
  });
