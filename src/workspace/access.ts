import { agenciesActedFor, hasRole, type StaffRole, type Viewer } from "../accounts/model.js";

/** A part of the staff workspace, and the roles (for any agency) that open it. */
export interface WorkspaceTool {
  name: "content" | "cases" | "appointments" | "participation" | "datasets" | "freshness" | "feedback" | "admin";
  path: string;
  roles: StaffRole[];
}

/** Everything the staff home links to, in order; administrators see them all. */
export const workspaceTools: WorkspaceTool[] = [
  { name: "content", path: "/workspace/content", roles: ["editor", "approver"] },
  { name: "cases", path: "/workspace/cases", roles: ["officer"] },
  { name: "appointments", path: "/workspace/appointments", roles: ["officer"] },
  { name: "participation", path: "/workspace/participation", roles: ["editor"] },
  { name: "datasets", path: "/workspace/datasets", roles: ["editor"] },
  { name: "freshness", path: "/workspace/freshness", roles: ["editor", "approver"] },
  { name: "feedback", path: "/workspace/feedback", roles: ["editor", "approver", "officer"] },
  { name: "admin", path: "/admin", roles: ["admin"] },
];

/** The tools the viewer's roles open. */
export function toolsFor(viewer: Viewer | undefined): WorkspaceTool[] {
  return workspaceTools.filter((tool) => tool.roles.some((role) => hasRole(viewer, role)));
}

/** The roles that work on an agency's content. */
const contentRoles: StaffRole[] = ["editor", "approver"];

/** The agencies whose content the viewer edits or approves ("all" for administrators). */
export function contentAgencies(viewer: Viewer | undefined): string[] | "all" {
  return agenciesActedFor(viewer, contentRoles);
}

/** True when the viewer may read and edit drafts of the agency (its editors and approvers). */
export function canEdit(viewer: Viewer | undefined, agency: string): boolean {
  return contentRoles.some((r) => hasRole(viewer, r, agency));
}

/** True when the viewer may publish, return, schedule and unpublish the agency's content. */
export function canApprove(viewer: Viewer | undefined, agency: string): boolean {
  return hasRole(viewer, "approver", agency);
}
