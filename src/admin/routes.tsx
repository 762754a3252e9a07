import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasRole } from "../accounts/model.js";
import { requireViewer } from "../accounts/sessions.js";
import type { Db } from "../platform/db/client.js";
import { ForbiddenError } from "../platform/http/errors.js";
import type { BestBetType } from "../search/service.js";
import { agencyRoutes } from "./agency-routes.js";
import { highlightRoutes } from "./highlight-routes.js";
import { adminPage } from "./render.js";
import { searchSettingRoutes } from "./search-routes.js";
import { staffRoutes } from "./staff-routes.js";
import { termRoutes } from "./term-routes.js";
import { AdminIndexPage } from "./views/AdminIndexPage.js";

/**
 * Every route of portal administration. The plugin refuses to start with a
 * route that is not listed here, and the access-control test walks this list,
 * so no route can escape either the guard or the test.
 */
export const adminRouteList = [
  { method: "GET", path: "/admin" },
  { method: "GET", path: "/admin/agencies" },
  { method: "GET", path: "/admin/agencies/new" },
  { method: "POST", path: "/admin/agencies/new" },
  { method: "GET", path: "/admin/agencies/:slug" },
  { method: "POST", path: "/admin/agencies/:slug" },
  { method: "POST", path: "/admin/agencies/:slug/single-approver" },
  { method: "GET", path: "/admin/staff" },
  { method: "GET", path: "/admin/staff/:id" },
  { method: "POST", path: "/admin/staff/:id/grant" },
  { method: "POST", path: "/admin/staff/:id/revoke" },
  { method: "POST", path: "/admin/staff/:id/account" },
  { method: "GET", path: "/admin/taxonomies/:kind" },
  { method: "POST", path: "/admin/taxonomies/:kind" },
  { method: "GET", path: "/admin/taxonomies/:kind/:slug" },
  { method: "POST", path: "/admin/taxonomies/:kind/:slug" },
  { method: "POST", path: "/admin/taxonomies/:kind/:slug/delete" },
  { method: "GET", path: "/admin/highlights" },
  { method: "POST", path: "/admin/highlights" },
  { method: "GET", path: "/admin/highlights/:id" },
  { method: "POST", path: "/admin/highlights/:id" },
  { method: "POST", path: "/admin/highlights/:id/delete" },
  { method: "GET", path: "/admin/search" },
  { method: "POST", path: "/admin/search/synonyms" },
  { method: "GET", path: "/admin/search/synonyms/:id" },
  { method: "POST", path: "/admin/search/synonyms/:id" },
  { method: "POST", path: "/admin/search/synonyms/:id/delete" },
  { method: "POST", path: "/admin/search/agency-names" },
  { method: "GET", path: "/admin/search/agency-names/:id" },
  { method: "POST", path: "/admin/search/agency-names/:id" },
  { method: "POST", path: "/admin/search/agency-names/:id/delete" },
  { method: "POST", path: "/admin/search/best-bets" },
  { method: "POST", path: "/admin/search/best-bets/:id/delete" },
] as const;

export interface AdminRouteOptions {
  db: Db;
  /** Whether search finds the thing a best bet would pin (search's index, given by the server). */
  findsResult: (type: BestBetType, slug: string) => Promise<boolean>;
  /** Ends every session a person has, on the portal and at the identity provider (an account turned off). */
  endEverySession: (userId: string) => Promise<void>;
}

/** Portal administrators only (checked on the server for every request, after signing in). */
async function requireAdmin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!hasRole(request.viewer, "admin")) throw new ForbiddenError();
}

/** Portal administration at /admin: agencies, staff and roles, taxonomies, home page highlights, search settings. */
export async function adminRoutes(app: FastifyInstance, options: AdminRouteOptions) {
  const listed = new Set<string>(adminRouteList.map((r) => `${r.method} ${r.path}`));
  // Every route added below gets the guard (and, for forms, the anti-forgery check) here, in one place.
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const path = route.url.slice(route.prefix.length) || "/";
    for (const method of methods) {
      if (method === "HEAD") continue;
      if (!listed.has(`${method} ${path}`)) throw new Error(`admin route ${method} ${path} is not in adminRouteList`);
    }
    const own = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    const checks = methods.includes("POST") ? [requireViewer, requireAdmin, app.csrfProtection] : [requireViewer, requireAdmin];
    route.preHandler = [...checks, ...own];
  });

  app.get("/admin", async (request, reply) =>
    adminPage(request, reply, { title: request.tr.t("admin.title"), body: <AdminIndexPage /> }),
  );

  await agencyRoutes(app, options);
  await staffRoutes(app, options);
  await termRoutes(app, options);
  await highlightRoutes(app, options);
  await searchSettingRoutes(app, options);
}
