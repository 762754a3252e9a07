import { analyzeWithOffsets } from "../analyzer/index.js";

/**
 * A text with the words that matched the query marked. Words are found in
 * the original text with their offsets, then compared by stem and
 * normalised spelling, so marks land on the right letters even when the
 * text has harakat, hamza forms or ligatures the query did not.
 */
export function Highlighted({ text, terms }: { text: string; terms: Set<string> }) {
  if (terms.size === 0) return <>{text}</>;
  const parts: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const w of analyzeWithOffsets(text)) {
    if (!terms.has(w.stem) && !terms.has(w.norm)) continue;
    if (w.start < at) continue;
    parts.push(text.slice(at, w.start));
    parts.push(<mark key={w.start}>{text.slice(w.start, w.end)}</mark>);
    at = w.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
