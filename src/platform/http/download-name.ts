/** The extension each type the portal serves is saved under. */
const EXTENSIONS: Record<string, string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "text/csv": ["csv"],
  "application/json": ["json"],
  "application/msword": ["doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
};

/**
 * The name a stored file is offered under: the person's name for it, with
 * the extension of the type its bytes were found to be, so a PDF uploaded as
 * "passport.html" is saved as "passport.pdf" and never opened as a page.
 * A type without a known extension is saved as ".bin".
 */
export function downloadName(name: string, contentType: string): string {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const allowed = EXTENSIONS[type] ?? ["bin"];
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (allowed.includes(extension)) return name;
  const stem = dot > 0 && /^[\p{L}\p{N}]{1,10}$/u.test(extension) ? name.slice(0, dot) : name;
  return `${stem || "file"}.${allowed[0]}`;
}

/** A Content-Disposition that downloads the file under its safe name (RFC 6266, UTF-8 names). */
export function attachment(name: string, contentType: string): string {
  const safe = downloadName(name, contentType);
  const ascii = safe.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
