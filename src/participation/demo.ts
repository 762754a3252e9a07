import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { loadDemoConsultations } from "./consultations/demo.js";
import { loadDemoPolls } from "./polls/demo.js";
import { loadDemoSurveys } from "./surveys/demo.js";

/** What each kind of participation adds to the demo: a loader run once per database, in one transaction. */
type DemoLoader = (tx: Db, now: Date) => Promise<void>;

/** The demo's polls, surveys and consultations (each kind adds its loader here). */
const loaders: DemoLoader[] = [loadDemoPolls, loadDemoSurveys, loadDemoConsultations];

/** Loads the demo participation content into a database that has none (once, even with several instances). */
export async function loadDemoParticipation(db: Db, now = new Date()): Promise<boolean> {
  return runOnce(db, "demo-participation", async (tx) => {
    for (const load of loaders) await load(tx, now);
  });
}
