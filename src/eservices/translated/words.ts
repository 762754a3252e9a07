import type { FastifyRequest } from "fastify";
import type { VNode } from "preact";

/**
 * E-service forms in languages other than the portal's two (the workers'
 * portal's languages): the same e-service, its definition's texts and the
 * form's words given by the area that speaks the language. This is what that
 * area gives; routes.tsx serves the forms.
 */

/** The catalogue's words a translated form shows, which each language must give (its own under "form."). */
export const formWordKeys = [
  "components.backLink.label",
  "components.errorMessage.prefix",
  "components.errorSummary.title",
  "components.fileUpload.remove",
  "components.fileUpload.size",
  "components.fileUpload.uploaded",
  "components.stepIndicator.caption",
  "components.stepIndicator.done",
  "errors.invalidField",
  "errors.titlePrefix",
  "eservices.apply.continue",
  "eservices.apply.later",
  "eservices.apply.savedUntil",
  "eservices.check.change",
  "eservices.check.declarationLegend",
  "eservices.check.declarationTitle",
  "eservices.check.fee",
  "eservices.check.submit",
  "eservices.check.title",
  "eservices.fee.none",
  "eservices.stop.changeAnswer",
  "eservices.stop.myHukoomi",
  "forms.answers.none",
  "forms.apply.choose",
  "forms.apply.chooseAll",
  "forms.apply.fileRules",
  "forms.apply.no",
  "forms.apply.optional",
  "forms.apply.yes",
  "forms.errors.choose",
  "forms.errors.chooseSome",
  "forms.errors.declaration",
  "forms.errors.file",
  "forms.errors.fileEmpty",
  "forms.errors.fileTooLarge",
  "forms.errors.fileType",
  "forms.errors.max",
  "forms.errors.min",
  "forms.errors.number",
  "forms.errors.phone",
  "forms.errors.qidCentury",
  "forms.errors.qidDigits",
  "forms.errors.qidLength",
  "forms.errors.required",
  "forms.errors.tooLong",
  "forms.errors.tooManyFiles",
  "forms.errors.wholeNumber",
  "forms.errors.yesNo",
  "forms.prefill.check.edited",
  "forms.prefill.check.registry",
  "forms.prefill.check.unverified",
  "forms.prefill.edited",
  "forms.prefill.fallbackTitle",
  "forms.prefill.fromRecord",
  "forms.prefill.notFound",
  "forms.prefill.unavailable",
  "registries.record.residency",
  // The translated form's own pages: before you start, and sent.
  "form.beforeYouStart",
  "form.signInNeeded",
  "form.saved",
  "form.free",
  "form.signInToStart",
  "form.signInLanguage",
  "form.start",
  "form.notEligible",
  "form.notEligibleHelp",
  "form.draftsTitle",
  "form.continueDraft",
  "form.sentTitle",
  "form.reference",
  "form.nextSteps",
  "form.followOnline",
] as const;

/** An e-service's texts in a language, by their key in the definition (forms/engine/overlay.ts). */
export interface Translation {
  /** The version of the definition translated. */
  version: number;
  texts: ReadonlyMap<string, string>;
}

/** What an area that speaks other languages gives to serve e-service forms in them. */
export interface TranslatedForms {
  /** Where its pages are, with the language as :lang ("/workers/:lang"); the forms are under <prefix>/eservices/. */
  routePrefix: string;
  /** The same, for one language ("/workers/ur"). */
  base(language: string): string;
  /** The e-service's translation into the language, if there is one (else the form has no page in it). */
  translation(language: string, eservice: string): Translation | undefined;
  /** The language's form words, by the keys of formWordKeys. */
  words(language: string): ReadonlyMap<string, string> | undefined;
  direction(language: string): "rtl" | "ltr";
  /** The Intl tag dates are written with in the language. */
  dateTag(language: string): string;
  /** A page in the language's own frame (its header, navigation and footer, with lang and dir). */
  frame(request: FastifyRequest, language: string, page: { title: string; body: VNode }): VNode;
}
