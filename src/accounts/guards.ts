import type { FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError } from "../platform/http/errors.js";
import { hasRole, type StaffRole } from "./model.js";
import { requireViewer } from "./sessions.js";

/**
 * preHandlers for staff routes: signed in, and holding the role (for the
 * agency named by the route, when it names one). Checked on the server for
 * every request.
 */
export function requireRole(role: StaffRole, agencyOf?: (request: FastifyRequest) => string | undefined) {
  return [
    requireViewer,
    async (request: FastifyRequest, _reply: FastifyReply) => {
      if (!hasRole(request.viewer, role, agencyOf?.(request))) throw new ForbiddenError();
    },
  ];
}
