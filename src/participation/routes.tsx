import type { FastifyInstance } from "fastify";
import { requireViewer } from "../accounts/sessions.js";
import { agencyNames } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { ForbiddenError } from "../platform/http/errors.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import { publishedItems, staffItems } from "./listing.js";
import { agenciesRun } from "./period.js";
import { ParticipatePage } from "./views/ParticipatePage.js";
import { StaffIndexPage } from "./views/StaffIndexPage.js";

export interface ParticipationRouteOptions {
  db: Db;
}

/**
 * /participate: what is open to take part in, and what has closed with its
 * results; /workspace/participation: the agency staff's list of their own.
 * Each kind (polls, surveys, consultations) registers its pages below.
 */
export async function participationRoutes(app: FastifyInstance, { db }: ParticipationRouteOptions) {
  app.get("/participate", PUBLIC_PAGE, async (request, reply) => {
    const items = await publishedItems(db);
    const names = await agencyNames(
      db,
      items.map((i) => i.agency),
    );
    return reply.page({
      title: request.tr.t("participation.title"),
      breadcrumbs: [{ label: request.tr.t("participation.title") }],
      body: <ParticipatePage items={items} agencyNames={names} />,
    });
  });

  app.get("/workspace/participation", { preHandler: requireViewer }, async (request, reply) => {
    const agencies = agenciesRun(request.viewer);
    if (agencies !== "all" && agencies.length === 0) throw new ForbiddenError();
    return reply.page({
      title: request.tr.t("participation.staff.title"),
      breadcrumbs: [{ label: request.tr.t("participation.staff.title") }],
      body: <StaffIndexPage items={await staffItems(db, agencies)} />,
      noindex: true,
      hideFeedback: true,
    });
  });
}
