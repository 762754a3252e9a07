import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import { monthlyTransactionsByService } from "../statistics/service.js";
import { loadFacts } from "./service.js";
import { strategyMeasures } from "./strategy.js";
import { transactionsCsv } from "./transactions-csv.js";
import { FactsPage } from "./views/FactsPage.js";

/** Facts and figures: the page. */
export async function factsPageRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get("/facts", PUBLIC_PAGE, async (request, reply) => {
    const facts = await loadFacts(db);
    const title = request.tr.t("facts.title");
    return reply.page({
      title,
      description: request.tr.t("facts.lead"),
      breadcrumbs: [{ label: title }],
      body: <FactsPage facts={facts} />,
    });
  });

  app.get("/facts/transactions.csv", async (request, reply) => {
    const rows = await monthlyTransactionsByService(db);
    return reply
      .header("cache-control", "no-cache")
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="transactions-by-month.csv"')
      .header("x-content-type-options", "nosniff")
      .send(transactionsCsv(rows, request.tr));
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
  transactions: z.object({
    /** The last twelve complete months, oldest first; change is from the month before (null when it had none). */
    months: z.array(
      z.object({ month: z.string(), online: z.number(), other: z.number(), total: z.number(), change: z.number().nullable() }),
    ),
    top: z.array(
      z.object({
        service: z.string(),
        title: z.object({ ar: z.string(), en: z.string() }),
        total: z.number(),
        online: z.number(),
        other: z.number(),
      }),
    ),
    onlineShare: z.number().nullable(),
  }),
  strategy: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["share", "growth"]),
      value: z.number().nullable(),
      target: z.number(),
      met: z.boolean().nullable(),
    }),
  ),
});

/** Facts and figures for the mobile app: GET /api/v1/stats. */
export async function factsApiRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/stats",
      { schema: { querystring: z.object({ lang: z.enum(["ar", "en"]).optional() }).strict(), response: { 200: statsResponse } } },
      async () => {
        const [f, strategy] = await Promise.all([loadFacts(db), strategyMeasures(db)]);
        const tx = f.transactions;
        return {
          agencies: f.agencies,
          services: f.services,
          fullyOnlineServices: f.fullyOnline,
          onlineServices: f.online,
          registeredUsers: f.registeredUsers ?? 0,
          pageViews: f.pageViews,
          pageViewsSince: f.countingSince ? f.countingSince.toISOString().slice(0, 10) : null,
          transactions: {
            months: (tx?.months ?? []).map((m) => ({
              month: m.month,
              online: m.online,
              other: m.other,
              total: m.total,
              change: m.change ?? null,
            })),
            top: (tx?.top ?? []).map((s) => ({
              service: s.serviceSlug,
              title: { ar: s.titleAr, en: s.titleEn },
              total: s.total,
              online: s.online,
              other: s.other,
            })),
            onlineShare: tx?.onlineShare ?? null,
          },
          strategy: strategy.map((m) => ({
            id: m.id,
            kind: m.kind,
            value: m.value ?? null,
            target: m.target,
            met: m.met ?? null,
          })),
        };
      },
    );
}
