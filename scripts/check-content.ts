/** Checks the catalogue's content files and prints what they hold: `npm run content:check`. */
import { ContentError, loadCatalogueContent } from "../src/catalogue/content/load.js";

try {
  const c = loadCatalogueContent();
  const services = c.agencies.flatMap((a) => a.services);
  const count = (m: string) => services.filter((s) => s.maturity === m).length;
  console.log(`agencies: ${c.agencies.length}`);
  console.log(
    `services: ${services.length} (fully online ${count("fully-online")}, partly online ${count("partly-online")}, downloadable form ${count("downloadable-form")}, information ${count("information")})`,
  );
  for (const term of ["personas", "categories", "lifeEvents"] as const) {
    const key = term === "lifeEvents" ? "lifeEvents" : term;
    const used = new Map<string, number>();
    for (const s of services) for (const t of s[key]) used.set(t, (used.get(t) ?? 0) + 1);
    console.log(`${term}: ${c[term].map((t) => `${t.slug}=${used.get(t.slug) ?? 0}`).join(", ")}`);
  }
  console.log(`news: ${c.news.length}, events: ${c.events.length}, initiatives: ${c.initiatives.length}`);
} catch (e) {
  if (e instanceof ContentError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
