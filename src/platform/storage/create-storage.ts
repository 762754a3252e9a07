import type { Config } from "../config.js";
import { type FileStorage, LocalFileStorage } from "./file-storage.js";

export type StorageConfig = Pick<
  Config,
  | "STORAGE_DRIVER"
  | "FILES_DIR"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_BUCKET"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
>;

/**
 * The file storage STORAGE_DRIVER names: the FILES_DIR folder, or an
 * S3-compatible bucket. The S3 client (about 6 MB of heap) is loaded only
 * for a bucket.
 */
export async function createFileStorage(config: StorageConfig): Promise<FileStorage> {
  if (config.STORAGE_DRIVER === "local") return new LocalFileStorage(config.FILES_DIR);
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  // loadConfig already refuses this; the check is for configurations put together by hand.
  if (!bucket || !accessKeyId || !secretAccessKey) {
    throw new Error("STORAGE_DRIVER s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  }
  const { S3FileStorage } = await import("./s3-storage.js");
  return new S3FileStorage({
    bucket,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    accessKeyId,
    secretAccessKey,
  });
}
