import type { Db } from "../platform/db/client.js";
import { loadDefinitionFiles } from "./content.js";
import { type PublishOutcome, publishDefinitions } from "./repository/definitions.js";

/**
 * Publishes the e-service definitions shipped with the demo content. Runs
 * at every start: new versions in the files are published, versions
 * already published stay as they were.
 */
export async function loadDemoEservices(db: Db): Promise<PublishOutcome> {
  return publishDefinitions(db, loadDefinitionFiles());
}
