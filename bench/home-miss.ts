/**
 * What a cache miss of the home page costs the database on PostgreSQL (part
 * of `npm run bench:pages`): the portal in this process on a fresh database
 * with the demo content, as it runs (page cache on), each view rendered afresh
 * (a visitor with display settings is never given a kept page), and the time
 * of every query each view sends (bench/support/database-time.ts).
 */
import { bumpVersion } from "../src/platform/db/versions.js";
import { createTestApp } from "../test/support/app.js";
import { measure } from "./support/database-time.js";

const VIEWS = 200;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function homeMissRows(databaseUrl: string): Promise<string[]> {
  // The test database is made, and dropped on close, on the server DATABASE_URL names: it is set until then.
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const restore = () => {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  };
  const t = await createTestApp({ demo: true, env: { PAGE_CACHE_SECONDS: "300" } }).catch((error) => {
    restore();
    throw error;
  });
  const rows: string[] = [];
  try {
    // Let the start's background work (the search index's first build) finish, so only the views are timed.
    await t.app.searchIndex.refreshIfChanged();
    await wait(2000);
    for (const path of ["/", "/en"]) {
      const view = () =>
        t.app
          .inject({ url: path, cookies: { a11y: "text125" } })
          .then((r) => r.statusCode === 200 || Promise.reject(new Error(`${path}: ${r.statusCode}`)));
      await view();
      const steady = await measure(async () => {
        for (let i = 0; i < VIEWS; i++) await view();
      });
      // A publish: the next view reads the home page's lists again.
      await bumpVersion(t.db.database.db, "catalogue");
      // The search index follows the publish too, in the background: let it, so its reading is not counted.
      await t.app.searchIndex.refreshIfChanged();
      await wait(1100);
      const changed = await measure(view);
      rows.push(
        `| PostgreSQL | home \`${path}\` rendered afresh (a cache miss), mean of ${VIEWS} views | ${(steady.queries / VIEWS).toFixed(2)} | ${(steady.ms / VIEWS).toFixed(3)} ms (target ≤ 2 ms) |`,
        `| PostgreSQL | home \`${path}\`, the first view after a publish (its lists read again) | ${changed.queries} | ${changed.ms.toFixed(2)} ms |`,
      );
    }
  } finally {
    await t.close().finally(restore);
  }
  return rows;
}
