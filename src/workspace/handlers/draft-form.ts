import { randomUUID } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { checkUpload } from "../../forms/upload.js";
import type { Db } from "../../platform/db/client.js";
import { readForm } from "../../platform/http/multipart.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { fieldProblem, readFields } from "../fields.js";
import type { ContentData, ContentKind } from "../model.js";
import { FORM_UPLOAD, LONG_TEXT, safeFileName } from "../route-table.js";

/**
 * Reads a posted draft: the kind's fields, and for a kind with a file the
 * uploaded file (kept in the file storage, its key in `stored`) or else the
 * file the draft had.
 */
export async function readDraft(
  db: Db,
  storage: FileStorage,
  request: FastifyRequest,
  kind: ContentKind,
  agency: string,
  previous: ContentData | undefined,
) {
  const { fields, files } = readForm(request.body);
  const choices = await kind.choices(db, agency);
  const { data, problems } = readFields(kind.fields, fields, choices);
  if (!problems.length && kind.checkDraft) problems.push(...(await kind.checkDraft(data, db, agency)));
  let stored: string | undefined;
  /** The draft's own file, as it was before this upload: what the form shows again if the save is refused. */
  const before: Record<string, string | undefined> = {};
  for (const spec of kind.fields.filter((f) => f.type === "file")) {
    const upload = files[spec.name]?.[0];
    const fileFields = [spec.name, "fileKey", "contentType", "sizeBytes"];
    for (const key of fileFields) {
      const kept = previous?.[key];
      before[key] = typeof kept === "string" ? kept : undefined;
    }
    if (!upload) {
      for (const key of fileFields) {
        const kept = before[key];
        if (kept !== undefined) data[key] = kept;
      }
      continue;
    }
    // Too large, empty or not a PDF: the field is refused with one message.
    if ("refused" in (await checkUpload(upload, FORM_UPLOAD))) problems.push(fieldProblem(spec.name, "invalid"));
    else {
      const key = `workspace/${agency}/${randomUUID()}.pdf`;
      await storage.put(key, upload.data);
      stored = key;
      Object.assign(data, {
        [spec.name]: safeFileName(upload.filename),
        fileKey: key,
        contentType: "application/pdf",
        sizeBytes: String(upload.data.length),
      });
    }
  }
  for (const spec of kind.fields) {
    const v = data[spec.name];
    const long = typeof v === "string" ? v.length : v && !Array.isArray(v) ? Math.max(v.ar.length, v.en.length) : 0;
    if (long > (spec.type === "textarea" || spec.type === "lines" ? 20 * LONG_TEXT : LONG_TEXT / 4)) {
      problems.push(fieldProblem(spec.name, "invalid"));
    }
  }
  return { data, problems, fields, stored, before };
}

/**
 * A save that was refused keeps nothing: the file it uploaded is removed,
 * and the form shows the draft's own file again (the person chooses the
 * new one again with the corrected form).
 */
export async function discard(
  storage: FileStorage,
  read: { stored?: string | undefined; before: Record<string, string | undefined>; data: ContentData },
) {
  if (!read.stored) return;
  await storage.delete(read.stored).catch(() => undefined);
  for (const [key, value] of Object.entries(read.before)) {
    if (value === undefined) delete read.data[key];
    else read.data[key] = value;
  }
}
