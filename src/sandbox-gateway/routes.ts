import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../platform/config.js";
import type { Db } from "../platform/db/client.js";
import { gatewayApiRoutes } from "./api.js";
import { SandboxGateway } from "./gateway.js";
import { gatewayPageRoutes } from "./pages.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The bundled sandbox payment gateway; tests run its background work with runDue(). */
    sandboxGateway: SandboxGateway;
  }
}

export interface SandboxGatewayOptions {
  db: Db;
  config: Pick<
    Config,
    | "BASE_URL"
    | "PAYMENT_MERCHANT_ID"
    | "PAYMENT_MERCHANT_SECRET"
    | "PAYMENT_NOTIFY_SECRET"
    | "PAYMENT_EXPIRY_MINUTES"
    | "SANDBOX_SLOW_CARD_SECONDS"
    | "JOBS_INTERVAL_SECONDS"
  >;
  /** How notifications are sent; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * The bundled sandbox payment gateway, a stand-in for a bank that speaks
 * real HTTP: its JSON API for the merchant (/sandbox-gateway/api/v1), its
 * hosted payment page in Arabic and English (/sandbox-gateway/pay/:id,
 * /sandbox-gateway/en/pay/:id), and signed notifications back.
 */
export const sandboxGatewayRoutes = fp(
  async (app: FastifyInstance, opts: SandboxGatewayOptions) => {
    const { config } = opts;
    const gateway = new SandboxGateway(
      opts.db,
      {
        merchantId: config.PAYMENT_MERCHANT_ID,
        merchantSecret: config.PAYMENT_MERCHANT_SECRET,
        notifySecret: config.PAYMENT_NOTIFY_SECRET,
        baseUrl: config.BASE_URL,
        expiryMinutes: config.PAYMENT_EXPIRY_MINUTES,
        slowCardSeconds: config.SANDBOX_SLOW_CARD_SECONDS,
      },
      app.log,
      opts.fetch,
    );
    app.decorate("sandboxGateway", gateway);
    await app.register(gatewayApiRoutes, { gateway, prefix: "/sandbox-gateway/api/v1" });
    await app.register(gatewayPageRoutes, { gateway, locale: "ar", prefix: "/sandbox-gateway" });
    await app.register(gatewayPageRoutes, { gateway, locale: "en", prefix: "/sandbox-gateway/en" });
  },
  { name: "sandbox-gateway" },
);
