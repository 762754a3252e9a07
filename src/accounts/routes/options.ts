import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Db } from "../../platform/db/client.js";
import type { AccountService } from "../service.js";

export interface AccountRouteOptions {
  db: Db;
  accounts: AccountService;
  /** Also ends what other areas keep for the person (identity-provider sessions) when they sign out everywhere. */
  onSignOutEverywhere?: (userId: string) => Promise<void>;
  /** Offer sign-in with the national identity provider. */
  nationalSignIn?: boolean;
  /**
   * Fills sections of My Hukoomi (requests, drafts…) from the capabilities
   * that own them, without this area depending on them.
   */
  dashboardSections?: DashboardSectionProvider[];
}

/** Content for some of the dashboard's sections, by section key, for the signed-in person. */
export type DashboardSectionProvider = (request: FastifyRequest, userId: string) => Promise<Record<string, ComponentChildren>>;

/**
 * Posts allowed from one address, for forms an attacker would hammer; high
 * enough for a person correcting mistakes, low enough to stop guessing.
 */
export const SIGN_IN_LIMIT = { max: 10, timeWindow: "1 minute" };
export const REGISTRATION_LIMIT = { max: 20, timeWindow: "10 minutes" };
export const RESET_LIMIT = { max: 10, timeWindow: "10 minutes" };
export const CODE_LIMIT = { max: 10, timeWindow: "1 minute" };
