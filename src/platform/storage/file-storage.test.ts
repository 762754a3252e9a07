import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidStorageKeyError, LocalFileStorage } from "./file-storage.js";

describe("LocalFileStorage", () => {
  const storage = new LocalFileStorage(mkdtempSync(join(tmpdir(), "hk-files-")));

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
