import type { IncomingFile } from "../../platform/http/multipart.js";
import type { Refusal } from "../problems.js";
import { checkUpload, cleanName, type FileKind } from "../upload.js";

/** The kinds and size a file question (or a form's file field) accepts. */
export interface FileRule {
  accept: FileKind[];
  maxBytes: number;
}

/**
 * Checks a file sent as a question's answer, or with a form, through the one
 * upload check, and says what is wrong in the question's words (its label,
 * the file's name, the limit or the kinds accepted).
 */
export async function checkFile(
  file: IncomingFile,
  rule: FileRule,
  label: string,
): Promise<{ kind: FileKind } | { error: Refusal }> {
  const checked = await checkUpload(file, rule);
  if ("kind" in checked) return checked;
  const name = cleanName(file.filename);
  switch (checked.refused) {
    case "tooLarge":
      return {
        error: {
          key: "forms.errors.fileTooLarge",
          values: { label, name, max: Math.floor(rule.maxBytes / (1024 * 1024)) || 1 },
        },
      };
    case "empty":
      return { error: { key: "forms.errors.fileEmpty", values: { label, name } } };
    case "type":
      return {
        error: {
          key: "forms.errors.fileType",
          values: { label, name, types: rule.accept.map((k) => k.toUpperCase()).join(", ") },
        },
      };
  }
}
