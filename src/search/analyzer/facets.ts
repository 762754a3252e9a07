import { normalize } from "../../platform/text/normalize.js";
import { stem } from "./index.js";

/**
 * Words that ask about an aspect of a service (its fees, papers, steps,
 * time, whether it is online) rather than say which service: "كم رسوم
 * تجديد الإقامة", "passport renewal documents required". A query's other
 * words choose the service; these only add to the score of a document that
 * holds them prominently, like words too common to tell documents apart.
 * A query of facet words alone is searched for them as usual.
 */
const FACET_WORDS = [
  "رسوم",
  "رسم",
  "الرسوم",
  "تكلفة",
  "تكلفه",
  "سعر",
  "كلفة",
  "شروط",
  "الشروط",
  "متطلبات",
  "المتطلبات",
  "مستندات",
  "المستندات",
  "اوراق",
  "الاوراق",
  "مطلوبة",
  "المطلوبة",
  "مطلوب",
  "خطوات",
  "الخطوات",
  "اجراءات",
  "الاجراءات",
  "مدة",
  "اونلاين",
  "الكتروني",
  "الكترونيا",
  "معلومات",
  "تفاصيل",
  "fee",
  "fees",
  "cost",
  "costs",
  "price",
  "requirement",
  "requirements",
  "required",
  "documents",
  "papers",
  "steps",
  "procedure",
  "online",
  "information",
  "info",
  "details",
  "long",
];

export const facetStems: ReadonlySet<string> = new Set(FACET_WORDS.map((w) => stem(normalize(w))).filter(Boolean));

/** True when an index term is a facet word's stem. */
export function isFacet(term: string): boolean {
  return facetStems.has(term);
}
