import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";
import { RateLimiterRes } from "rate-limiter-flexible";
import { stripLocale } from "../i18n/locales.js";
import { Throttles } from "./throttle.js";

export interface RateLimitOptions {
  /** Redis shared by every instance; without it each instance counts on its own. */
  redisUrl?: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Counters shared by every instance (Redis) for limits a route option cannot express: per account, per phone number. */
    throttles: Throttles;
  }
}

type Done = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * The route limits' store: one count per route whatever its language, so
 * /sign-in and /en/sign-in share one limit (the plugin's own stores count
 * each registered address apart). Counts live in the Throttles store: Redis
 * when it is set, else this process.
 */
function languageNeutralStore(throttles: Throttles) {
  return class LanguageNeutralStore {
    constructor(
      _global: unknown,
      private readonly route = "all",
    ) {}

    incr(key: string, done: Done, timeWindow: number, max: number) {
      const limiter = throttles.limiter({ name: `route:${this.route}`, points: max, seconds: Math.max(1, timeWindow / 1000) });
      limiter.consume(key).then(
        (res) => done(null, { current: res.consumedPoints, ttl: res.msBeforeNext }),
        (outcome: unknown) =>
          outcome instanceof RateLimiterRes
            ? done(null, { current: outcome.consumedPoints, ttl: outcome.msBeforeNext })
            : done(outcome instanceof Error ? outcome : new Error(String(outcome))),
      );
    }

    read(key: string, done: Done, timeWindow: number, max: number) {
      const limiter = throttles.limiter({ name: `route:${this.route}`, points: max, seconds: Math.max(1, timeWindow / 1000) });
      limiter.get(key).then(
        (res) => done(null, { current: res?.consumedPoints ?? 0, ttl: res?.msBeforeNext ?? 0 }),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** The plugin passes the route's merged limit options, with the route as routeInfo (its declared type says otherwise). */
    child(options: unknown) {
      const params = options as { routeInfo?: { method?: string | string[]; url?: string }; name?: string };
      const { method, url } = params.routeInfo ?? {};
      const route = url ? `${[method].flat().join(",")} ${stripLocale(url)}` : `limiter ${params.name ?? "custom"}`;
      return new LanguageNeutralStore(undefined, route);
    }
  };
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
  const throttles = new Throttles(redis, (error) => app.log.warn({ err: error }, "rate-limit store unavailable"));
  app.decorate("throttles", throttles);
  await app.register(rateLimit, {
    global: false,
    store: languageNeutralStore(throttles),
    skipOnError: true,
    errorResponseBuilder: (_request, context) => Object.assign(new Error("rate limited"), { statusCode: context.statusCode }),
  });
});
