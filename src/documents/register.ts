import type { FastifyInstance } from "fastify";
import type { Applications } from "../eservices/service.js";
import type { Notifier } from "../notifications/notifier.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import { DocumentJobs } from "./jobs.js";
import { documentRoutes } from "./routes.js";

/** What the server hands from documents to other areas: the e-services' document desk, My Hukoomi's documents section. */
export { documentDashboard } from "./dashboard.js";
export { documentDesk } from "./issue.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Reminders of documents about to expire; tests run a pass with runOnce(). */
    documentJobs: DocumentJobs;
  }
}

export interface DocumentsDeps {
  db: Db;
  /** E-services' door for drafts: a renewal starts a draft with the earlier answers. */
  applications: Applications;
  notifier: Notifier;
  config: Pick<Config, "BASE_URL" | "JOBS_INTERVAL_SECONDS">;
  jobs: JobRunner;
}

/** My documents, the printable page and /verify; reminders before a document expires (the job "document reminders"). */
export async function register(app: FastifyInstance, { db, applications, notifier, config, jobs }: DocumentsDeps): Promise<void> {
  await inEachLanguage(app, documentRoutes, { db, applications, baseUrl: config.BASE_URL });
  const documentJobs = new DocumentJobs(db, notifier, app.log);
  app.decorate("documentJobs", documentJobs);
  const every = config.JOBS_INTERVAL_SECONDS;
  jobs.register({ name: "document reminders", start: () => documentJobs.start(every), stop: () => documentJobs.stop() });
}
