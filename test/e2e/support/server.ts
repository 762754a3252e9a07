import type { TestProject } from "vitest/node";
import { freePort, type PortalProcess, startPortal } from "../../support/portal-process.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the demo agency portal is to listen; the portal registered it as a client. */
    agencyUrl: string;
  }
}

let portal: PortalProcess | undefined;

/** One built portal for every browser test, on a fresh data folder. */
export async function setup(project: TestProject) {
  const agencyUrl = `http://127.0.0.1:${await freePort()}`;
  portal = await startPortal({ DEMO_AGENCY_URL: agencyUrl });
  project.provide("baseUrl", portal.baseUrl);
  project.provide("agencyUrl", agencyUrl);
}

export async function teardown() {
  await portal?.stop();
}
