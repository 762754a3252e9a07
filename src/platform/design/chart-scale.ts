/**
 * The arithmetic behind the chart component (Chart.tsx): round ticks for the
 * value axis, which time labels to print, where a point sits across the
 * width, and label wrapping. Pure functions, so they are tested on their own.
 */

export interface Scale {
  min: number;
  max: number;
  /** Gridline values, lowest first, each a round number ("0, 2,000, 4,000, 6,000, 8,000", never "7,029.5"). */
  ticks: number[];
  /** Fraction digits the ticks need (0 for whole steps, 1 for a step of 2.5 or 0.5). */
  fractionDigits: number;
}

/** A round step near `rough`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** A value axis from zero (or below, for negatives) to a round number above the largest value, in about `count` steps. */
export function niceScale(values: number[], count = 4): Scale {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  if (high === low) return { min: 0, max: 1, ticks: [0, 1], fractionDigits: 0 };
  const step = niceStep((high - low) / count);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  const fractionDigits = Math.min(6, (String(Number(step.toPrecision(12))).split(".")[1] ?? "").length);
  return { min, max, ticks, fractionDigits };
}

/** The narrowest plot the labels must fit (a 320 px phone less the page's margins) and a label character's width, in px. */
const NARROWEST = 288;
const CHAR = 6.5;
const LABEL_GAP = 8;

/**
 * Which of `count` time labels to print so they never run together: the
 * first and the last always (anchored inward at the ends), and evenly
 * spaced ones between, as many as fit a 320 px phone for labels `longest`
 * characters long.
 */
export function labelIndexes(count: number, longest: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  const width = longest * CHAR;
  const extent = (i: number): [number, number] => {
    const x = (pointX(i, count, false) / 100) * NARROWEST;
    if (i === 0) return [x, x + width];
    if (i === count - 1) return [x - width, x];
    return [x - width / 2, x + width / 2];
  };
  const fits = (picked: number[]) =>
    picked.every((p, k) => k === 0 || (extent(picked[k - 1] ?? 0)[1] ?? 0) + LABEL_GAP <= (extent(p)[0] ?? 0));
  for (let step = 1; step < count - 1; step++) {
    const picked: number[] = [];
    for (let i = 0; i < count - 1; i += step) picked.push(i);
    // A label too near the last one gives way to it.
    while (picked.length > 1 && !fits([...picked, count - 1])) picked.pop();
    if (picked.length > 1 || step * 2 > count - 1) {
      if (fits([...picked, count - 1])) return [...picked, count - 1];
    }
  }
  return fits([0, count - 1]) ? [0, count - 1] : [count - 1];
}

/** Space left at each side of a line chart, as a share of the width, so markers and end labels stay inside. */
const EDGE = 4;

/**
 * Where the `index`th of `count` points sits across the width, in percent
 * from the left edge. Time reads from the start of the line: left to right
 * in English, right to left in Arabic (the oldest point at the right).
 */
export function pointX(index: number, count: number, rtl: boolean): number {
  const along = count <= 1 ? 50 : EDGE + (index / (count - 1)) * (100 - 2 * EDGE);
  return Number((rtl ? 100 - along : along).toFixed(2));
}

/**
 * A label broken into lines of at most `width` characters at spaces, an
 * aside in brackets kept whole (SVG
 * text does not wrap), so a bar's label fits a 320 px phone in one column.
 */
export function wrapLabel(text: string, width = 32): string[] {
  const lines: string[] = [];
  let line = "";
  // A bracketed aside ("(target 80%)") stays on one line when it can.
  for (const word of text.match(/\([^()]{0,30}\)|\S+/g) ?? []) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
