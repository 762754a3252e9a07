import { normalize } from "../../platform/text/normalize.js";

/**
 * Latin letters spelled out in Arabic, as people write abbreviations:
 * "كيو اي دي" for QID, "سي ار" for CR, "بي او" for PO. Some names stand for
 * more than one letter (بي: B or P; اي: A, E or I).
 */
const letterNames: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    ايه: ["a"],
    اي: ["a", "i", "e"],
    آي: ["i"],
    بي: ["b", "p"],
    سي: ["c"],
    دي: ["d"],
    اف: ["f"],
    جي: ["g", "j"],
    اتش: ["h"],
    اچ: ["h"],
    جيه: ["j"],
    كيه: ["k"],
    كي: ["k"],
    ان: ["n"],
    او: ["o"],
    كيو: ["q"],
    ار: ["r"],
    آر: ["r"],
    اس: ["s"],
    تي: ["t"],
    يو: ["u"],
    دبليو: ["w"],
    اكس: ["x"],
    واي: ["y"],
    زد: ["z"],
  }).map(([name, letters]) => [normalize(name), letters]),
);

export function isLetterName(norm: string): boolean {
  return norm in letterNames;
}

/** Every abbreviation a run of spelled-out letters may stand for ("كيو اي دي" → qad, qid, qed). */
export function abbreviations(run: string[]): string[] {
  let out = [""];
  for (const name of run) {
    const letters = letterNames[name] ?? [];
    out = out.flatMap((prefix) => letters.map((l) => prefix + l));
  }
  return out;
}
