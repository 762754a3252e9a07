import type { Page } from "playwright-core";

/** How far a page scrolls sideways, and the outermost elements that stick out of the viewport (for the failure message). */
export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  culprits: string[];
}

/**
 * The measuring script, as source text: run in the page as written (a function
 * passed from here would carry the test runner's transforms with it).
 */
const MEASURE = `(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el) => {
      const id = el.id ? \`#\${el.id}\` : "";
      const cls = typeof el.className === "string" && el.className ? \`.\${el.className.trim().split(/\\s+/).join(".")}\` : "";
      const r = el.getBoundingClientRect();
      return \`\${el.tagName.toLowerCase()}\${id}\${cls} [\${Math.round(r.left)}…\${Math.round(r.right)}]\`;
    };
    const scrolls = (el) => {
      const s = getComputedStyle(el);
      return ["auto", "scroll", "hidden", "clip"].includes(s.overflowX);
    };
    const culprits = [];
    const walk = (el) => {
      for (const child of Array.from(el.children)) {
        const r = child.getBoundingClientRect();
        const out = r.width > 0 && (r.right > width + 1 || r.left < -1);
        const style = getComputedStyle(child);
        if (out && style.position !== "absolute" && style.position !== "fixed") {
          // Report the deepest element that sticks out, not every ancestor of it.
          const before = culprits.length;
          if (!scrolls(child)) walk(child);
          if (culprits.length === before) culprits.push(describe(child));
        } else if (!scrolls(child)) walk(child);
      }
    };
    walk(document.body);
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8) };
})()`;

/**
 * Measures the page as it is: the document's scroll width against its client
 * width, and the elements that reach outside the viewport on either side
 * (right-to-left pages overflow to the left) without a scrolling box of their
 * own between them and the page.
 */
export async function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(MEASURE) as Promise<Overflow>;
}

/** A word drawn on two lines: where, which word, and how many lines it took. */
export interface WordCut {
  heading: string;
  word: string;
  lines: number;
}

/**
 * The cutting script, as source text (see MEASURE): in every heading, each
 * word (text between spaces, hyphens and slashes, where a line may break
 * anyway) is measured through a Range across its text nodes; a word whose
 * boxes sit on more than one line was cut inside.
 */
const CUTS = `(() => {
    const cuts = [];
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      if (!heading.getClientRects().length) continue;
      const nodes = [];
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // An address or a name in code is not a word: it may break at any letter.
        if (n.parentElement.closest("code, kbd, samp")) {
          text += " ";
          continue;
        }
        nodes.push({ node: n, start: text.length });
        text += n.data;
      }
      const at = (offset, end) => {
        let found = nodes[0];
        for (const entry of nodes) {
          if (entry.start < offset || (!end && entry.start === offset)) found = entry;
        }
        return [found.node, offset - found.start];
      };
      const lineHeight = parseFloat(getComputedStyle(heading).fontSize) * 0.6;
      for (const m of text.matchAll(/[^\\s\\u200b\\-\\u2010-\\u2014/]+/g)) {
        const range = document.createRange();
        range.setStart(...at(m.index, false));
        range.setEnd(...at(m.index + m[0].length, true));
        const tops = [];
        for (const r of range.getClientRects()) {
          if (r.width < 1) continue;
          if (!tops.some((t) => Math.abs(t - r.top) < lineHeight)) tops.push(r.top);
        }
        if (tops.length > 1) cuts.push({ heading: heading.textContent.trim().slice(0, 80), word: m[0], lines: tops.length });
      }
    }
    return cuts;
})()`;

/** Every word cut in two inside a heading of the page as it is laid out now. */
export async function measureWordCuts(page: Page): Promise<WordCut[]> {
  return page.evaluate(CUTS) as Promise<WordCut[]>;
}
