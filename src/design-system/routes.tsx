import type { FastifyInstance } from "fastify";
import { DesignSystemPage } from "./views/DesignSystemPage.js";

/** The living style guide: every component of the portal with its variants. */
export async function designSystemRoutes(app: FastifyInstance) {
  app.get("/design-system", async (request, reply) =>
    reply.page({
      title: request.tr.t("designSystem.title"),
      description: request.tr.t("designSystem.lead"),
      breadcrumbs: [{ label: request.tr.t("designSystem.title") }],
      body: <DesignSystemPage />,
    }),
  );
}
