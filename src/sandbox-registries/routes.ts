import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { modeOf, registryModes, setMode } from "./modes.js";
import { registryEntry, type SandboxRegistry } from "./records.js";

export interface SandboxRegistryOptions {
  db: Db;
  /** The bearer token callers must send. */
  token: string;
  /** The portal's deadline for a read: "slow" answers well after it. */
  timeoutMs: number;
}

const registry = z.enum(["residency", "vehicles", "companies"]);
const entryParams = z.object({ registry, qid: z.string().max(40) });
const modeParams = z.object({ registry });
const modeBody = z.object({ mode: z.enum(registryModes) }).strict();

function authorised(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const given = Buffer.from(header.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Waits, but stops as soon as the caller has gone (a caller that gave up must not hold the server). */
function pause(ms: number, reply: FastifyReply): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      reply.raw.off("close", done);
      resolve();
    }
    reply.raw.once("close", done);
  });
}

/**
 * Simulated agency registries (residency and vehicles at the Ministry of
 * Interior, companies at the Ministry of Commerce and Industry) that speak
 * real HTTP, so once-only data works end to end on one machine. Each can
 * be made slow or down, for every instance, to try the fallbacks.
 */
export async function sandboxRegistryRoutes(app: FastifyInstance, opts: SandboxRegistryOptions) {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("cache-control", "no-store");
    if (!authorised(request, opts.token)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="sandbox-registries"')
        .send({ error: "unauthorized", message: "Send the registries' bearer token." });
    }
  });

  app.get("/v1/modes", async () => {
    const modes: Record<string, string> = {};
    for (const name of registry.options) modes[name] = await modeOf(opts.db, name);
    return { modes };
  });

  app.put("/v1/modes/:registry", async (request, reply) => {
    const params = modeParams.safeParse(request.params);
    if (!params.success) return reply.code(404).send({ error: "not-found", message: "No such registry." });
    const body = modeBody.safeParse(request.body);
    if (!body.success)
      return reply.code(400).send({ error: "invalid", message: `mode must be one of ${registryModes.join(", ")}` });
    await setMode(opts.db, params.data.registry, body.data.mode);
    return { registry: params.data.registry, mode: body.data.mode };
  });

  app.get("/v1/:registry/:qid", async (request, reply) => {
    const params = entryParams.safeParse(request.params);
    if (!params.success) return reply.code(404).send({ error: "not-found", message: "No such registry." });
    const name: SandboxRegistry = params.data.registry;
    const mode = await modeOf(opts.db, name);
    if (mode === "down") {
      await pause(20 + Math.random() * 30, reply);
      return reply.code(503).header("retry-after", "30").send({ error: "unavailable", message: "The registry is down." });
    }
    // A real registry takes a moment; a slow one answers long after the portal has stopped waiting.
    await pause(mode === "slow" ? opts.timeoutMs * 3 : 50 + Math.random() * 200, reply);
    const entry = registryEntry(name, params.data.qid);
    if (!entry) return reply.code(404).send({ error: "not-found", message: "The registry has no entry for this ID." });
    return entry;
  });
}
