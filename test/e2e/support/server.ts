import type { TestProject } from "vitest/node";
import { type PortalProcess, startPortal } from "../../support/portal-process.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let portal: PortalProcess | undefined;

/** One built portal for every browser test, on a fresh data folder. */
export async function setup(project: TestProject) {
  portal = await startPortal();
  project.provide("baseUrl", portal.baseUrl);
}

export async function teardown() {
  await portal?.stop();
}
