import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { buildApp } from "fauxqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createFileStorage } from "./create-storage.js";
import { InvalidStorageKeyError, LocalFileStorage } from "./file-storage.js";
import { S3FileStorage, type S3StorageOptions } from "./s3-storage.js";

const REGION = "me-central-1";
const BUCKET = "hukoomi-files";
const ACCESS_KEY_ID = "HUKOOMITEST";
const SECRET_ACCESS_KEY = "test-secret-access-key";

/**
 * A real S3-compatible server in the test process: fauxqs (an S3 emulator on
 * Fastify, objects in memory) on an ephemeral port of 127.0.0.1, with a hook
 * in front that checks each request's Signature Version 4 against the one
 * secret it knows, as S3 does. fauxqs itself accepts any signature, and a
 * store that did so would hide a client that signs with the wrong key or region.
 */
let server: FastifyInstance;
let endpoint: string;
let requests = 0;
const storages: S3FileStorage[] = [];

beforeAll(async () => {
  server = buildApp({ logger: false, host: "127.0.0.1", defaultRegion: REGION });
  server.addHook("onRequest", async (request, reply) => {
    requests++;
    if (signatureMatches(request)) return;
    return reply
      .code(403)
      .type("application/xml")
      .send(
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>SignatureDoesNotMatch</Code>" +
          "<Message>The request signature we calculated does not match the signature you provided.</Message></Error>",
      );
  });
  await server.listen({ port: 0, host: "127.0.0.1" });
  endpoint = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const admin = new S3Client({
    endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
});

afterAll(async () => {
  for (const storage of storages) storage.close();
  await server?.close();
});

function s3Storage(options: Partial<S3StorageOptions> = {}): S3FileStorage {
  const storage = new S3FileStorage({
    bucket: BUCKET,
    region: REGION,
    endpoint,
    forcePathStyle: true,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    ...options,
  });
  storages.push(storage);
  return storage;
}

describe("S3FileStorage", () => {
  it("stores binary data and reads it back byte for byte", async () => {
    const storage = s3Storage();
    // Every byte value, then random bytes: nothing may be read as text or re-encoded on the way.
    const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200_000)]);
    await storage.put("eservices/uploads/2026/ab12.pdf", new Uint8Array(data));
    const read = await storage.get("eservices/uploads/2026/ab12.pdf");
    expect(read).toBeInstanceOf(Buffer);
    expect(read?.equals(data)).toBe(true);
  });

  it("answers undefined for a key with no file", async () => {
    expect(await s3Storage().get("eservices/uploads/2026/never-stored.pdf")).toBeUndefined();
  });

  it("deletes files, and deleting a missing file is no error", async () => {
    const storage = s3Storage();
    await storage.put("catalogue/documents/form.pdf", new TextEncoder().encode("%PDF-1.7"));
    await storage.delete("catalogue/documents/form.pdf");
    expect(await storage.get("catalogue/documents/form.pdf")).toBeUndefined();
    await storage.delete("catalogue/documents/form.pdf");
  });

  it("replaces a file stored again under the same key", async () => {
    const storage = s3Storage();
    await storage.put("catalogue/documents/fees.pdf", new TextEncoder().encode("first, and longer"));
    await storage.put("catalogue/documents/fees.pdf", new TextEncoder().encode("second"));
    expect((await storage.get("catalogue/documents/fees.pdf"))?.toString()).toBe("second");
  });

  it("refuses invalid keys before sending anything", async () => {
    const storage = s3Storage();
    const before = requests;
    for (const key of ["../x", "/abs", "A B", "a/../b", "a//b", ""]) {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(requests).toBe(before);
  });

  it("treats a missing bucket as an error, not as a missing file", async () => {
    await expect(s3Storage({ bucket: "no-such-bucket" }).get("catalogue/documents/a.pdf")).rejects.toMatchObject({
      name: "NoSuchBucket",
    });
  });

  it("signs with the configured key: the server refuses another secret or region", async () => {
    await expect(
      s3Storage({ secretAccessKey: "not-the-secret" }).put("catalogue/documents/a.pdf", new Uint8Array([1])),
    ).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    await expect(s3Storage({ region: "us-east-1" }).get("catalogue/documents/a.pdf")).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
    });
  });
});

describe("createFileStorage", () => {
  it("uses the local folder by default", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hk-files-"));
    try {
      expect(await createFileStorage(loadConfig({ FILES_DIR: dir }))).toBeInstanceOf(LocalFileStorage);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses the bucket when STORAGE_DRIVER is s3, path-style by default with an endpoint", async () => {
    const storage = await createFileStorage(
      loadConfig({
        STORAGE_DRIVER: "s3",
        S3_ENDPOINT: endpoint,
        S3_REGION: REGION,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
        S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      }),
    );
    expect(storage).toBeInstanceOf(S3FileStorage);
    storages.push(storage as S3FileStorage);
    await storage.put("catalogue/documents/configured.pdf", new Uint8Array([37, 80, 68, 70]));
    expect((await storage.get("catalogue/documents/configured.pdf"))?.toString()).toBe("%PDF");
  });
});

/** "AWS4-HMAC-SHA256 Credential=key/day/region/s3/aws4_request, SignedHeaders=a;b, Signature=hex". */
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Recomputes the request's AWS Signature Version 4 (header form, which the SDK
 * uses) from the test's secret and region, as S3 does on every request.
 * The payload hash is taken from x-amz-content-sha256, which is itself signed.
 */
function signatureMatches(request: FastifyRequest): boolean {
  const authorization = AUTHORIZATION.exec(String(request.headers.authorization ?? ""));
  if (!authorization) return false;
  const [, accessKeyId, day = "", region = "", signedHeaders = "", signature] = authorization;
  if (accessKeyId !== ACCESS_KEY_ID || region !== REGION) return false;
  const [path = "", query = ""] = request.raw.url?.split("?", 2) ?? [];
  const canonicalQuery = query
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => (pair.includes("=") ? pair : `${pair}=`))
    .sort()
    .join("&");
  const header = (name: string) =>
    String(request.headers[name] ?? "")
      .trim()
      .replace(/\s+/g, " ");
  const names = signedHeaders.split(";");
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    ...names.map((name) => `${name}:${header(name)}`),
    "",
    signedHeaders,
    header("x-amz-content-sha256"),
  ].join("\n");
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    header("x-amz-date"),
    `${day}/${region}/s3/aws4_request`,
    createHash("sha256").update(canonicalRequest).digest("hex"),
  ].join("\n");
  let key: Buffer = createHmac("sha256", `AWS4${SECRET_ACCESS_KEY}`).update(day).digest();
  for (const part of [region, "s3", "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  return createHmac("sha256", key).update(stringToSign).digest("hex") === signature;
}
