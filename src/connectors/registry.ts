/**
 * Other agencies' registries the portal reads (once-only data): the
 * applicant's details come from the agency that keeps them instead of
 * being typed again. A read never stops a service: when a registry cannot
 * answer, the caller falls back to asking the person.
 */

/** The registries the portal may read, and the agency that keeps each. */
export const registryAgencies = {
  residency: "ministry-of-interior",
  vehicles: "ministry-of-interior",
  companies: "ministry-of-commerce-and-industry",
} as const;

export type RegistryName = keyof typeof registryAgencies;
export const registryNames = Object.keys(registryAgencies) as [RegistryName, ...RegistryName[]];

/** Why a read gave nothing: the registry was too slow, failed, had no entry, or is being left alone after repeated failures. */
export type RegistryFailure = "timeout" | "down" | "not-found" | "circuit-open";

/** A registry's entry as it sent it (JSON). */
export type RegistryRecord = Record<string, unknown>;

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

/**
 * The value at a path in an entry: names joined by dots, numbers picking
 * an item of a list ("sponsor.nameEn", "vehicles.0.plate").
 */
export function valueAt(record: RegistryRecord, path: string): unknown {
  let here: unknown = record;
  for (const part of path.split(".")) {
    if (Array.isArray(here) && /^\d+$/.test(part)) here = here[Number(part)];
    else if (here && typeof here === "object" && !Array.isArray(here) && Object.hasOwn(here, part))
      here = (here as Record<string, unknown>)[part];
    else return undefined;
  }
  return here;
}
