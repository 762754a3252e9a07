import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { loadFacts } from "./service.js";
import { FactsPage } from "./views/FactsPage.js";

/** Facts and figures: the page. */
export async function factsPageRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get("/facts", async (request, reply) => {
    const facts = await loadFacts(db);
    const title = request.tr.t("facts.title");
    return reply.header("cache-control", "no-cache").page({
      title,
      description: request.tr.t("facts.lead"),
      breadcrumbs: [{ label: title }],
      body: <FactsPage facts={facts} />,
    });
  });
}

const statsResponse = z.object({
  agencies: z.number(),
  services: z.number(),
  fullyOnlineServices: z.number(),
  onlineServices: z.number(),
  registeredUsers: z.number(),
  pageViews: z.number(),
  pageViewsSince: z.string().nullable(),
});

/** Facts and figures for the mobile app: GET /api/v1/stats. */
export async function factsApiRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/stats",
      { schema: { querystring: z.object({ lang: z.enum(["ar", "en"]).optional() }).strict(), response: { 200: statsResponse } } },
      async () => {
        const f = await loadFacts(db);
        return {
          agencies: f.agencies,
          services: f.services,
          fullyOnlineServices: f.fullyOnline,
          onlineServices: f.online,
          registeredUsers: f.registeredUsers ?? 0,
          pageViews: f.pageViews,
          pageViewsSince: f.countingSince ? f.countingSince.toISOString().slice(0, 10) : null,
        };
      },
    );
}
