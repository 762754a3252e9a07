/**
 * Other agencies' registries the portal reads (once-only data): the
 * applicant's details come from the agency that keeps them instead of
 * being typed again. A read never stops a service: when a registry cannot
 * answer, the caller falls back to asking the person.
 */

import type { RegistryFailure, RegistryName, RegistryRecord } from "../forms/engine/registries.js";

export type RegistryResult =
  | { ok: true; record: RegistryRecord; registry: RegistryName; agency: string; at: string }
  | { ok: false; reason: RegistryFailure };

/** Whose entry is read: the account (for the "who used my data" log) and its Qatari ID. */
export interface RegistryPerson {
  userId: string;
  qid: string | null;
}

/** Why the entry is read: the agency and the e-service asking, as the person sees them in their log. */
export interface ReadPurpose {
  agency: string;
  title: { ar: string; en: string };
}

export interface RegistryConnector {
  read(registry: RegistryName, person: RegistryPerson, purpose?: ReadPurpose): Promise<RegistryResult>;
}
