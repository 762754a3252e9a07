import { fileTypeFromBuffer } from "file-type";
import type { IncomingFile } from "../../platform/http/multipart.js";
import { stripControlCharacters } from "../../platform/text/clean.js";
import type { Refusal } from "../problems.js";

/**
 * The one check of an uploaded file: a file question's answer, or a file sent
 * with a form, against the kinds and size it accepts, by the file's bytes.
 */

/** The kinds of file a question can accept, by what their content is (never by their name). */
export const fileKinds = {
  pdf: { mime: "application/pdf", ext: "pdf" },
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
} as const;
export type FileKind = keyof typeof fileKinds;

export interface FileRule {
  accept: FileKind[];
  maxBytes: number;
}

/** A file name safe to show and to offer back as a download name. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = stripControlCharacters(base)
    .replace(/[\t\n\r"<>|:*?]/g, "")
    .trim()
    .slice(0, 120);
  return cleaned || "file";
}

/**
 * Checks a file against a question's rule, by its size and by the type its
 * bytes show (a renamed executable is refused, whatever its name says).
 */
export async function checkFile(
  file: IncomingFile,
  rule: FileRule,
  label: string,
): Promise<{ kind: FileKind } | { error: Refusal }> {
  const name = cleanName(file.filename);
  if (file.truncated || file.data.length > rule.maxBytes) {
    return {
      error: {
        key: "eservices.errors.fileTooLarge",
        values: { label, name, max: Math.floor(rule.maxBytes / (1024 * 1024)) || 1 },
      },
    };
  }
  if (file.data.length === 0) return { error: { key: "eservices.errors.fileEmpty", values: { label, name } } };
  const detected = await fileTypeFromBuffer(file.data);
  const kind = (Object.keys(fileKinds) as FileKind[]).find((k) => fileKinds[k].mime === detected?.mime);
  if (!kind || !rule.accept.includes(kind)) {
    return {
      error: {
        key: "eservices.errors.fileType",
        values: { label, name, types: rule.accept.map((k) => k.toUpperCase()).join(", ") },
      },
    };
  }
  return { kind };
}
