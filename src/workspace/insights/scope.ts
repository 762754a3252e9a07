import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { agenciesActedFor, type StaffRole } from "../../accounts/model.js";
import { listAgencies } from "../../catalogue/service.js";
import type { Db } from "../../platform/db/client.js";
import { ForbiddenError, NotFoundError } from "../../platform/http/errors.js";

/** Who sees what: freshness is the content team's; feedback is for all of an agency's staff. */
export const freshnessRoles: StaffRole[] = ["editor", "approver"];
export const feedbackRoles: StaffRole[] = ["editor", "approver", "officer"];

export interface AgencyChoice {
  slug: string;
  name: { ar: string; en: string };
}

export interface Scope {
  /** The agencies the viewer may look at, by name in the page's language. */
  choices: AgencyChoice[];
  /** The one shown. */
  agency: AgencyChoice;
}

const agencyQuery = z.object({ agency: z.string().max(100).optional().catch(undefined) });

/**
 * The agencies whose insights the viewer may see (administrators: all), and
 * the one asked for in `?agency=`, or the first. Refused when the viewer has
 * no such role; an agency outside the viewer's is as good as missing.
 */
export async function scopeOf(db: Db, request: FastifyRequest, roles: StaffRole[]): Promise<Scope> {
  const { viewer, locale } = request;
  const acted = agenciesActedFor(viewer, roles);
  const all = acted === "all";
  const mine = new Set(all ? [] : acted);
  if (!all && mine.size === 0) throw new ForbiddenError();
  const choices = (await listAgencies(db))
    .filter((a) => all || mine.has(a.slug))
    .map((a) => ({ slug: a.slug, name: a.name }))
    .sort((a, b) => a.name[locale].localeCompare(b.name[locale], locale));
  const asked = agencyQuery.parse(request.query ?? {}).agency;
  const agency = asked === undefined ? choices[0] : choices.find((c) => c.slug === asked);
  if (!agency) throw new NotFoundError();
  return { choices, agency };
}
