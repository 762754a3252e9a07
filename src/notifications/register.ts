import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import type { Mailer, SmsSender } from "../platform/messaging/senders.js";
import { OutboxWorker } from "./outbox.js";
import { notificationRoutes } from "./routes.js";

/** My Hukoomi's notifications section, which the server hands to accounts. */
export { notificationDashboard } from "./routes.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Sends the email and text messages events wrote; tests run a pass with runOnce(). */
    outbox: OutboxWorker;
  }
}

export interface NotificationsDeps {
  db: Db;
  mail: Mailer;
  texts: SmsSender;
  config: Pick<Config, "OUTBOX_INTERVAL_SECONDS">;
  jobs: JobRunner;
}

/** A person's notifications, and the outbox worker that sends what events wrote (the job "outbox"). */
export async function register(app: FastifyInstance, { db, mail, texts, config, jobs }: NotificationsDeps): Promise<void> {
  const outbox = new OutboxWorker(db, mail, texts, app.log);
  app.decorate("outbox", outbox);
  jobs.register({ name: "outbox", start: () => outbox.start(config.OUTBOX_INTERVAL_SECONDS), stop: () => outbox.stop() });
  await inEachLanguage(app, notificationRoutes, { db });
}
