import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/** A counter's verdict: allowed, or refused for `retryAfterSeconds`. */
export type ThrottleVerdict = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

export interface ThrottleRule {
  /** Names the counter in the store (with the key: "sms-phone:+97455512345"). */
  name: string;
  /** Events allowed within `seconds`. */
  points: number;
  seconds: number;
  /** Once over the limit, refused for this long (default: until the window ends). */
  blockSeconds?: number;
}

/**
 * Counters shared by every instance (Redis when REDIS_URL is set, else this
 * process's memory), through rate-limiter-flexible: how many codes a phone
 * number was sent, how many wrong passwords an account had from an address.
 * If Redis stops answering, a counter lets the action through (and says so in
 * the log) rather than stopping the portal: a limit is a guard, not a reason
 * to be down.
 */
export class Throttles {
  private readonly made = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly redis: Redis | undefined,
    private readonly warn: (error: unknown) => void = () => undefined,
  ) {}

  /** Whether the counts are shared between instances. */
  get shared(): boolean {
    return Boolean(this.redis);
  }

  limiter(rule: ThrottleRule): RateLimiterAbstract {
    const id = `${rule.name}/${rule.points}/${rule.seconds}/${rule.blockSeconds ?? 0}`;
    let limiter = this.made.get(id);
    if (!limiter) {
      const options = {
        keyPrefix: `hukoomi-throttle:${rule.name}`,
        points: rule.points,
        duration: rule.seconds,
        blockDuration: rule.blockSeconds ?? 0,
      };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true })
        : new RateLimiterMemory(options);
      this.made.set(id, limiter);
    }
    return limiter;
  }

  /** Counts one event for `key` under the rule. */
  async hit(rule: ThrottleRule, key: string, points = 1): Promise<ThrottleVerdict> {
    try {
      const res = await this.limiter(rule).consume(key, points);
      return { allowed: true, count: res.consumedPoints };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        return {
          allowed: false,
          count: outcome.consumedPoints,
          retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)),
        };
      }
      this.warn(outcome);
      return { allowed: true, count: 0 };
    }
  }

  /** The count for `key` without adding to it (0 when none, or when the store does not answer). */
  async peek(rule: ThrottleRule, key: string): Promise<{ count: number; retryAfterSeconds: number }> {
    try {
      const res = await this.limiter(rule).get(key);
      return { count: res?.consumedPoints ?? 0, retryAfterSeconds: res ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0 };
    } catch (error) {
      this.warn(error);
      return { count: 0, retryAfterSeconds: 0 };
    }
  }

  /** Refuses `key` for `seconds` from now (a growing pause after repeated failures). */
  async block(rule: ThrottleRule, key: string, seconds: number): Promise<void> {
    try {
      await this.limiter(rule).block(key, seconds);
    } catch (error) {
      this.warn(error);
    }
  }

  /** Forgets the count for `key` (after a success). */
  async reset(rule: ThrottleRule, key: string): Promise<void> {
    try {
      await this.limiter(rule).delete(key);
    } catch (error) {
      this.warn(error);
    }
  }
}
