import type { FastifyInstance } from "fastify";
import type { Notifier } from "../notifications/notifier.js";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { inEachLanguage } from "../platform/http/in-each-language.js";
import type { JobRunner } from "../platform/jobs/runner.js";
import { HttpPaymentGateway } from "./gateway.js";
import { PaymentJobs } from "./jobs.js";
import { paymentNotificationRoutes } from "./notifications-api.js";
import { paymentRoutes } from "./routes.js";
import { Payments } from "./service.js";

/** What the server hands from payments to other areas: the e-services' fee desk, My Hukoomi's payments section. */
export { feeDesk, paymentDashboard } from "./routes.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Fee payments; jobs expire unfinished attempts and reconcile with the gateway (tests run them by hand). */
    payments: Payments;
    paymentJobs: PaymentJobs;
  }
}

export interface PaymentServiceDeps {
  db: Db;
  notifier: Notifier;
  config: Pick<
    Config,
    "BASE_URL" | "PAYMENT_GATEWAY_URL" | "PAYMENT_MERCHANT_ID" | "PAYMENT_MERCHANT_SECRET" | "PAYMENT_EXPIRY_MINUTES"
  >;
}

/**
 * The payments service over the gateway's HTTP client. The server makes it
 * before the areas register, since the e-services' fee desk uses it.
 */
export function paymentService(app: FastifyInstance, { db, notifier, config }: PaymentServiceDeps): Payments {
  const gateway = new HttpPaymentGateway(config.PAYMENT_GATEWAY_URL, config.PAYMENT_MERCHANT_ID, config.PAYMENT_MERCHANT_SECRET);
  return new Payments(db, gateway, notifier, { baseUrl: config.BASE_URL, expiryMinutes: config.PAYMENT_EXPIRY_MINUTES }, app.log);
}

export interface PaymentsDeps {
  db: Db;
  payments: Payments;
  config: Pick<Config, "PAYMENT_NOTIFY_SECRET" | "JOBS_INTERVAL_SECONDS">;
  jobs: JobRunner;
}

/**
 * Paying, returning, My payments and receipts; the gateway's signed
 * notifications; expiry and reconciliation (the job "payment jobs").
 */
export async function register(app: FastifyInstance, { db, payments, config, jobs }: PaymentsDeps): Promise<void> {
  const paymentJobs = new PaymentJobs(db, payments, app.log);
  app.decorate("payments", payments);
  app.decorate("paymentJobs", paymentJobs);
  const every = config.JOBS_INTERVAL_SECONDS;
  jobs.register({ name: "payment jobs", start: () => paymentJobs.start(every), stop: () => paymentJobs.stop() });
  await inEachLanguage(app, paymentRoutes, { db, payments });
  await app.register(paymentNotificationRoutes, { payments, secret: config.PAYMENT_NOTIFY_SECRET });
}
