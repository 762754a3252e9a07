import { eq } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import type { SandboxRegistry } from "./records.js";
import { sandboxRegistryModes } from "./tables.js";

export const registryModes = ["normal", "slow", "down"] as const;
export type RegistryMode = (typeof registryModes)[number];

/** How a simulated registry behaves now; normal unless set otherwise. */
export async function modeOf(db: Db, registry: SandboxRegistry): Promise<RegistryMode> {
  const [row] = await db
    .select({ mode: sandboxRegistryModes.mode })
    .from(sandboxRegistryModes)
    .where(eq(sandboxRegistryModes.registry, registry));
  return (registryModes as readonly string[]).includes(row?.mode ?? "") ? (row?.mode as RegistryMode) : "normal";
}

/** Sets how a simulated registry behaves, for every instance at once. */
export async function setMode(db: Db, registry: SandboxRegistry, mode: RegistryMode): Promise<void> {
  const now = new Date();
  await db
    .insert(sandboxRegistryModes)
    .values({ registry, mode, updatedAt: now })
    .onConflictDoUpdate({ target: sandboxRegistryModes.registry, set: { mode, updatedAt: now } });
}
