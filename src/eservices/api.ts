import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { slugSchema } from "../platform/http/slug.js";
import { latestDefinitions } from "./repository/definitions.js";

const bilingual = z.object({ ar: z.string(), en: z.string() });

const eserviceSummary = z.object({
  id: z.string(),
  version: z.number(),
  title: bilingual,
  summary: bilingual,
  agency: z.string(),
  /** The catalogue service the e-service completes. */
  service: z.string(),
  targetDays: z.number(),
  url: bilingual,
});

const listQuery = z
  .object({
    agency: slugSchema({ max: 80 }).optional(),
    lang: z.enum(["ar", "en"]).optional(),
  })
  .strict();

/** The published e-service definitions (their newest versions), for the mobile app and other systems. */
export async function eserviceApiRoutes(app: FastifyInstance, { db, baseUrl }: { db: Db; baseUrl: string }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/eservices",
    { schema: { querystring: listQuery, response: { 200: z.object({ total: z.number(), items: z.array(eserviceSummary) }) } } },
    async (request) => {
      const defs = (await latestDefinitions(db)).filter((d) => !request.query.agency || d.agency === request.query.agency);
      return {
        total: defs.length,
        items: defs.map((d) => ({
          id: d.slug,
          version: d.version,
          title: d.title,
          summary: d.summary,
          agency: d.agency,
          service: d.service,
          targetDays: d.targetDays,
          url: { ar: `${baseUrl}/eservices/${d.slug}`, en: `${baseUrl}/en/eservices/${d.slug}` },
        })),
      };
    },
  );
}
