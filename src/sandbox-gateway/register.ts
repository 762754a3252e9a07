import type { FastifyInstance } from "fastify";
import type { JobRunner } from "../platform/jobs/runner.js";
import { type SandboxGatewayOptions, sandboxGatewayRoutes } from "./routes.js";

/** Seconds between runs of the gateway's background work while jobs are on. */
const RUN_EVERY_SECONDS = 1;

export interface SandboxGatewayDeps extends Omit<SandboxGatewayOptions, "fetch"> {
  jobs: JobRunner;
}

/**
 * The sandbox payment gateway (the server registers it when SANDBOXES is on).
 * Its background work (the slow bank, expiry, notifications back) is the
 * job "sandbox gateway", on when jobs are (JOBS_INTERVAL_SECONDS above 0);
 * the composition root stops it first, before the portal's own jobs.
 */
export async function register(app: FastifyInstance, { jobs, ...deps }: SandboxGatewayDeps): Promise<void> {
  await app.register(sandboxGatewayRoutes, deps);
  const gateway = app.sandboxGateway;
  jobs.register({
    name: "sandbox gateway",
    start: () => {
      if (deps.config.JOBS_INTERVAL_SECONDS > 0) gateway.start(RUN_EVERY_SECONDS);
    },
    stop: () => gateway.stop(),
  });
}
