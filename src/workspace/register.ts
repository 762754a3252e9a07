import type { FastifyInstance } from "fastify";
import type { Notifier } from "../notifications/notifier.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { ReviewReminderJobs } from "./insights/jobs.js";
import { insightsRoutes } from "./insights/routes.js";
import { WorkspaceJobs } from "./jobs.js";
import { ContentNotices } from "./notices.js";
import { contentWorkspaceRoutes } from "./routes.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Emails agencies' editors about services past their review date; tests run a pass with runOnce(). */
    reviewReminderJobs: ReviewReminderJobs;
    /** Publishes what agency approvers scheduled; tests run a pass with runOnce(). */
    workspaceJobs: WorkspaceJobs;
  }
}

export interface WorkspaceDeps {
  db: Db;
  storage: FileStorage;
  notifier: Notifier;
  config: Pick<Config, "CONTENT_REVIEW_MONTHS" | "JOBS_INTERVAL_SECONDS">;
  jobs: JobRunner;
}

/**
 * The agency workspace: freshness and feedback (insights), the staff home and
 * the agencies' content (draft, review, versions, publishing); the jobs
 * "review reminders" and "scheduled publishing".
 */
export async function register(app: FastifyInstance, { db, storage, notifier, config, jobs }: WorkspaceDeps): Promise<void> {
  const reviewReminderJobs = new ReviewReminderJobs(db, notifier, config.CONTENT_REVIEW_MONTHS, app.log);
  app.decorate("reviewReminderJobs", reviewReminderJobs);
  await inEachLanguage(app, insightsRoutes, { db, reviewMonths: config.CONTENT_REVIEW_MONTHS });
  const notices = new ContentNotices(notifier);
  await inEachLanguage(app, contentWorkspaceRoutes, { db, storage, notices });
  const workspaceJobs = new WorkspaceJobs(db, app.log, notices);
  app.decorate("workspaceJobs", workspaceJobs);
  const every = config.JOBS_INTERVAL_SECONDS;
  jobs.register({
    name: "review reminders",
    start: () => reviewReminderJobs.start(every),
    stop: () => reviewReminderJobs.stop(),
  });
  // Scheduled publishing is looked for at least every minute, so it is never far late.
  jobs.register({
    name: "scheduled publishing",
    start: () => workspaceJobs.start(Math.min(60, every)),
    stop: () => workspaceJobs.stop(),
  });
}
