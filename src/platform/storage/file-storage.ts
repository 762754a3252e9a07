import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";

/**
 * Where the portal keeps files (downloadable forms, uploads), outside the
 * database. Keys are relative paths such as "catalogue/documents/x.pdf".
 * The local folder is the default; S3FileStorage (s3-storage.ts) keeps them
 * in an S3-compatible bucket instead, and createFileStorage chooses.
 */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  /** The file's bytes, or undefined when there is no such file. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

/**
 * Writes a file, then runs what records it (a database write). When that
 * fails, the file is removed again, so storage never keeps a file that no
 * record refers to; the error goes on to the caller.
 */
export async function putThenRecord<T>(
  storage: FileStorage,
  key: string,
  data: Uint8Array,
  record: () => Promise<T>,
): Promise<T> {
  await storage.put(key, data);
  try {
    return await record();
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

const KEY = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key ${JSON.stringify(key)}`);
  }
}

/**
 * Returns the key when it is lower-case path segments with no "..", and throws
 * InvalidStorageKeyError otherwise. Every implementation checks keys this way, so
 * a key that works on the local disk works in a bucket too, and the other way round.
 */
export function checkStorageKey(key: string): string {
  if (!KEY.test(key) || key.includes("..")) throw new InvalidStorageKeyError(key);
  return key;
}

/** Files in a folder on the local disk (shared by instances on one machine, or on a shared volume). */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, checkStorageKey(key));
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKeyError(key);
    return path;
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
