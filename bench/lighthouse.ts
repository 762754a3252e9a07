/**
 * Lighthouse's mobile audit of the home page in both languages
 * (`npm run bench:lighthouse`): performance score, layout shift (CLS),
 * largest contentful paint and total blocking time, with Lighthouse's default
 * mobile settings (a mid-range phone, simulated slow 4G), on the portal built
 * and started on the embedded database with the demo content. Chromium is
 * Debian's, launched as the browser tests launch it, driven through its debugging port.
 */
import lighthouse from "lighthouse";
import { launchBrowser } from "../test/e2e/support/browser.js";
import { freePort, startPortal } from "../test/support/portal-process.js";

const PATHS = ["/", "/en"];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const portal = await startPortal();
const port = await freePort();
const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
const rows = ["| page | run | performance | CLS | LCP ms | TBT ms |", "| --- | --- | --- | --- | --- | --- |"];
try {
  for (const path of PATHS) {
    for (let run = 1; run <= RUNS; run++) {
      const result = await lighthouse(`${portal.baseUrl}${path}`, {
        port,
        onlyCategories: ["performance"],
        output: "json",
        logLevel: "error",
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      rows.push(
        `| \`${path}\` | ${run} | ${Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100)} | ${audit("cumulative-layout-shift").toFixed(3)} | ${Math.round(audit("largest-contentful-paint"))} | ${Math.round(audit("total-blocking-time"))} |`,
      );
    }
  }
} finally {
  await browser.close();
  await portal.stop();
}
console.log(`\nLighthouse mobile (its default throttling), ${RUNS} runs per page (npm run bench:lighthouse)\n`);
console.log(rows.join("\n"));
process.exit(0);
