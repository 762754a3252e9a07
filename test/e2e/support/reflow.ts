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
