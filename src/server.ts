import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { displayAttributes, register as registerAccessibility, ToolsLink } from "./accessibility/register.js";
import { AccountLinks, register as registerAccounts } from "./accounts/register.js";
import { SESSION_COOKIE, sessionPlugin } from "./accounts/sessions.js";
import { register as registerAdmin } from "./admin/register.js";
import { register as registerAnalytics } from "./analytics/register.js";
import { corsPlugin, openApiCollector, register as registerApi } from "./api/register.js";
import { appointmentDashboard, appointmentTell, register as registerAppointments } from "./appointments/register.js";
import { bookingLink, visitBookingLink } from "./appointments/service.js";
import { register as registerCatalogue } from "./catalogue/register.js";
import { HttpRegistryConnector } from "./connectors/service.js";
import { register as registerDesignSystem } from "./design-system/register.js";
import { register as registerDev } from "./dev/register.js";
import { documentDashboard, documentDesk, register as registerDocuments } from "./documents/register.js";
import { eserviceDashboard, onlineRules, register as registerEservices } from "./eservices/register.js";
import { register as registerFacts } from "./facts/register.js";
import { FeedbackWidget, register as registerFeedback } from "./feedback/register.js";
import { register as registerHealth } from "./health/register.js";
import { register as registerHome } from "./home/register.js";
import { identityProvider, PROVIDER_COOKIES, register as registerIdp } from "./idp/register.js";
import { navigation } from "./navigation.js";
import { Notifier } from "./notifications/notifier.js";
import { notificationDashboard, register as registerNotifications } from "./notifications/register.js";
import { register as registerOpenData } from "./opendata/register.js";
import { loadContentPages } from "./pages/content.js";
import { register as registerPages } from "./pages/register.js";
import { participationSlot } from "./participation/home-slot.js";
import { register as registerParticipation } from "./participation/register.js";
import { feeDesk, paymentDashboard, paymentService, register as registerPayments } from "./payments/register.js";
import type { Config } from "./platform/config.js";
import type { Database } from "./platform/db/client.js";
import { assetsPlugin } from "./platform/http/assets.js";
import { csrfPlugin } from "./platform/http/csrf.js";
import { errorHandlerPlugin, frameworkErrorHandler } from "./platform/http/error-handler.js";
import { answerFromCache } from "./platform/http/fast-path.js";
import { securityHeadersPlugin } from "./platform/http/headers.js";
import { PageCache, pageCachePlugin } from "./platform/http/page-cache.js";
import { rateLimitPlugin } from "./platform/http/rate-limit.js";
import { renderPlugin } from "./platform/http/render.js";
import { localeOfPath, stripLocale } from "./platform/i18n/locales.js";
import { JobRunner } from "./platform/jobs/runner.js";
import { DevOutbox, HttpSmsSender, type Mailer, type SmsSender, SmtpMailer } from "./platform/messaging/senders.js";
import { cspReportRoutes } from "./platform/observability/csp-report.js";
import { metricsPlugin } from "./platform/observability/metrics.js";
import type { FileStorage } from "./platform/storage/file-storage.js";
import { register as registerPwa } from "./pwa/register.js";
import { register as registerSandboxGateway } from "./sandbox-gateway/register.js";
import { register as registerSandboxRegistries } from "./sandbox-registries/register.js";
import { register as registerSearch } from "./search/register.js";
import { register as registerSeo } from "./seo/register.js";
import { mostUsedServices } from "./statistics/service.js";
import { register as registerVisit } from "./visit/register.js";
import { register as registerWorkers } from "./workers/register.js";
import { register as registerWorkspace } from "./workspace/register.js";

export interface AppDependencies {
  config: Config;
  database: Database;
  storage: FileStorage;
  version?: string;
  /** Where JSON log lines go; standard output by default. */
  logStream?: { write(line: string): void };
  /** Mail and SMS senders; by default from the configuration (SMTP, SMS gateway) or the development outbox. */
  mailer?: Mailer;
  sms?: SmsSender;
}

/** Largest request body accepted (form posts); larger bodies get a 413 with a message. */
const BODY_LIMIT = 1024 * 1024;

function loggerOptions(config: Config, stream?: AppDependencies["logStream"]) {
  if (config.LOG_LEVEL === "silent") return false;
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as registered: method and address pattern. */
    routeTable: RouteEntry[];
    /** Rendered public pages on this instance (tests look at its size). */
    pageCache: PageCache;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
}

/** How long an idle connection stays open (Fastify's default, longer than the usual balancer's 60 s). */
const KEEP_ALIVE_MS = 72_000;

/**
 * The order background jobs start in and stop in, one after the other
 * (each area registers its own): the sandbox bank stops before the portal's
 * jobs; search's counts are flushed a last time after the rest, and the page
 * views' last flush is the very last.
 */
export const JOB_ORDER = [
  "sandbox gateway",
  "page views",
  "search index",
  "search counts",
  "draft reminders",
  "document reminders",
  "review reminders",
  "scheduled publishing",
  "payment jobs",
  "appointment holds",
  "appointment reminders",
  "outbox",
  "search counts, last flush",
  "page views, last flush",
];

/**
 * Builds the portal, the composition root: the platform's plugins, the
 * services areas share, then each area's `register` in order. The caller
 * opens the database and listens.
 */
export async function buildApp({
  config,
  database,
  storage,
  version = "0.1.0",
  logStream,
  mailer,
  sms,
}: AppDependencies): Promise<FastifyInstance> {
  // Rendered public pages; a kept one is answered before the framework (src/platform/http/fast-path.ts).
  const pageCache = new PageCache(database.db, config.PAGE_CACHE_SECONDS, config.PAGE_CACHE_MB);
  const fromCache = answerFromCache(pageCache, {
    https: (request) =>
      Boolean((request.socket as { encrypted?: boolean }).encrypted) ||
      (config.TRUST_PROXY && request.headers["x-forwarded-proto"] === "https"),
  });
  const app = Fastify({
    serverFactory: (handler) => {
      const server = createServer((request, response) => {
        if (!fromCache(request, response)) handler(request, response);
      });
      // What Fastify sets on a server it makes itself: idle connections (a proxy's pool) kept longer than a balancer's minute.
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      return server;
    },
    logger: loggerOptions(config, logStream),
    genReqId: () => randomUUID(),
    // Behind the proxy, its request id (nginx's $request_id) ties the proxy's and every instance's log lines together.
    requestIdHeader: config.TRUST_PROXY ? "x-request-id" : false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
  });
  // Every route the portal answers, as registered (tests walk it: access matrices, the hostile-input corpus).
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Platform: every area relies on these.
  const db = database.db;
  await app.register(securityHeadersPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  const secureCookies = config.BASE_URL.startsWith("https://");
  await app.register(csrfPlugin, { secureCookies });
  await app.register(rateLimitPlugin, { redisUrl: config.REDIS_URL });
  await app.register(sessionPlugin, {
    db,
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
    secureCookies,
    alsoClear: PROVIDER_COOKIES,
  });
  app.decorate("pageCache", pageCache);
  await app.register(pageCachePlugin, { cache: pageCache, sessionCookie: SESSION_COOKIE });
  await app.register(renderPlugin, {
    pageCache,
    navigation,
    baseUrl: config.BASE_URL,
    afterMain: FeedbackWidget,
    headerAccount: AccountLinks,
    headerTools: ToolsLink,
    htmlAttributes: displayAttributes,
    viewerName: (request) => (request.viewer?.stage === "full" ? request.viewer.name[request.locale] : undefined),
  });
  await app.register(assetsPlugin);
  await app.register(metricsPlugin, { database, token: config.METRICS_TOKEN });
  await app.register(cspReportRoutes);
  // Every area's background work registers with the one runner (started when ready, stopped in JOB_ORDER on close).
  const jobs = new JobRunner(JOB_ORDER);
  await registerAnalytics(app, { db, config, jobs });
  // Pages answered before the framework count as views too.
  pageCache.onServe = (url) => app.pageViews.count(stripLocale(url.split("?")[0] ?? "/").slice(0, 512), localeOfPath(url));
  // The API's OpenAPI document collects every route registered from here on; CORS stays closed unless configured.
  await app.register(openApiCollector, { baseUrl: config.BASE_URL });
  await app.register(corsPlugin, { origins: config.API_CORS_ORIGINS });

  // What areas share: the portal's own pages, the senders, the notifier, the identity provider, payments, the jobs.
  const pages = loadContentPages();
  const mail = mailer ?? (config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new DevOutbox(db, "email"));
  const texts =
    sms ??
    (config.SMS_PROVIDER_URL ? new HttpSmsSender(config.SMS_PROVIDER_URL, config.SMS_PROVIDER_TOKEN) : new DevOutbox(db, "sms"));
  const notifier = new Notifier(config.BASE_URL);
  const payments = paymentService(app, { db, notifier, config });

  // Areas, in the order their routes register.
  await registerHealth(app, { ping: database.ping, version });
  // The identity provider is made before the accounts' routes: signing out of one signs out of the other.
  const idp = await identityProvider(app, { db, config });
  const { accounts } = await registerAccounts(app, {
    db,
    mail,
    texts,
    config,
    endElsewhere: idp.endAccount,
    onSignOut: idp.endBrowserSession,
    dashboardSections: [
      eserviceDashboard(db),
      appointmentDashboard(db),
      documentDashboard(db),
      paymentDashboard(db),
      notificationDashboard(db),
    ],
  });
  await registerNotifications(app, { db, mail, texts, config, jobs });
  if (config.NODE_ENV !== "production") await registerDev(app, { db });
  // The home page's lists are kept a minute between changes, where pages are kept at all.
  const keepMs = pageCache.enabled ? 60_000 : 0;
  const home = await registerHome(app, { db, config, participation: participationSlot(db, keepMs), keepMs });
  const ownPages = await registerPages(app, { pages });
  const accessibility = await registerAccessibility(app, { db, secureCookies });
  const catalogue = await registerCatalogue(app, {
    db,
    storage,
    config,
    onlineRules: onlineRules(db),
    bookingLink: bookingLink(db),
    // Persona and topic pages lead with the services most used last month: the home page's and the facts page's ranking.
    rankedServices: async () => (await mostUsedServices(db, 10_000)).map((s) => s.serviceSlug),
  });
  const facts = await registerFacts(app, { db });
  const registries = new HttpRegistryConnector(db, {
    baseUrl: config.REGISTRIES_URL,
    token: config.REGISTRIES_TOKEN,
    timeoutMs: config.REGISTRY_TIMEOUT_MS,
    log: app.log,
  });
  app.addHook("onClose", async () => registries.close());
  const { applications, prefill } = await registerEservices(app, {
    db,
    storage,
    notifier,
    registries,
    fees: feeDesk(db, payments),
    documents: documentDesk,
    visitBooking: visitBookingLink(db),
    config,
    jobs,
  });
  await registerPayments(app, { db, payments, config, jobs });
  const { bookings } = await registerAppointments(app, {
    db,
    config,
    jobs,
    notifier,
    tell: appointmentTell(notifier),
  });
  const participation = await registerParticipation(app, { db, config });
  await registerDocuments(app, { db, applications, notifier, config, jobs });
  const openData = await registerOpenData(app, { db, storage, config });
  await registerWorkspace(app, { db, storage, notifier, config, jobs });
  await registerSearch(app, { db, pages, config, jobs });
  await registerFeedback(app, { db, config });
  const designSystem = await registerDesignSystem(app);
  const workers = await registerWorkers(app, {
    config,
    htmlAttributes: displayAttributes,
    eservices: { db, applications, prefill },
  });
  const visit = await registerVisit(app, { db });
  await registerPwa(app);
  await registerIdp(app, { db, provider: idp.provider });
  await registerAdmin(app, {
    db,
    findsResult: (type, slug) => app.searchIndex.finds(type, slug),
    endEverySession: (userId: string) => accounts.endEverySession(userId),
  });
  await registerApi(app, {
    db,
    config,
    version,
    bookings,
    provider: idp.provider,
    accountExists: async (id) => Boolean((await accounts.find(id))?.disabledAt === null),
  });
  if (config.SANDBOXES) {
    await registerSandboxRegistries(app, { db, config });
    await registerSandboxGateway(app, { db, config, jobs });
  }
  // Every job has registered: they start when the app is ready and stop, in JOB_ORDER, when it closes.
  // A job JOB_ORDER does not name would stop after the page views' last flush: refuse to start without its place.
  const unplaced = jobs.names.filter((name) => !JOB_ORDER.includes(name));
  if (unplaced.length > 0) throw new Error(`background jobs missing from JOB_ORDER: ${unplaced.join(", ")}`);
  app.addHook("onReady", async () => jobs.startAll());
  app.addHook("onClose", async () => jobs.stopAll());
  // The XML sitemap: every area's addresses, as its register gave them.
  await registerSeo(app, {
    db,
    config,
    sitemap: [
      home.sitemap,
      catalogue.sitemap,
      facts.sitemap,
      openData.sitemap,
      participation.sitemap,
      ownPages.sitemap,
      designSystem.sitemap,
      accessibility.sitemap,
      workers.sitemap,
      visit.sitemap,
    ],
  });
  return app;
}
