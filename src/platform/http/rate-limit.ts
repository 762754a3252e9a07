import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";

export interface RateLimitOptions {
  /** Redis shared by every instance; without it each instance counts on its own. */
  redisUrl?: string;
}

/**
 * Rate limits for the routes that ask for one (`config: { rateLimit }`).
 * With Redis the counts are shared, so several instances behind a proxy limit
 * a person once, not once per instance. If Redis stops answering, requests
 * are let through (skipOnError) rather than refused: a limit is a guard, not
 * a reason for the portal to be down.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: RateLimitOptions) => {
  const redis = opts.redisUrl
    ? new Redis(opts.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true })
    : undefined;
  redis?.on("error", (error) => app.log.warn({ err: error }, "rate-limit store unavailable"));
  // Connected before the first request; if Redis is down at start, the portal starts anyway and reconnects later.
  await redis?.connect().catch(() => undefined);
  if (redis) app.addHook("onClose", async () => void redis.disconnect());
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: "hukoomi-rate-limit-", skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) => Object.assign(new Error("rate limited"), { statusCode: context.statusCode }),
  });
});
