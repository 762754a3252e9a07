/**
 * The languages of the workers' portal: Arabic and English, and the
 * languages most workers in the country read. Only the direction lives
 * here; each language's own name and interface words are in
 * content/workers/<code>/interface.yaml.
 */
export const workerLanguages = ["ar", "en", "hi", "ur", "ne", "bn", "tl", "ml", "si"] as const;
export type WorkerLanguage = (typeof workerLanguages)[number];

const rightToLeft = new Set<WorkerLanguage>(["ar", "ur"]);

export function isWorkerLanguage(value: unknown): value is WorkerLanguage {
  return typeof value === "string" && (workerLanguages as readonly string[]).includes(value);
}

export function directionOf(language: WorkerLanguage): "rtl" | "ltr" {
  return rightToLeft.has(language) ? "rtl" : "ltr";
}

/** The pages of the portal, in reading order; "overview" is the language's home (/workers/<code>). */
export const workerPages = ["overview", "rights", "contracts", "wages", "complaints", "eservices"] as const;
export type WorkerPageSlug = (typeof workerPages)[number];

export function isWorkerPage(value: unknown): value is WorkerPageSlug {
  return typeof value === "string" && (workerPages as readonly string[]).includes(value);
}

/** The address of a page in a language. */
export function workerPath(language: WorkerLanguage, page: WorkerPageSlug = "overview"): string {
  return page === "overview" ? `/workers/${language}` : `/workers/${language}/${page}`;
}

/**
 * The portal language whose e-service forms a reader of this language is sent
 * to when an e-service is not translated into it: Arabic readers to the
 * Arabic form, everyone else to the English one.
 */
export function formLocaleFor(language: WorkerLanguage): "ar" | "en" {
  return language === "ar" ? "ar" : "en";
}

/** The Intl tag for dates in a language (Western digits, as the portal writes them everywhere). */
const intlTags: Record<WorkerLanguage, string> = {
  ar: "ar-QA-u-nu-latn",
  en: "en-GB",
  hi: "hi-IN-u-nu-latn",
  ur: "ur-PK-u-nu-latn",
  ne: "ne-NP-u-nu-latn",
  bn: "bn-BD-u-nu-latn",
  tl: "fil-PH",
  ml: "ml-IN-u-nu-latn",
  si: "si-LK-u-nu-latn",
};

export function intlTagOf(language: WorkerLanguage): string {
  return intlTags[language];
}
