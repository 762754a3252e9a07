import type { TestProject } from "vitest/node";
import { startDevNationalIdp } from "../../../src/dev-national-idp/app.js";
import { freePort, type PortalProcess, startPortal } from "../../support/portal-process.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the demo agency portal is to listen; the portal registered it as a client. */
    agencyUrl: string;
  }
}

let portal: PortalProcess | undefined;
let nationalIdp: { close(): Promise<void> } | undefined;

/** One built portal for every browser test, on a fresh data folder. */
export async function setup(project: TestProject) {
  const agencyUrl = `http://127.0.0.1:${await freePort()}`;
  const portalPort = await freePort();
  const national = await startDevNationalIdp({
    port: await freePort(),
    redirectUri: `http://127.0.0.1:${portalPort}/sign-in/national/callback`,
    clientId: "hukoomi",
    clientSecret: "e2e-national-secret",
  });
  nationalIdp = national;
  portal = await startPortal({
    PORT: String(portalPort),
    BASE_URL: `http://127.0.0.1:${portalPort}`,
    DEMO_AGENCY_URL: agencyUrl,
    NATIONAL_IDP_ISSUER: national.issuer,
    NATIONAL_IDP_CLIENT_ID: "hukoomi",
    NATIONAL_IDP_CLIENT_SECRET: "e2e-national-secret",
    // The browser tests sign in dozens of times a minute from one address.
    SIGN_IN_PER_MINUTE: "600",
  });
  project.provide("baseUrl", portal.baseUrl);
  project.provide("agencyUrl", agencyUrl);
}

export async function teardown() {
  await portal?.stop();
  await nationalIdp?.close();
}
