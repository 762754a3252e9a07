import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { checkStorageKey, type FileStorage } from "./file-storage.js";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Address of an S3-compatible store (MinIO…); without it, AWS S3 itself. */
  endpoint?: string | undefined;
  /** endpoint/bucket/key rather than bucket.endpoint/key: self-hosted stores rarely have a name per bucket. */
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files as objects in an S3-compatible bucket, for instances on several machines
 * that share no disk. The storage key is the object key, unchanged, so files can
 * be copied between a local folder and a bucket as they are.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      // Explicit keys, so the SDK never falls back to whatever credentials the machine has.
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    // The portal keeps each file's media type in the database and sets it when serving, so the object is plain bytes.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkStorageKey(key),
        Body: data,
        ContentType: "application/octet-stream",
      }),
    );
  }

  async get(key: string): Promise<Buffer | undefined> {
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) });
    try {
      const object = await this.client.send(command);
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing object with success, as LocalFileStorage does.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) }));
  }

  /** Closes the client's pooled connections; the storage is not usable afterwards. */
  close(): void {
    this.client.destroy();
  }
}

/**
 * NoSuchKey, or a bare 404 from a store that sends no error code; but not a
 * missing bucket, which is a configuration mistake that must not pass for a
 * missing file.
 */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === "NoSuchKey") return true;
  return error.$metadata.httpStatusCode === 404 && error.name !== "NoSuchBucket";
}
