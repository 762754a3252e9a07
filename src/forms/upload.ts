import { fileTypeFromBuffer } from "file-type";
import { stripControlCharacters } from "../platform/text/clean.js";

/**
 * The one check of an uploaded file, whoever takes it (an e-service
 * question, the answer to an agency's request, the workspace's downloadable
 * forms, an open-data CSV file): its size, whether it is empty, and, when
 * the upload is limited to some kinds, its kind by its bytes. Each caller
 * says what a refusal means in its own words.
 */

/** The kinds of file an upload can be limited to, by what their content is (never by their name). */
export const fileKinds = {
  pdf: { mime: "application/pdf", ext: "pdf" },
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
} as const;
export type FileKind = keyof typeof fileKinds;

/** What an upload may be: at most `maxBytes`, and one of `accept` when given (any content otherwise). */
export interface UploadRule {
  maxBytes: number;
  accept?: readonly FileKind[];
}

/** Why an upload was refused: too large (or cut off where the reader stopped), empty, or not a kind accepted. */
export type UploadRefusal = "tooLarge" | "empty" | "type";

/** An upload's bytes, and whether the reader cut them off at its limit. */
export interface UploadBytes {
  data: Uint8Array;
  truncated?: boolean;
}

/**
 * Checks an upload against its rule: its size first, then whether it has
 * any bytes, then the kind its bytes show (a renamed executable is refused,
 * whatever its name says).
 */
export async function checkUpload(
  file: UploadBytes,
  rule: UploadRule & { accept: readonly FileKind[] },
): Promise<{ kind: FileKind } | { refused: UploadRefusal }>;
export async function checkUpload(file: UploadBytes, rule: UploadRule): Promise<{ kind?: FileKind } | { refused: UploadRefusal }>;
export async function checkUpload(
  file: UploadBytes,
  rule: UploadRule,
): Promise<{ kind?: FileKind } | { refused: UploadRefusal }> {
  if (file.truncated || file.data.byteLength > rule.maxBytes) return { refused: "tooLarge" };
  if (file.data.byteLength === 0) return { refused: "empty" };
  if (!rule.accept) return {};
  const detected = await fileTypeFromBuffer(file.data);
  const kind = (Object.keys(fileKinds) as FileKind[]).find((k) => fileKinds[k].mime === detected?.mime);
  return kind && rule.accept.includes(kind) ? { kind } : { refused: "type" };
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
