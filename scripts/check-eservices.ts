/** Checks the e-service definitions in content/eservices and prints what they hold: `npm run eservices:check`. */
import { loadCatalogueContent } from "../src/catalogue/content/load.js";
import { DefinitionError, loadDefinitionFiles } from "../src/eservices/content.js";
import { allQuestions } from "../src/forms/engine/definition.js";

try {
  const defs = loadDefinitionFiles();
  const catalogue = loadCatalogueContent();
  const services = new Set(catalogue.agencies.flatMap((a) => a.services.map((s) => s.slug)));
  const agencies = new Set(catalogue.agencies.map((a) => a.agency.slug));
  let bad = 0;
  for (const d of defs) {
    const questions = allQuestions(d);
    const types = [...new Set(questions.map((q) => q.question.type))].join(", ");
    console.log(`${d.slug} v${d.version}: ${d.pages.length} pages, ${questions.length} questions (${types}); fee ${d.fee.type}`);
    if (!services.has(d.service)) {
      console.error(`  unknown catalogue service ${d.service}`);
      bad++;
    }
    if (!agencies.has(d.agency)) {
      console.error(`  unknown agency ${d.agency}`);
      bad++;
    }
  }
  if (bad) process.exit(1);
} catch (e) {
  if (e instanceof DefinitionError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
