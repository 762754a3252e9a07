/** Roles staff can hold; all but the administrator are held for one agency. */
export const staffRoles = ["editor", "approver", "officer", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const residencies = ["citizen", "resident", "visitor"] as const;
export type Residency = (typeof residencies)[number];

export interface RoleGrant {
  role: StaffRole;
  /** The agency (slug) the role is for; undefined for portal administrators. */
  agency?: string | undefined;
}

/** The signed-in person, as routes see them. */
export interface Viewer {
  id: string;
  name: { ar: string; en: string };
  locale: "ar" | "en";
  roles: RoleGrant[];
  sessionId: string;
  /**
   * full: signed in. verify-phone: registered, mobile number not yet
   * confirmed. second-step: password right, authenticator code still due.
   */
  stage: "full" | "verify-phone" | "second-step";
}

/** True when the viewer holds the role, for the agency when one is named. Administrators hold every role. */
export function hasRole(viewer: Viewer | undefined, role: StaffRole, agency?: string): boolean {
  if (viewer?.stage !== "full") return false;
  return viewer.roles.some((r) => r.role === "admin" || (r.role === role && (agency === undefined || r.agency === agency)));
}

/** The agencies for which the viewer holds the role. */
export function agenciesFor(viewer: Viewer | undefined, role: StaffRole): string[] {
  return (viewer?.roles ?? []).filter((r) => r.role === role && r.agency).map((r) => r.agency as string);
}

/**
 * For which agencies the viewer acts in any of these roles: "all" for
 * administrators, otherwise each agency once, sorted. The one answer to "which
 * agencies does this person work for" (content, open data, participation,
 * cases, insights each name their roles).
 */
export function agenciesActedFor(viewer: Viewer | undefined, roles: StaffRole | readonly StaffRole[]): string[] | "all" {
  if (hasRole(viewer, "admin")) return "all";
  const list: readonly StaffRole[] = typeof roles === "string" ? [roles] : roles;
  return [...new Set(list.flatMap((r) => agenciesFor(viewer, r)))].sort();
}
