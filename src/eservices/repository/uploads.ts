import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FileRef } from "../../forms/engine/answers.js";
import { cleanName, type FileKind, fileKinds } from "../../forms/upload.js";
import type { Db } from "../../platform/db/client.js";
import type { IncomingFile } from "../../platform/http/multipart.js";
import { type FileStorage, putThenRecord } from "../../platform/storage/file-storage.js";
import { uploads } from "../tables.js";

export type Upload = typeof uploads.$inferSelect;

/** Stores a checked file: the bytes in the file storage, the record in the database. */
export async function storeUpload(
  db: Db,
  storage: FileStorage,
  ownerId: string,
  /** The draft the file is for, or the case (a file sent with an answer to the agency). */
  holder: { draftId: string } | { caseId: string },
  file: IncomingFile,
  kind: FileKind,
): Promise<FileRef> {
  const id = randomUUID();
  const now = new Date();
  const storageKey = `eservices/uploads/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${id}.${fileKinds[kind].ext}`;
  const name = cleanName(file.filename);
  await putThenRecord(storage, storageKey, file.data, () =>
    db.insert(uploads).values({
      id,
      ownerId,
      draftId: "draftId" in holder ? holder.draftId : null,
      caseId: "caseId" in holder ? holder.caseId : null,
      name,
      contentType: fileKinds[kind].mime,
      sizeBytes: file.data.length,
      sha256: createHash("sha256").update(file.data).digest("hex"),
      storageKey,
    }),
  );
  return { id, name, size: file.data.length, type: fileKinds[kind].mime };
}

export async function findUpload(db: Db, id: string): Promise<Upload | undefined> {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  return row;
}

/** Ties a draft's files to the case it became (in the submitting transaction). */
export async function attachUploadsToCase(db: Db, draftId: string, caseId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .update(uploads)
    .set({ caseId })
    .where(and(eq(uploads.draftId, draftId), inArray(uploads.id, fileIds), isNull(uploads.caseId)));
}

/** Files a draft collected that no case took (the draft expired or was deleted): removed with their bytes. */
export async function removeDraftUploads(db: Db, storage: FileStorage, draftIds: string[]): Promise<void> {
  if (draftIds.length === 0) return;
  const gone = await db
    .delete(uploads)
    .where(and(inArray(uploads.draftId, draftIds), isNull(uploads.caseId)))
    .returning({ key: uploads.storageKey });
  for (const { key } of gone) await storage.delete(key);
}

/** Removes files the person took off a draft before submitting. */
export async function removeUploads(db: Db, storage: FileStorage, ownerId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const gone = await db
    .delete(uploads)
    .where(and(eq(uploads.ownerId, ownerId), inArray(uploads.id, ids), isNull(uploads.caseId)))
    .returning({ key: uploads.storageKey });
  for (const { key } of gone) await storage.delete(key);
}
