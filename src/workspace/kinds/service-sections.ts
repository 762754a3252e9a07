import type { ServiceSections } from "../../catalogue/service.js";

/**
 * The long sections of a service page, as the workspace edits them: the one
 * list every part of the workspace (form, publishing checks, diff, writing to
 * the catalogue, preview) iterates. It must name every section of
 * ServiceSections (the type check says which is missing when a section is
 * added there); an optional section is `required: false`, and an empty
 * optional section is left out of what is published.
 */
export const serviceSectionSpecs = {
  description: { type: "textarea", required: true },
  eligibility: { type: "textarea", required: true },
  requirements: { type: "lines", required: true },
  steps: { type: "lines", required: true },
  fees: { type: "textarea", required: true },
  processingTime: { type: "text", required: true },
  easyRead: { type: "lines", required: false },
} as const satisfies {
  [K in keyof ServiceSections]-?: {
    type: NonNullable<ServiceSections[K]> extends string[] ? "lines" : "text" | "textarea";
    required: undefined extends ServiceSections[K] ? false : true;
  };
};

export type SectionName = keyof typeof serviceSectionSpecs;
export const sectionNames = Object.keys(serviceSectionSpecs) as SectionName[];
