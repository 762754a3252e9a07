import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/model.js";
import { canApprove, canEdit, contentAgencies, toolsFor } from "./access.js";

const person = (roles: Viewer["roles"]): Viewer => ({
  id: "00000000-0000-0000-0000-000000000001",
  name: { ar: "س", en: "S" },
  locale: "en",
  roles,
  sessionId: "s",
  stage: "full",
});

describe("workspace access", () => {
  it("lets an agency's editors edit but only its approvers publish", () => {
    const editor = person([{ role: "editor", agency: "a" }]);
    const approver = person([{ role: "approver", agency: "a" }]);
    expect([canEdit(editor, "a"), canApprove(editor, "a"), canEdit(editor, "b")]).toEqual([true, false, false]);
    expect([canEdit(approver, "a"), canApprove(approver, "a"), canApprove(approver, "b")]).toEqual([true, true, false]);
    expect(contentAgencies(editor)).toEqual(["a"]);
  });

  it("opens each tool by role, and none for the public", () => {
    expect(toolsFor(person([]))).toEqual([]);
    expect(toolsFor(person([{ role: "officer", agency: "a" }])).map((t) => t.name)).toEqual([
      "cases",
      "appointments",
      "feedback",
    ]);
    expect(toolsFor(person([{ role: "approver", agency: "a" }])).map((t) => t.name)).toEqual([
      "content",
      "freshness",
      "feedback",
    ]);
    expect(toolsFor(person([{ role: "admin" }])).map((t) => t.name)).toContain("admin");
    expect(contentAgencies(person([{ role: "admin" }]))).toBe("all");
  });

  it("opens nothing to someone who has not finished signing in", () => {
    const half = { ...person([{ role: "approver", agency: "a" }]), stage: "second-step" as const };
    expect([canEdit(half, "a"), canApprove(half, "a"), toolsFor(half).length]).toEqual([false, false, 0]);
  });
});
