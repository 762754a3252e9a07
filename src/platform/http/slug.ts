import { z } from "zod";

export interface SlugRule {
  /** The longest a slug may be; unbounded when not given. */
  max?: number;
  /** What it begins with: a letter (e-service and question ids), a letter or digit (participation items), or anything allowed. */
  first?: "letter" | "alphanumeric";
  /** The catalogue key of the refusal, for a form's field. */
  message?: string;
}

/**
 * The pattern of a slug: lower-case ASCII letters, digits and hyphens, as the
 * portal names things in addresses and content files.
 */
export function slugPattern({ max, first }: SlugRule = {}): RegExp {
  if (first) {
    const head = first === "letter" ? "[a-z]" : "[a-z0-9]";
    return new RegExp(`^${head}[a-z0-9-]{0,${(max ?? 1000) - 1}}$`);
  }
  return max === undefined ? /^[a-z0-9-]+$/ : new RegExp(`^[a-z0-9-]{1,${max}}$`);
}

/** The one slug schema (see slugPattern): every address parameter, form field and content file naming a slug reads it. */
export function slugSchema(rule: SlugRule = {}) {
  const pattern = slugPattern(rule);
  return rule.message ? z.string().regex(pattern, rule.message) : z.string().regex(pattern);
}
