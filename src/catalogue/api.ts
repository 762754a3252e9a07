import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceFactsSchema } from "../forms/engine/facts.js";
import type { Db } from "../platform/db/client.js";
import { NotFoundError } from "../platform/http/errors.js";
import { agencyTypes, channels, maturities } from "./model.js";
import { findAgency, listAgencies } from "./repository/agencies.js";
import { findService, listServices } from "./repository/services.js";
import { listTerms } from "./repository/terms.js";
import { MAX_PAGE, slugSchema } from "./schemas.js";
import { personaFamily } from "./service.js";

const bilingual = z.object({ ar: z.string(), en: z.string() });
const agencyRef = z.object({ slug: z.string(), name: bilingual });
const links = z.object({ ar: z.string(), en: z.string() });

const serviceSummary = z.object({
  slug: z.string(),
  title: bilingual,
  summary: bilingual,
  maturity: z.enum(maturities),
  agency: agencyRef,
  popularity: z.number(),
  url: links,
});

const term = z.object({ slug: z.string(), parent: z.string().optional(), name: bilingual, description: bilingual });
const sections = z.object({
  description: z.string(),
  eligibility: z.string(),
  requirements: z.array(z.string()),
  steps: z.array(z.string()),
  fees: z.string(),
  processingTime: z.string(),
  easyRead: z.array(z.string()).optional(),
});

const serviceDetail = serviceSummary.extend({
  sections: z.object({ ar: sections, en: sections }),
  start: z.string().optional(),
  channels: z.array(z.enum(channels)),
  /** The facts the service states once (fee, working days, documents, who may use it), which its e-service agrees with. */
  facts: serviceFactsSchema.optional(),
  personas: z.array(term),
  categories: z.array(term),
  lifeEvents: z.array(term),
  documents: z.array(
    z.object({ slug: z.string(), title: bilingual, contentType: z.string(), sizeBytes: z.number(), url: links }),
  ),
  related: z.array(serviceSummary),
  lastReviewed: z.string(),
});

const agencySummary = z.object({
  slug: z.string(),
  type: z.enum(agencyTypes),
  name: bilingual,
  shortName: bilingual,
  serviceCount: z.number(),
  url: links,
});

const agencyDetail = agencySummary.extend({
  description: bilingual,
  website: z.string(),
  phone: z.string(),
  email: z.string(),
  address: bilingual,
  openingHours: bilingual,
  location: z.object({ lat: z.number(), lng: z.number() }),
  parent: agencyRef.optional(),
  children: z.array(agencyRef),
});

/** The list parameters; unknown parameters are refused so a typo never silently returns everything. */
const listQuery = z
  .object({
    persona: slugSchema.optional(),
    category: slugSchema.optional(),
    lifeEvent: slugSchema.optional(),
    agency: slugSchema.optional(),
    online: z.enum(["true", "false"]).optional(),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    lang: z.enum(["ar", "en"]).optional(),
  })
  .strict();

const params = z.object({ slug: slugSchema });
const langOnly = z.object({ lang: z.enum(["ar", "en"]).optional() }).strict();

/** The catalogue's read-only JSON API for the mobile app and other systems. */
export async function catalogueApiRoutes(app: FastifyInstance, { db, baseUrl }: { db: Db; baseUrl: string }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const urls = (path: string) => ({ ar: `${baseUrl}${path}`, en: `${baseUrl}/en${path}` });
  const withUrl = <T extends { slug: string }>(item: T, base: string) => ({ ...item, url: urls(`${base}/${item.slug}`) });

  api.get(
    "/api/v1/services",
    {
      schema: {
        querystring: listQuery,
        response: {
          200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(serviceSummary) }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const personas = q.persona ? personaFamily(await listTerms(db, "persona"), q.persona) : undefined;
      const result = await listServices(db, {
        personas,
        category: q.category,
        lifeEvent: q.lifeEvent,
        agency: q.agency,
        fullyOnline: q.online === "true",
        page: q.page,
        pageSize: q.pageSize,
      });
      return { total: result.total, page: q.page, pageSize: q.pageSize, items: result.items.map((s) => withUrl(s, "/services")) };
    },
  );

  api.get(
    "/api/v1/services/:slug",
    { schema: { params, querystring: langOnly, response: { 200: serviceDetail } } },
    async (request) => {
      const s = await findService(db, request.params.slug);
      if (!s) throw new NotFoundError();
      return {
        ...withUrl(s, "/services"),
        sections: s.sections,
        start: s.startEservice ? `${baseUrl}/eservices/${s.startEservice}` : s.startUrl,
        channels: s.channels,
        facts: s.facts,
        personas: s.personas,
        categories: s.categories,
        lifeEvents: s.lifeEvents,
        documents: s.documents.map((d) => ({
          slug: d.slug,
          title: d.title,
          contentType: d.contentType,
          sizeBytes: d.sizeBytes,
          url: urls(`/services/${s.slug}/documents/${d.slug}`),
        })),
        related: s.related.map((r) => withUrl(r, "/services")),
        lastReviewed: s.lastReviewed.toISOString().slice(0, 10),
      };
    },
  );

  api.get(
    "/api/v1/agencies",
    { schema: { querystring: langOnly, response: { 200: z.object({ total: z.number(), items: z.array(agencySummary) }) } } },
    async () => {
      const items = await listAgencies(db);
      return { total: items.length, items: items.map((a) => withUrl(a, "/agencies")) };
    },
  );

  api.get(
    "/api/v1/agencies/:slug",
    { schema: { params, querystring: langOnly, response: { 200: agencyDetail } } },
    async (request) => {
      const a = await findAgency(db, request.params.slug);
      if (!a) throw new NotFoundError();
      return withUrl(a, "/agencies");
    },
  );

  api.get(
    "/api/v1/personas",
    {
      schema: {
        querystring: langOnly,
        response: { 200: z.object({ total: z.number(), items: z.array(term.extend({ url: links })) }) },
      },
    },
    async () => {
      const items = await listTerms(db, "persona");
      return { total: items.length, items: items.map((p) => withUrl(p, "/for")) };
    },
  );
}
