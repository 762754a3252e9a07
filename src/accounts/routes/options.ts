import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Db } from "../../platform/db/client.js";
import { type Locale, localizePath } from "../../platform/i18n/locales.js";
import type { AccountService, CodeSending } from "../service.js";

export interface AccountRouteOptions {
  db: Db;
  accounts: AccountService;
  /** Also ends what other areas keep for the person (identity-provider sessions, grants) when they sign out everywhere. */
  onSignOutEverywhere?: (userId: string) => Promise<void>;
  /** Also ends what other areas keep for this browser (its identity-provider session) when the person signs out. */
  onSignOut?: (request: FastifyRequest) => Promise<void>;
  /** Offer sign-in with the national identity provider. */
  nationalSignIn?: boolean;
  /** Password sign-ins allowed from one address in a minute (SIGN_IN_PER_MINUTE); SIGN_IN_LIMIT's when not given. */
  signInPerMinute?: number;
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

/** The page that asks for the phone code; says how long to wait when no code could be sent. */
export function verifyPhonePath(locale: Locale, sending: CodeSending): string {
  const path = localizePath(locale, "/register/verify-phone");
  return sending.sent ? path : `${path}?wait=${sending.minutes}`;
}
