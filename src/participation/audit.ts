import type { FastifyRequest } from "fastify";
import { type AuditEntry, auditedBy } from "../audit/log.js";

/** The object of a staff change: its kind ("poll", "survey", "consultation", "comment"), its id and its agency. */
export interface ParticipationObject {
  type: string;
  id: string;
  agency: string | null;
}

/**
 * The audit entry of a staff change to a poll, survey, consultation or
 * comment: who acted (from the request), on what, and its kept fields before
 * and after (`fieldsOf`). The one builder the staff routes share.
 */
export function participationAudit(
  request: FastifyRequest,
  action: string,
  object: ParticipationObject,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditEntry {
  const { actor, requestId } = auditedBy(request);
  return { actor, requestId, action, objectType: object.type, objectId: object.id, agency: object.agency, before, after };
}
