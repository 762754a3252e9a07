import { agenciesActedFor, hasRole, type Viewer } from "../accounts/model.js";
import type { Audience } from "./tables.js";

/** Where a poll, survey or consultation is in its life. */
export type Phase = "draft" | "scheduled" | "open" | "closed";

export interface Period {
  status: string;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

/** Draft until published; then scheduled, open, and closed at its end (or when staff closed it early). */
export function phaseOf(item: Period, now = new Date()): Phase {
  if (item.status !== "published") return "draft";
  if (item.closedAt || item.closesAt <= now) return "closed";
  if (item.opensAt > now) return "scheduled";
  return "open";
}

/** Seen by the public: published and not waiting for its opening. */
export const isPublic = (item: Period, now = new Date()) => ["open", "closed"].includes(phaseOf(item, now));

/** Whether a person of this residency (citizen, resident, visitor) may take part. */
export function mayTakePart(audience: Audience | string, residency: string): boolean {
  if (audience === "citizens") return residency === "citizen";
  if (audience === "residents") return residency === "resident";
  return true;
}

/** Staff who run participation for an agency: its editors, and administrators. */
export function runsParticipationFor(viewer: Viewer | undefined, agency: string): boolean {
  return hasRole(viewer, "editor", agency);
}

/** The agencies whose participation the viewer runs: every one for administrators. */
export function agenciesRun(viewer: Viewer | undefined): string[] | "all" {
  return agenciesActedFor(viewer, "editor");
}
