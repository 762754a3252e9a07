import { z } from "zod";

export interface SlugRule {
  /** The longest a slug may be; unbounded when not given. */
  max?: number;
  /** What it begins with: a letter (e-service and question ids), a letter or digit (participation items), or anything allowed. */
  first?: "letter" | "alphanumeric";
  /**
   * Hyphens only between words: none first, last or twice running, as the
   * catalogue, open data, the workspace and the administrators name things
   * ("renew-residence-permit", never "-renew" or "renew--permit").
   */
  words?: boolean;
  /** A slash may follow the first character too: a page's path, such as a best bet names ("about/contact"). */
  slashes?: boolean;
  /** The catalogue key of the refusal, for a form's field. */
  message?: string;
}

/**
 * The pattern of a slug: lower-case ASCII letters, digits and hyphens, as the
 * portal names things in addresses and content files.
 */
export function slugPattern({ max, first, words, slashes }: SlugRule = {}): RegExp {
  if (words) {
    const within = max === undefined ? "" : `(?=.{1,${max}}$)`;
    return new RegExp(`^${within}[a-z0-9]+(?:-[a-z0-9]+)*$`);
  }
  const rest = slashes ? "[a-z0-9/-]" : "[a-z0-9-]";
  if (first) {
    const head = first === "letter" ? "[a-z]" : "[a-z0-9]";
    return new RegExp(`^${head}${rest}${max === undefined ? "*" : `{0,${max - 1}}`}$`);
  }
  return new RegExp(`^${rest}${max === undefined ? "+" : `{1,${max}}`}$`);
}

/** The one slug schema (see slugPattern): every address parameter, form field and content file naming a slug reads it. */
export function slugSchema(rule: SlugRule = {}) {
  const pattern = slugPattern(rule);
  return rule.message ? z.string().regex(pattern, rule.message) : z.string().regex(pattern);
}
