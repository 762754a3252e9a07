import CircuitBreaker from "opossum";
import { logDataAccess } from "../accounts/service.js";
import { type RegistryFailure, type RegistryName, type RegistryRecord, registryAgencies } from "../forms/engine/registries.js";
import type { Db } from "../platform/db/client.js";
import type { ReadPurpose, RegistryConnector, RegistryPerson, RegistryResult } from "./registry.js";

export interface HttpRegistryOptions {
  /** Where the registries answer: <baseUrl>/v1/<registry>/<qid>. */
  baseUrl: string;
  /** Sent as a bearer token; never logged nor put in an error. */
  token: string;
  /** Milliseconds a read may take, the answer included, before it counts as failed. */
  timeoutMs: number;
  /** Reads in the rolling window before failures can open the circuit. */
  volumeThreshold?: number;
  /** Milliseconds the circuit stays open before one read is let through to try again (half-open). */
  resetTimeoutMs?: number;
  log?: { warn(details: object, message: string): void };
}

/** A read that failed for a reason worth telling apart. */
class ReadFailed extends Error {
  constructor(readonly reason: RegistryFailure) {
    super(`registry read failed: ${reason}`);
  }
}

type Outcome = { found: true; record: RegistryRecord } | { found: false };

/**
 * Reads the registries over HTTP. Each read has its own deadline; each
 * registry has a circuit breaker, so a registry that keeps failing is not
 * asked again for a while and forms fall back to manual entry at once.
 * Every successful read is written to the person's "who used my data" log.
 */
export class HttpRegistryConnector implements RegistryConnector {
  private readonly breakers = new Map<RegistryName, CircuitBreaker<[RegistryName, string], Outcome>>();

  constructor(
    private readonly db: Db,
    private readonly options: HttpRegistryOptions,
  ) {}

  private breaker(registry: RegistryName): CircuitBreaker<[RegistryName, string], Outcome> {
    let breaker = this.breakers.get(registry);
    if (!breaker) {
      breaker = new CircuitBreaker((name: RegistryName, qid: string) => this.fetchRecord(name, qid), {
        // The deadline is the fetch's own (it aborts the request); the breaker only counts.
        timeout: false,
        errorThresholdPercentage: 50,
        volumeThreshold: this.options.volumeThreshold ?? 3,
        resetTimeout: this.options.resetTimeoutMs ?? 30_000,
        rollingCountTimeout: 30_000,
        name: `registry:${registry}`,
      });
      this.breakers.set(registry, breaker);
    }
    return breaker;
  }

  private async fetchRecord(registry: RegistryName, qid: string): Promise<Outcome> {
    let res: Response;
    try {
      res = await fetch(`${this.options.baseUrl}/v1/${registry}/${encodeURIComponent(qid)}`, {
        headers: { authorization: `Bearer ${this.options.token}`, accept: "application/json" },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (e) {
      throw new ReadFailed(isTimeout(e) ? "timeout" : "down");
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return { found: false };
    }
    if (!res.ok) {
      await res.body?.cancel();
      this.options.log?.warn({ registry, status: res.status }, "registry refused the read");
      throw new ReadFailed("down");
    }
    let record: unknown;
    try {
      record = await res.json();
    } catch (e) {
      throw new ReadFailed(isTimeout(e) ? "timeout" : "down");
    }
    if (!record || typeof record !== "object" || Array.isArray(record)) throw new ReadFailed("down");
    return { found: true, record: record as RegistryRecord };
  }

  async read(registry: RegistryName, person: RegistryPerson, purpose?: ReadPurpose): Promise<RegistryResult> {
    if (!person.qid) return { ok: false, reason: "not-found" };
    const breaker = this.breaker(registry);
    let outcome: Outcome;
    try {
      outcome = await breaker.fire(registry, person.qid);
    } catch (e) {
      const reason: RegistryFailure =
        e instanceof ReadFailed ? e.reason : (e as { code?: string }).code === "EOPENBREAKER" ? "circuit-open" : "down";
      this.options.log?.warn({ registry, reason }, "registry read failed; the form falls back to manual entry");
      return { ok: false, reason };
    }
    if (!outcome.found) return { ok: false, reason: "not-found" };
    const agency = registryAgencies[registry];
    const at = new Date();
    await logDataAccess(this.db, {
      subjectId: person.userId,
      agency: purpose?.agency ?? agency,
      who: purpose?.title,
      action: `registries.access.${registry}`,
    });
    return { ok: true, record: outcome.record, registry, agency, at: at.toISOString() };
  }

  /** Whether reads of a registry are being refused at once after repeated failures. */
  isOpen(registry: RegistryName): boolean {
    return this.breakers.get(registry)?.opened ?? false;
  }

  /** Stops the breakers' timers. */
  close(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }
}

function isTimeout(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}
