import type { FastifyInstance, RouteHandlerMethod } from "fastify";
import { requireViewer } from "../accounts/sessions.js";
import { acceptMultipart } from "../platform/http/multipart.js";
import { editRoutes } from "./handlers/edit.js";
import { overviewRoutes } from "./handlers/overview.js";
import { stepRoutes } from "./handlers/steps.js";
import { versionRoutes } from "./handlers/versions.js";
import {
  MAX_FORM_BYTES,
  signedInForPost,
  type WorkspaceRoute,
  type WorkspaceRouteOptions,
  workspaceRouteTable,
} from "./route-table.js";

/**
 * The agency workspace: the staff home, and editing, reviewing and publishing
 * an agency's content. Every route is one of workspaceRouteTable's, with the
 * guard its method needs; the handlers are in handlers/, by what they do.
 */
export async function contentWorkspaceRoutes(app: FastifyInstance, { db, storage, notices }: WorkspaceRouteOptions) {
  await acceptMultipart(app, { fileSize: MAX_FORM_BYTES, mayUpload: (request) => Boolean(request.viewer) });

  function route(method: WorkspaceRoute["method"], path: string, handler: RouteHandlerMethod) {
    if (!workspaceRouteTable.some((r) => r.method === method && r.path === path)) {
      throw new Error(`workspace route ${method} ${path} is missing from workspaceRouteTable`);
    }
    app.route({
      method,
      url: path,
      preHandler: method === "POST" ? [signedInForPost, app.csrfProtection] : requireViewer,
      handler,
    });
  }

  const handlers = { db, storage, notices, route };
  overviewRoutes(handlers);
  editRoutes(handlers);
  stepRoutes(handlers);
  versionRoutes(handlers);
}

export { type RouteAccess, type WorkspaceRoute, type WorkspaceRouteOptions, workspaceRouteTable } from "./route-table.js";
