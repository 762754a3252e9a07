import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpError } from "./errors.js";

/** Largest file the portal reads from a form; questions set their own, smaller limits. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A file as it arrived in a form post. */
export interface IncomingFile {
  filename: string;
  data: Buffer;
  /** True when the file was cut off at the largest size the portal reads. */
  truncated: boolean;
}

/** A form post split into its text fields (as formbody gives them) and its files, by field name. */
export interface ReadForm {
  fields: Record<string, string | string[]>;
  files: Record<string, IncomingFile[]>;
}

/**
 * Accepts multipart form posts (forms with file inputs) in the plugin it is
 * registered in. Files are read into memory up to MAX_UPLOAD_BYTES and
 * marked as cut off beyond, so an oversized file gets a message beside its
 * field rather than an error page (a plugin may set its own largest size). The
 * anti-forgery token is read from the fields like any other form.
 */
export async function acceptMultipart(
  app: FastifyInstance,
  options: {
    fileSize?: number;
    /** Who may send files here (signed-in people): anyone else is refused before the body is read into memory. */
    mayUpload: (request: FastifyRequest) => boolean;
  },
): Promise<void> {
  app.addHook("onRequest", async (request) => {
    const type = String(request.headers["content-type"] ?? "").toLowerCase();
    if (type.startsWith("multipart/") && !options.mayUpload(request)) throw new HttpError(401, "errors.uploadSignIn.message");
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: options.fileSize ?? MAX_UPLOAD_BYTES, files: 20, fields: 400, parts: 500, fieldSize: 100 * 1024 },
  });
}

interface Part {
  type?: string;
  value?: unknown;
  filename?: string;
  _buf?: Buffer | null;
  file?: { truncated?: boolean };
}

/** Reads a form post, multipart or URL-encoded, into fields and files. Empty file inputs are left out. */
export function readForm(body: unknown): ReadForm {
  const fields: ReadForm["fields"] = {};
  const files: ReadForm["files"] = {};
  if (!body || typeof body !== "object") return { fields, files };
  const add = (name: string, value: string) => {
    const prev = fields[name];
    fields[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      if (typeof item === "string") add(name, item);
      else if (item && typeof item === "object") {
        const part = item as Part;
        if (part.type === "file") {
          if (part.filename) {
            const list = files[name] ?? [];
            list.push({ filename: part.filename, data: part._buf ?? Buffer.alloc(0), truncated: Boolean(part.file?.truncated) });
            files[name] = list;
          }
        } else if (typeof part.value === "string") add(name, part.value);
      }
    }
  }
  return { fields, files };
}

/**
 * Whether an error is a multipart body that cannot be read (no boundary, cut
 * off, malformed): the sender's fault, refused with a 400 like any bad form.
 */
export function isMalformedMultipart(error: Error & { statusCode?: number }): boolean {
  return !error.statusCode && /^Multipart: |unexpected end of multipart data|malformed part header/i.test(error.message);
}
