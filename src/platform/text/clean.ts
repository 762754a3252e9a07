/** Text clean-up every form and query uses. */

/** Removes control characters other than line breaks and tabs. */
export function stripControlCharacters(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

/** Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Folds Arabic-Indic and Persian digits to ASCII digits, so every numeric input accepts them. */
export function foldDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}
