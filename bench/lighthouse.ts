/**
 * Lighthouse's mobile audit of the home page in both languages
 * (`npm run bench:lighthouse`): performance score, layout shift (CLS),
 * largest contentful paint and total blocking time, with Lighthouse's default
 * mobile settings (a mid-range phone, simulated slow 4G), on the portal built
 * and started on the embedded database with the demo content. Chromium is
 * Debian's, launched as the browser tests launch it, driven through its debugging port.
 * As Lighthouse CI does, each page is audited LIGHTHOUSE_RUNS times (5) and
 * the run with the median performance score is the page's figure; every run
 * is printed. One audit first, not counted, warms the browser itself (its
 * first page load compiles and caches what every later one reuses).
 */
import lighthouse from "lighthouse";
import { launchBrowser } from "../test/e2e/support/browser.js";
import { freePort, startPortal } from "../test/support/portal-process.js";

const PATHS = ["/", "/en"];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

interface Figures {
  performance: number;
  cls: number;
  lcp: number;
  tbt: number;
}

const portal = await startPortal();
const port = await freePort();
const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
const rows = ["| page | run | performance | CLS | LCP ms | TBT ms |", "| --- | --- | --- | --- | --- | --- |"];
const medians = ["| page | median performance | CLS | LCP ms | TBT ms |", "| --- | --- | --- | --- | --- |"];
const row = (f: Figures) => `${f.performance} | ${f.cls.toFixed(3)} | ${Math.round(f.lcp)} | ${Math.round(f.tbt)}`;

async function audit(url: string): Promise<Figures> {
  const result = await lighthouse(url, { port, onlyCategories: ["performance"], output: "json", logLevel: "error" });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    cls: value("cumulative-layout-shift"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
  };
}

try {
  await audit(`${portal.baseUrl}/`);
  for (const path of PATHS) {
    const runs: Figures[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const figures = await audit(`${portal.baseUrl}${path}`);
      runs.push(figures);
      rows.push(`| \`${path}\` | ${run} | ${row(figures)} |`);
    }
    const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)] as Figures;
    medians.push(`| \`${path}\` | ${row(median)} |`);
  }
} finally {
  await browser.close();
  await portal.stop();
}
console.log(`\nLighthouse mobile (its default throttling), ${RUNS} runs per page (npm run bench:lighthouse)\n`);
console.log(rows.join("\n"));
console.log("\nEach page's median run\n");
console.log(medians.join("\n"));
process.exit(0);
