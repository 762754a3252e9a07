import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type Provider from "oidc-provider";
import { z } from "zod";
import { normaliseDocumentCode } from "../documents/codes.js";
import { canRenew, countDocumentsOf, documentStatus, documentsOf } from "../documents/service.js";
import { normaliseReference } from "../eservices/references.js";
import { caseStatuses, casesOf, countCasesOf, findDefinition } from "../eservices/service.js";
import { countNotifications, notificationsOf } from "../notifications/service.js";
import { type NotificationEvent, render } from "../notifications/templates.js";
import type { Db } from "../platform/db/client.js";
import { translator } from "../platform/i18n/messages.js";
import { bearerRateKey, FAILURES_PER_MINUTE, failureRateKey, requireBearer } from "./bearer.js";
import { apiError, bilingual, ME_SCOPE, meDocumentsQuery, mePageQuery, meRequestsQuery, SECURITY_SCHEME } from "./schemas.js";

export interface MeRouteOptions {
  db: Db;
  baseUrl: string;
  provider: Provider;
  accountExists(id: string): Promise<boolean>;
}

/** Calls per token (or per address without one) per minute. */
const ME_LIMIT = { max: 120, timeWindow: "1 minute", keyGenerator: bearerRateKey };

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) });

const meRequest = z.object({
  reference: z.string(),
  eservice: z.string(),
  title: bilingual,
  agency: z.string(),
  status: z.enum(caseStatuses),
  /** The status in words, the same the request page, My Hukoomi and notifications use. */
  statusText: bilingual,
  /** When it was sent to the agency; for a request whose fee is unpaid ("payment-due"), when it was saved: it is not sent yet. */
  submittedAt: z.iso.datetime(),
  /** When the agency is expected to answer; null while the request is not sent (its fee is unpaid). */
  dueAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  url: bilingual,
});

const meDocument = z.object({
  code: z.string(),
  type: z.string(),
  title: bilingual,
  agency: z.string(),
  issuedAt: z.iso.datetime(),
  validUntil: z.iso.date().nullable(),
  status: z.enum(["valid", "expiring", "expired", "revoked"]),
  renewable: z.boolean(),
  url: bilingual,
  verifyUrl: z.string(),
});

const meNotification = z.object({
  id: z.string(),
  event: z.string(),
  title: bilingual,
  createdAt: z.iso.datetime(),
  read: z.boolean(),
  url: bilingual.nullable(),
});

/** The catalogues, for the words of each status. */
const words = { ar: translator("ar"), en: translator("en") };

/** The refusals of a signed-in call, besides a bad parameter. */
const refusals = { 400: apiError, 401: apiError, 403: apiError, 429: apiError };

/**
 * The signed-in calls (a mobile app acting for a person): their requests,
 * documents and notifications, read with an OAuth 2.0 bearer token from
 * /idp carrying the hukoomi.me scope. The person is the token's subject,
 * never a parameter, so one person's token cannot read another's records.
 */
export async function meApiRoutes(app: FastifyInstance, { db, baseUrl, provider, accountExists }: MeRouteOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const failures = app.createRateLimit({ max: FAILURES_PER_MINUTE, timeWindow: "1 minute", keyGenerator: failureRateKey });
  const guard = requireBearer({ provider, accountExists, scope: ME_SCOPE, failures });
  const urls = (path: string) => ({ ar: `${baseUrl}${path}`, en: `${baseUrl}/en${path}` });
  const security = [{ [SECURITY_SCHEME]: [ME_SCOPE] }];
  const options = <T extends z.ZodType, Q extends z.ZodType = typeof mePageQuery>(item: T, querystring?: Q) => ({
    preHandler: guard,
    config: { rateLimit: ME_LIMIT },
    schema: { querystring: (querystring ?? mePageQuery) as Q, security, response: { 200: listOf(item), ...refusals } },
  });
  const userOf = (request: { bearer?: { userId: string } }) => {
    if (!request.bearer) throw new Error("bearer guard missing");
    return request.bearer.userId;
  };
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/v1/me/")) reply.header("cache-control", "no-store");
  });

  api.get("/api/v1/me/requests", options(meRequest, meRequestsQuery), async (request) => {
    const userId = userOf(request);
    const { page, pageSize } = request.query;
    const reference = request.query.reference ? normaliseReference(request.query.reference) : undefined;
    const [total, rows] = await Promise.all([
      countCasesOf(db, userId, reference),
      casesOf(db, userId, pageSize, (page - 1) * pageSize, reference),
    ]);
    const titles = new Map<string, { ar: string; en: string }>();
    const items = [];
    for (const c of rows) {
      const key = `${c.eservice}@${c.version}`;
      let title = titles.get(key);
      if (!title) {
        const def = await findDefinition(db, c.eservice, c.version);
        title = def ? { ar: def.title.ar, en: def.title.en } : { ar: c.eservice, en: c.eservice };
        titles.set(key, title);
      }
      items.push({
        reference: c.reference,
        eservice: c.eservice,
        title,
        agency: c.agency,
        status: c.status as (typeof caseStatuses)[number],
        statusText: { ar: words.ar.t(`eservices.status.${c.status}`), en: words.en.t(`eservices.status.${c.status}`) },
        submittedAt: c.submittedAt.toISOString(),
        dueAt: c.status === "payment-due" ? null : c.dueAt.toISOString(),
        decidedAt: c.decidedAt?.toISOString() ?? null,
        url: urls(`/my/requests/${encodeURIComponent(c.reference)}`),
      });
    }
    return { total, page, pageSize, items };
  });

  api.get("/api/v1/me/documents", options(meDocument, meDocumentsQuery), async (request) => {
    const userId = userOf(request);
    const { page, pageSize } = request.query;
    const code = request.query.code ? normaliseDocumentCode(request.query.code) : undefined;
    const [total, rows] = await Promise.all([
      countDocumentsOf(db, userId, code),
      documentsOf(db, userId, pageSize, (page - 1) * pageSize, code),
    ]);
    const now = new Date();
    return {
      total,
      page,
      pageSize,
      items: rows.map((d) => ({
        code: d.code,
        type: d.type,
        title: { ar: d.titleAr, en: d.titleEn },
        agency: d.agency,
        issuedAt: d.issuedAt.toISOString(),
        validUntil: d.validUntil,
        status: documentStatus(d, now),
        renewable: canRenew(d, now),
        url: urls(`/my/documents/${encodeURIComponent(d.code)}`),
        verifyUrl: `${baseUrl}/verify/${encodeURIComponent(d.code)}`,
      })),
    };
  });

  api.get("/api/v1/me/notifications", options(meNotification), async (request) => {
    const userId = userOf(request);
    const { page, pageSize } = request.query;
    const [counts, rows] = await Promise.all([
      countNotifications(db, userId),
      notificationsOf(db, userId, pageSize, (page - 1) * pageSize),
    ]);
    const titleIn = (event: string, values: (typeof rows)[number]["values"], locale: "ar" | "en") =>
      render(event as NotificationEvent, locale, { ...values, name: "", link: "" }).title;
    return {
      total: counts.total,
      page,
      pageSize,
      items: rows.map((n) => ({
        id: n.id,
        event: n.event,
        title: { ar: titleIn(n.event, n.values, "ar"), en: titleIn(n.event, n.values, "en") },
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
        url: n.link ? urls(n.link) : null,
      })),
    };
  });
}
