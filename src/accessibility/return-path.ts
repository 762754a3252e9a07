/**
 * Where to go back to after saving the settings: a path on this site only.
 * Anything that could leave the site (another origin, `//host`, a backslash
 * that some browsers read as a slash, a scheme, control characters) is
 * refused, so the tools can never be used as an open redirect.
 */
const LOCAL_ORIGIN = "http://local.invalid";
const MAX_LENGTH = 500;

export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, LOCAL_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== LOCAL_ORIGIN) return undefined;
  // Normalising can make a path that leaves the site ("/.//evil.example" becomes "//evil.example"): checked again.
  if (url.pathname.startsWith("//")) return undefined;
  return `${url.pathname}${url.search}`;
}
