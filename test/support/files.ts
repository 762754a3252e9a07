/** Small real files for upload tests: their bytes are what the portal checks, whatever their names say. */
export const samplePdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export const samplePng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export const sampleJpeg = Buffer.concat([
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]),
  Buffer.alloc(64),
  Buffer.from([0xff, 0xd9]),
]);

/** A Windows program (it starts with "MZ"), to be offered under an innocent name. */
export const disguisedProgram = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(256, 0x90)]);

/** A PDF of about `bytes` bytes. */
export function pdfOfSize(bytes: number): Buffer {
  return Buffer.concat([samplePdf, Buffer.alloc(Math.max(0, bytes - samplePdf.length), 0x20)]);
}
