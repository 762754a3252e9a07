import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkStorageKey, InvalidStorageKeyError, LocalFileStorage, putThenRecord } from "./file-storage.js";

describe("LocalFileStorage", () => {
  const root = mkdtempSync(join(tmpdir(), "hk-files-"));
  const storage = new LocalFileStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("stores, reads and deletes files by key", async () => {
    await storage.put("catalogue/documents/a.pdf", new TextEncoder().encode("%PDF-1.7"));
    expect((await storage.get("catalogue/documents/a.pdf"))?.toString()).toBe("%PDF-1.7");
    await storage.delete("catalogue/documents/a.pdf");
    expect(await storage.get("catalogue/documents/a.pdf")).toBeUndefined();
  });

  it("refuses keys that could leave its folder", async () => {
    for (const key of ["../etc/passwd", "/etc/passwd", "a/../../b", "A/B", ""]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });
});

describe("putThenRecord", () => {
  const root = mkdtempSync(join(tmpdir(), "hk-files-"));
  const storage = new LocalFileStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bytes = new TextEncoder().encode("a,b\r\n1,2\r\n");

  it("keeps the file when its record is written", async () => {
    expect(await putThenRecord(storage, "opendata/kept.csv", bytes, async () => "recorded")).toBe("recorded");
    expect((await storage.get("opendata/kept.csv"))?.byteLength).toBe(bytes.byteLength);
  });

  it("removes the file again when its record fails, and passes the error on", async () => {
    const failure = new Error("unique violation");
    await expect(
      putThenRecord(storage, "opendata/orphan.csv", bytes, async () => {
        expect(await storage.get("opendata/orphan.csv")).toBeDefined();
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await storage.get("opendata/orphan.csv")).toBeUndefined();
  });
});

describe("checkStorageKey", () => {
  it("accepts lower-case path segments", () => {
    expect(checkStorageKey("eservices/uploads/2026/ab12.pdf")).toBe("eservices/uploads/2026/ab12.pdf");
  });

  it("refuses absolute paths, climbing, upper case, spaces and empty segments", () => {
    for (const key of ["../x", "/abs", "A B", "a/../b", "a..b", "a//b", "a/", ""]) {
      expect(() => checkStorageKey(key)).toThrow(InvalidStorageKeyError);
    }
  });
});
