/**
 * The registries a question may be answered from (once-only data), as the
 * form engine knows them: their names, the agency that keeps each, why a read
 * can give nothing, and how a question's path picks a value from an entry.
 * The connectors that read them live in src/connectors/.
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
