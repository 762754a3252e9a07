/**
 * Measures search against the judgement set (content/search/judgements.yaml)
 * on the demo catalogue: success@1, success@3, MRR and nDCG@10 per class and
 * per language, the misses, and a last line `success@3 ar=<x> en=<y>`.
 *   npm run search:eval            (add -- --misses to list every miss)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalogueContent } from "../src/catalogue/content/load.js";
import { loadDemoCatalogue } from "../src/catalogue/demo/load-demo.js";
import { loadContentPages } from "../src/pages/content.js";
import { openDatabase } from "../src/platform/db/client.js";
import { runMigrations } from "../src/platform/db/migrate.js";
import { LocalFileStorage } from "../src/platform/storage/file-storage.js";
import { evaluate, judgementClasses, readJudgements, type Scores, score } from "../src/search/evaluation.js";
import { SearchIndex } from "../src/search/search-index.js";
import { loadSearchSettings } from "../src/search/settings.js";

const showMisses = process.argv.includes("--misses");
const files = mkdtempSync(join(tmpdir(), "hk-eval-"));
const database = await openDatabase({ dataDir: "memory://" });
await runMigrations(database);
await loadDemoCatalogue(database.db, new LocalFileStorage(files), loadCatalogueContent());
await loadSearchSettings(database.db);
const index = new SearchIndex(database.db, loadContentPages());
await index.rebuild();
const outcomes = evaluate(index.engine, readJudgements());

const fmt = (x: number) => x.toFixed(2);
const row = (label: string, s: Scores) =>
  `| ${label} | ${s.queries} | ${fmt(s.success1)} | ${fmt(s.success3)} | ${fmt(s.mrr)} | ${fmt(s.ndcg10)} |`;
console.log("| class | queries | success@1 | success@3 | MRR | nDCG@10 |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const lang of ["ar", "en"] as const) {
  for (const c of judgementClasses) {
    const subset = outcomes.filter((o) => o.judgement.lang === lang && o.judgement.class === c);
    if (subset.length) console.log(row(`${lang} ${c}`, score(subset)));
  }
  console.log(row(`**${lang} all**`, score(outcomes.filter((o) => o.judgement.lang === lang))));
}
console.log(row("**all**", score(outcomes)));

const misses = outcomes.filter((o) => o.rank === 0 || o.rank > 3);
console.log(`\n${misses.length} of ${outcomes.length} queries miss the top 3.`);
if (showMisses) {
  for (const m of misses) {
    console.log(
      `- [${m.judgement.lang} ${m.judgement.class}] "${m.judgement.query}" → expected ${m.judgement.expected.join(", ")}; rank ${m.rank || "-"}; got ${m.top.slice(0, 3).join(", ") || "nothing"}`,
    );
  }
}
const ar = score(outcomes.filter((o) => o.judgement.lang === "ar")).success3;
const en = score(outcomes.filter((o) => o.judgement.lang === "en")).success3;
console.log(`success@3 ar=${fmt(ar)} en=${fmt(en)}`);
await database.close();
rmSync(files, { recursive: true, force: true });
