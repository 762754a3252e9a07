/**
 * Catalogue page speed: requests/s and p50/p99 latency for the home page, a
 * service page and a persona page, on the demo data and on the 2,247-service
 * scale data, beside a static file of the same size served by the same
 * server (the baseline), and the ratio. Run with `npm run bench`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startPortal } from "../test/support/portal-process.js";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(url: string): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

function row(name: string, r: Result, baseline?: Result): string {
  const ratio = baseline ? ` | ${(r.rps / baseline.rps).toFixed(2)}` : " | 1.00";
  return `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors}${ratio} |`;
}

async function benchDataset(label: string, dataDir?: string) {
  const portal = await startPortal({}, dataDir ? { dataDir } : {});
  try {
    const page = await fetch(`${portal.baseUrl}/services/renew-residence-permit`);
    const size = (await page.text()).length;
    // The baseline: a static file of the same size, served by the same server.
    mkdirSync("public/bench", { recursive: true });
    writeFileSync(`public/bench/baseline.html`, "x".repeat(size));
    const baseline = await measure(`${portal.baseUrl}/assets/bench/baseline.html`);
    console.log(`\n### ${label} (${CONNECTIONS} connections, ${DURATION} s each; service page ${size} bytes)\n`);
    console.log("| page | requests/s | p50 ms | p99 ms | errors | ratio to static |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    console.log(row(`static file (${size} bytes)`, baseline));
    for (const [name, path] of [
      ["home page", "/"],
      ["service page", "/services/renew-residence-permit"],
      ["persona page", "/for/resident"],
      ["persona page (English, filtered)", "/en/for/resident?online=1"],
    ] as const) {
      console.log(row(name, await measure(`${portal.baseUrl}${path}`), baseline));
    }
  } finally {
    await portal.stop();
    rmSync("public/bench", { recursive: true, force: true });
  }
}

await benchDataset("Demo data");
const scaleDir = mkdtempSync(join(tmpdir(), "hukoomi-scale-"));
try {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed-scale.ts", "--agencies", "471", "--services", "2247"], {
    env: { ...process.env, DATA_DIR: scaleDir, FILES_DIR: join(scaleDir, "files") },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await benchDataset("Scale data: 471 agencies, 2,247 services", scaleDir);
} finally {
  rmSync(scaleDir, { recursive: true, force: true });
}
