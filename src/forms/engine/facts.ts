import { z } from "zod";
import { slugSchema } from "../../platform/http/slug.js";
import type { Problem } from "../problems.js";
import { allQuestions, type Definition } from "./definition.js";

/**
 * A service's facts, stated once on the service (the catalogue keeps them)
 * and read by its page and by the e-service that completes it: what it
 * costs, the documents a person must give, how many working days the
 * agency takes to answer and who may use it. An e-service's definition
 * states the same things for the engine (its fee, its file questions, its
 * target days, its eligibility); `contradictions` says where the two
 * disagree, and publishing either refuses while they do.
 */
export const residencies = ["citizen", "resident", "visitor"] as const;
export type Residency = (typeof residencies)[number];

const text = z.string().trim().min(1).max(300);

export const serviceFeeSchema = z.discriminatedUnion("type", [
  /** The service is free. */
  z.object({ type: z.literal("none") }).strict(),
  /** What a person may pay, in riyals: one amount, or one for each choice they make (one, two or three years). */
  z.object({ type: z.literal("amounts"), amounts: z.array(z.number().min(0).max(1_000_000)).min(1).max(20) }).strict(),
  /** A percentage of a value the person declares, with a minimum. */
  z.object({ type: z.literal("rate"), percent: z.number().min(0).max(100), minimum: z.number().min(0).default(0) }).strict(),
]);
export type ServiceFee = z.infer<typeof serviceFeeSchema>;

export const serviceFactsSchema = z
  .object({
    fee: serviceFeeSchema.optional(),
    /** Working days within which the agency answers (0: straight away). */
    workingDays: z.number().int().min(0).max(365).optional(),
    /** The documents a person gives: an e-service's file questions carry the same ids. */
    documents: z
      .array(
        z
          .object({
            id: slugSchema({ first: "letter", max: 41, message: "ids are lower-case words joined by hyphens" }),
            title: z.object({ ar: text, en: text }).strict(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    /** Who may use it (everyone when omitted). */
    residency: z.array(z.enum(residencies)).min(1).optional(),
  })
  .strict();
export type ServiceFacts = z.infer<typeof serviceFactsSchema>;

/** What the service states besides its facts that an e-service must agree with. */
export interface ServiceStatement {
  agency: string;
  channels: readonly string[];
  facts: ServiceFacts | undefined;
}

/** The fields a contradiction is about, as the service names them. */
export type FactField = "fee" | "workingDays" | "documents" | "residency" | "channels" | "agency";

const amountsText = (amounts: number[]) => [...new Set(amounts)].sort((a, b) => a - b).join(" / ");

/** The e-service's fee as the service would state it. */
export function feeOfDefinition(def: Definition): ServiceFee {
  const fee = def.fee;
  if (fee.type === "none") return { type: "none" };
  if (fee.type === "fixed") return fee.amount === 0 ? { type: "none" } : { type: "amounts", amounts: [fee.amount] };
  if (fee.type === "choice") return { type: "amounts", amounts: Object.values(fee.amounts) };
  return { type: "rate", percent: fee.rate, minimum: fee.minimum };
}

function feeText(fee: ServiceFee | undefined): string {
  if (!fee) return "—";
  if (fee.type === "none") return "0";
  if (fee.type === "amounts") return amountsText(fee.amounts);
  return `${fee.percent}% ≥ ${fee.minimum}`;
}

function sameFee(a: ServiceFee, b: ServiceFee): boolean {
  if (a.type === "amounts" && b.type === "amounts") return amountsText(a.amounts) === amountsText(b.amounts);
  if (a.type === "rate" && b.type === "rate") return a.percent === b.percent && a.minimum === b.minimum;
  return a.type === b.type;
}

const sorted = (list: readonly string[]) => [...new Set(list)].sort().join(", ");

/** Who may use a service, in words of the reader's language (everyone when none is named). */
const whoKey = (list: readonly Residency[] | undefined): { key: string } => ({
  key: `forms.facts.who.${list?.length ? residencies.filter((r) => list.includes(r)).join("-") : "everyone"}`,
});

/**
 * Where an e-service's definition and its service's facts disagree, each a
 * problem naming the field (its `field` one of FactField). Empty when they agree.
 */
export function contradictions(service: ServiceStatement, def: Definition): Problem[] {
  const out: Problem[] = [];
  const facts = service.facts ?? {};
  const problem = (field: FactField, key: string, values?: Problem["values"]) =>
    out.push({ field, key: `forms.facts.${key}`, ...(values ? { values } : {}) });

  if (service.agency !== def.agency) problem("agency", "agency", { eservice: def.agency, service: service.agency });
  if (!service.channels.includes("online")) problem("channels", "online");

  const fee = feeOfDefinition(def);
  if (!facts.fee) problem("fee", "feeMissing", { eservice: feeText(fee) });
  else if (!sameFee(facts.fee, fee)) problem("fee", "fee", { eservice: feeText(fee), service: feeText(facts.fee) });

  if (facts.workingDays === undefined) problem("workingDays", "workingDaysMissing", { eservice: def.targetDays });
  else if (facts.workingDays !== def.targetDays)
    problem("workingDays", "workingDays", { eservice: def.targetDays, service: facts.workingDays });

  const listed = new Set((facts.documents ?? []).map((d) => d.id));
  const asked = allQuestions(def)
    .map(({ question }) => question)
    .filter((q) => q.type === "file");
  // A required upload (when its page applies) is a required document; an optional one ("any evidence you have") need not be listed.
  for (const q of asked) if (q.required && !listed.has(q.id)) problem("documents", "uploadNotListed", { document: q.id });
  const askedIds = new Set(asked.map((q) => q.id));
  for (const d of facts.documents ?? []) if (!askedIds.has(d.id)) problem("documents", "documentNotAsked", { document: d.id });

  const allowed = def.eligibility.residency;
  if (sorted(allowed ?? []) !== sorted(facts.residency ?? []))
    problem("residency", "residency", { eservice: whoKey(allowed), service: whoKey(facts.residency) });
  return out;
}
