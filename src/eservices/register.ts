import type { FastifyInstance } from "fastify";
import type { RegistryConnector } from "../connectors/registry.js";
import type { Notifier } from "../notifications/notifier.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { eserviceApiRoutes } from "./api.js";
import { Applications } from "./applications.js";
import { DraftJobs } from "./jobs.js";
import { RegistryPrefill } from "./prefill.js";
import { applyRoutes } from "./routes/apply.js";
import type { DocumentDesk, EserviceRouteOptions, FeeDesk } from "./routes/context.js";
import { requestRoutes } from "./routes/requests.js";
import { workspaceRoutes } from "./routes/workspace.js";

/**
 * What the server hands from e-services to other areas: My Hukoomi's
 * requests and drafts (to accounts), an e-service's rules in words (to the
 * catalogue's service pages).
 */
export { eserviceDashboard } from "./dashboard.js";
export { onlineRules } from "./explain-rules.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Draft reminders and expiry; tests run a pass with runOnce(). */
    draftJobs: DraftJobs;
  }
}

export interface EservicesDeps {
  db: Db;
  storage: FileStorage;
  notifier: Notifier;
  /** Other agencies' registries, which answer questions before the applicant types them. */
  registries: RegistryConnector;
  /** Fees and payments, from the payments area. */
  fees: FeeDesk;
  /** Documents issued on approval, from the documents area. */
  documents: DocumentDesk;
  /** Where a request's visit is booked, for services people visit a centre for (from the appointments area). */
  visitBooking?: EserviceRouteOptions["visitBooking"];
  config: Pick<Config, "BASE_URL" | "DRAFT_KEEP_DAYS" | "DRAFT_REMINDER_DAYS" | "JOBS_INTERVAL_SECONDS">;
  jobs: JobRunner;
}

/**
 * Applying, requests and their files, the officers' workspace, the
 * e-services' API, and the draft reminders (the job "draft reminders").
 * Gives back the one door for drafts and submissions, which documents use,
 * and the registries' prefill, which the workers' translated forms use.
 */
export async function register(
  app: FastifyInstance,
  deps: EservicesDeps,
): Promise<{ applications: Applications; prefill: RegistryPrefill }> {
  const { db, storage, notifier, config } = deps;
  const applications = new Applications(db, storage, notifier, config.DRAFT_KEEP_DAYS, config.DRAFT_REMINDER_DAYS);
  const eservices = {
    db,
    storage,
    applications,
    prefill: new RegistryPrefill(db, deps.registries),
    fees: deps.fees,
    documents: deps.documents,
    visitBooking: deps.visitBooking,
  };
  await inEachLanguage(app, applyRoutes, eservices);
  await inEachLanguage(app, requestRoutes, eservices);
  await inEachLanguage(app, workspaceRoutes, eservices);
  await app.register(eserviceApiRoutes, { db, baseUrl: config.BASE_URL });
  const draftJobs = new DraftJobs(applications, app.log);
  app.decorate("draftJobs", draftJobs);
  const every = config.JOBS_INTERVAL_SECONDS;
  deps.jobs.register({ name: "draft reminders", start: () => draftJobs.start(every), stop: () => draftJobs.stop() });
  return { applications, prefill: eservices.prefill };
}
