// Over 400 lines, on purpose: the composition root, where every area's routes, hooks and background jobs are wired in order.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { loadDisabilityPortal } from "./accessibility/portal-content.js";
import { accessibilityRoutes } from "./accessibility/routes.js";
import { displayAttributes } from "./accessibility/settings.js";
import { ToolsLink } from "./accessibility/views/ToolsLink.js";
import { NationalSignIn } from "./accounts/national.js";
import { findUser } from "./accounts/repository.js";
import { myRoutes } from "./accounts/routes/my.js";
import { nationalSignInRoutes } from "./accounts/routes/national.js";
import { registerRoutes } from "./accounts/routes/register.js";
import { resetRoutes } from "./accounts/routes/reset.js";
import { signInRoutes } from "./accounts/routes/sign-in.js";
import { AccountService } from "./accounts/service.js";
import { SESSION_COOKIE, sessionPlugin } from "./accounts/sessions.js";
import { AccountLinks } from "./accounts/views/AccountLinks.js";
import { adminRoutes } from "./admin/routes.js";
import { pageViewPlugin } from "./analytics/page-view-counter.js";
import { corsPlugin } from "./api/cors.js";
import { meApiRoutes } from "./api/me-routes.js";
import { openApiCollector } from "./api/openapi.js";
import { apiDocsPageRoutes, apiDocumentRoutes } from "./api/routes.js";
import { catalogueApiRoutes } from "./catalogue/api.js";
import { agencyPageRoutes } from "./catalogue/routes/agency-pages.js";
import { articlePageRoutes } from "./catalogue/routes/article-pages.js";
import { browsePageRoutes } from "./catalogue/routes/browse-pages.js";
import { servicePageRoutes } from "./catalogue/routes/service-pages.js";
import { HttpRegistryConnector } from "./connectors/http.js";
import { designSystemRoutes } from "./design-system/routes.js";
import { devRoutes } from "./dev/routes.js";
import { documentDashboard } from "./documents/dashboard.js";
import { documentDesk } from "./documents/issue.js";
import { DocumentJobs } from "./documents/jobs.js";
import { documentRoutes } from "./documents/routes.js";
import { eserviceApiRoutes } from "./eservices/api.js";
import { Applications } from "./eservices/applications.js";
import { eserviceDashboard } from "./eservices/dashboard.js";
import { onlineRules } from "./eservices/explain-rules.js";
import { DraftJobs } from "./eservices/jobs.js";
import { RegistryPrefill } from "./eservices/prefill.js";
import { applyRoutes } from "./eservices/routes/apply.js";
import { requestRoutes } from "./eservices/routes/requests.js";
import { workspaceRoutes } from "./eservices/routes/workspace.js";
import { factsApiRoutes, factsPageRoutes } from "./facts/routes.js";
import { strategyRoutes } from "./facts/strategy-routes.js";
import { feedbackRoutes } from "./feedback/routes.js";
import { FeedbackWidget } from "./feedback/views/FeedbackWidget.js";
import { healthRoutes } from "./health/routes.js";
import { homeRoutes } from "./home/routes.js";
import { idpAdminRoutes } from "./idp/admin-routes.js";
import { loadIdpKeys } from "./idp/keys.js";
import { createProvider } from "./idp/provider.js";
import { idpRoutes, PROVIDER_COOKIES } from "./idp/routes.js";
import { PROVIDER_SESSION_COOKIE, providerSignOut } from "./idp/sign-out.js";
import { navigation } from "./navigation.js";
import { Notifier } from "./notifications/notifier.js";
import { OutboxWorker } from "./notifications/outbox.js";
import { notificationDashboard, notificationRoutes } from "./notifications/routes.js";
import { ckanRoutes } from "./opendata/ckan/routes.js";
import { dcatRoutes } from "./opendata/dcat.js";
import { openDataDownloadRoutes, openDataPageRoutes } from "./opendata/routes.js";
import { publishedDatasetPaths } from "./opendata/service.js";
import { openDataWorkspaceRoutes } from "./opendata/workspace-routes.js";
import { loadContentPages } from "./pages/content.js";
import { contentPageRoutes } from "./pages/routes.js";
import { consultationRoutes } from "./participation/consultations/routes.js";
import { consultationStaffRoutes } from "./participation/consultations/staff-routes.js";
import { participationSlot } from "./participation/home-slot.js";
import { publishedItemPaths } from "./participation/listing.js";
import { pollApiRoutes } from "./participation/polls/api.js";
import { pollRoutes } from "./participation/polls/routes.js";
import { participationRoutes } from "./participation/routes.js";
import { surveyRoutes } from "./participation/surveys/routes.js";
import { surveyStaffRoutes } from "./participation/surveys/staff-routes.js";
import { HttpPaymentGateway } from "./payments/gateway.js";
import { PaymentJobs } from "./payments/jobs.js";
import { paymentNotificationRoutes } from "./payments/notifications-api.js";
import { feeDesk, paymentDashboard, paymentRoutes } from "./payments/routes.js";
import { Payments } from "./payments/service.js";
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
import { localeOfPath, localePrefix, locales, stripLocale } from "./platform/i18n/locales.js";
import { JobRunner } from "./platform/jobs/runner.js";
import { DevOutbox, HttpSmsSender, type Mailer, type SmsSender, SmtpMailer } from "./platform/messaging/senders.js";
import { cspReportRoutes } from "./platform/observability/csp-report.js";
import { metricsPlugin } from "./platform/observability/metrics.js";
import type { FileStorage } from "./platform/storage/file-storage.js";
import { pwaPageRoutes, serviceWorkerRoutes } from "./pwa/routes.js";
import { sandboxGatewayRoutes } from "./sandbox-gateway/routes.js";
import { sandboxRegistryRoutes } from "./sandbox-registries/routes.js";
import { SearchAnalytics } from "./search/analytics.js";
import { searchApiRoutes, searchPageRoutes } from "./search/routes.js";
import { SearchIndex } from "./search/search-index.js";
import { seoRoutes } from "./seo/routes.js";
import { loadVisitContent } from "./visit/content.js";
import { visitPaths, visitRoutes } from "./visit/routes.js";
import { loadWorkerContent } from "./workers/content.js";
import { workerChooserRoutes, workerPageRoutes, workerSitemapEntries } from "./workers/routes.js";
import { ReviewReminderJobs } from "./workspace/insights/jobs.js";
import { insightsRoutes } from "./workspace/insights/routes.js";
import { WorkspaceJobs } from "./workspace/jobs.js";
import { ContentNotices } from "./workspace/notices.js";
import { contentWorkspaceRoutes } from "./workspace/routes.js";

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
    searchIndex: SearchIndex;
    searchAnalytics: SearchAnalytics;
    /** Draft reminders and expiry; tests run a pass with runOnce(). */
    draftJobs: DraftJobs;
    /** Reminders of documents about to expire; tests run a pass with runOnce(). */
    documentJobs: DocumentJobs;
    /** Emails agencies' editors about services past their review date; tests run a pass with runOnce(). */
    reviewReminderJobs: ReviewReminderJobs;
    /** Publishes what agency approvers scheduled; tests run a pass with runOnce(). */
    workspaceJobs: WorkspaceJobs;
    /** Sends the email and text messages events wrote; tests run a pass with runOnce(). */
    outbox: OutboxWorker;
    /** Fee payments; jobs expire unfinished attempts and reconcile with the gateway (tests run them by hand). */
    payments: Payments;
    paymentJobs: PaymentJobs;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
}

/** Registers a plugin of pages twice: at / for Arabic and under /en for English. */
async function inEachLanguage<Options extends object>(
  app: FastifyInstance,
  plugin: (app: FastifyInstance, opts: Options) => Promise<void>,
  opts: Options,
): Promise<void> {
  for (const locale of locales) {
    await app.register(plugin as FastifyPluginAsync<Options>, { ...opts, prefix: localePrefix(locale) });
  }
}

/** How long an idle connection stays open (Fastify's default, longer than the usual balancer's 60 s). */
const KEEP_ALIVE_MS = 72_000;

/** Builds the portal from its areas; the caller opens the database and listens. */
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
  const pageCache = new PageCache(database.db, config.PAGE_CACHE_SECONDS);
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
  await app.register(securityHeadersPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  const secureCookies = config.BASE_URL.startsWith("https://");
  await app.register(csrfPlugin, { secureCookies });
  await app.register(rateLimitPlugin, { redisUrl: config.REDIS_URL });
  await app.register(sessionPlugin, {
    db: database.db,
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
  await app.register(pageViewPlugin, { db: database.db, flushSeconds: config.ANALYTICS_FLUSH_SECONDS });
  // Pages answered before the framework count as views too.
  pageCache.onServe = (url) => app.pageViews.count(stripLocale(url.split("?")[0] ?? "/").slice(0, 512), localeOfPath(url));
  // The API's OpenAPI document collects every route registered from here on; CORS stays closed unless configured.
  await app.register(openApiCollector, { baseUrl: config.BASE_URL });
  await app.register(corsPlugin, { origins: config.API_CORS_ORIGINS });

  // Areas.
  const pages = loadContentPages();
  await app.register(healthRoutes, { ping: database.ping, version });
  const db = database.db;
  const catalogue = { db, storage, baseUrl: config.BASE_URL, onlineRules: onlineRules(db) };
  const mail = mailer ?? (config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new DevOutbox(db, "email"));
  const texts =
    sms ??
    (config.SMS_PROVIDER_URL ? new HttpSmsSender(config.SMS_PROVIDER_URL, config.SMS_PROVIDER_TOKEN) : new DevOutbox(db, "sms"));
  // The identity provider is made before the accounts' routes: signing out of one signs out of the other.
  const provider = createProvider({
    db,
    baseUrl: config.BASE_URL,
    keys: await loadIdpKeys(db),
    trustProxy: config.TRUST_PROXY,
    allowLoopbackRequests: config.NODE_ENV !== "production",
    findUser: (id) => findUser(db, id),
  });
  const providerSessions = providerSignOut(provider, db, (err, clientId) =>
    app.log.warn({ err, clientId }, "back-channel logout not delivered"),
  );
  const accounts = new AccountService(
    db,
    mail,
    texts,
    config.BASE_URL,
    app.throttles,
    (userId) => providerSessions.endAccount(userId),
    (err) => app.log.error({ err }, "reset link not sent"),
  );
  app.addHook("onClose", async () => accounts.settled());
  const notifier = new Notifier(config.BASE_URL);
  const outbox = new OutboxWorker(db, mail, texts, app.log);
  app.decorate("outbox", outbox);
  const applications = new Applications(db, storage, notifier, config.DRAFT_KEEP_DAYS, config.DRAFT_REMINDER_DAYS);
  const gateway = new HttpPaymentGateway(config.PAYMENT_GATEWAY_URL, config.PAYMENT_MERCHANT_ID, config.PAYMENT_MERCHANT_SECRET);
  const payments = new Payments(
    db,
    gateway,
    notifier,
    { baseUrl: config.BASE_URL, expiryMinutes: config.PAYMENT_EXPIRY_MINUTES },
    app.log,
  );
  const paymentJobs = new PaymentJobs(db, payments, app.log);
  app.decorate("payments", payments);
  app.decorate("paymentJobs", paymentJobs);
  const national =
    config.NATIONAL_IDP_ISSUER && config.NATIONAL_IDP_CLIENT_ID && config.NATIONAL_IDP_CLIENT_SECRET
      ? new NationalSignIn(db, {
          issuer: config.NATIONAL_IDP_ISSUER,
          clientId: config.NATIONAL_IDP_CLIENT_ID,
          clientSecret: config.NATIONAL_IDP_CLIENT_SECRET,
          redirectUri: `${config.BASE_URL}/sign-in/national/callback`,
        })
      : undefined;
  const accountRoutes = {
    db,
    accounts,
    onSignOutEverywhere: (userId: string) => providerSessions.endAccount(userId),
    onSignOut: (request: FastifyRequest) => providerSessions.endBrowserSession(request.cookies[PROVIDER_SESSION_COOKIE]),
    nationalSignIn: Boolean(national),
    dashboardSections: [eserviceDashboard(db), documentDashboard(db), paymentDashboard(db), notificationDashboard(db)],
  };
  if (national) await inEachLanguage(app, nationalSignInRoutes, { national, baseUrl: config.BASE_URL });
  await inEachLanguage(app, signInRoutes, accountRoutes);
  await inEachLanguage(app, registerRoutes, accountRoutes);
  await inEachLanguage(app, resetRoutes, accountRoutes);
  await inEachLanguage(app, myRoutes, accountRoutes);
  await inEachLanguage(app, notificationRoutes, { db });
  if (config.NODE_ENV !== "production") await inEachLanguage(app, devRoutes, { db });
  // The home page's lists are kept a minute between changes, where pages are kept at all.
  const homeKeepMs = pageCache.enabled ? 60_000 : 0;
  await inEachLanguage(app, homeRoutes, {
    db,
    baseUrl: config.BASE_URL,
    participation: participationSlot(db, homeKeepMs),
    keepMs: homeKeepMs,
  });
  await inEachLanguage(app, contentPageRoutes, { pages });
  await inEachLanguage(app, accessibilityRoutes, { db, portal: loadDisabilityPortal(), secureCookies });
  await inEachLanguage(app, servicePageRoutes, catalogue);
  await inEachLanguage(app, browsePageRoutes, catalogue);
  await inEachLanguage(app, agencyPageRoutes, catalogue);
  await inEachLanguage(app, articlePageRoutes, catalogue);
  await inEachLanguage(app, factsPageRoutes, { db });
  await inEachLanguage(app, strategyRoutes, { db });
  const registries = new HttpRegistryConnector(db, {
    baseUrl: config.REGISTRIES_URL,
    token: config.REGISTRIES_TOKEN,
    timeoutMs: config.REGISTRY_TIMEOUT_MS,
    log: app.log,
  });
  app.addHook("onClose", async () => registries.close());
  const eservices = {
    db,
    storage,
    applications,
    prefill: new RegistryPrefill(db, registries),
    fees: feeDesk(db, payments),
    documents: documentDesk,
  };
  await inEachLanguage(app, applyRoutes, eservices);
  await inEachLanguage(app, requestRoutes, eservices);
  await inEachLanguage(app, workspaceRoutes, eservices);
  await inEachLanguage(app, paymentRoutes, { db, payments });
  // Participation: /participate and each kind's public and staff pages.
  await inEachLanguage(app, participationRoutes, { db });
  await inEachLanguage(app, consultationRoutes, { db });
  await inEachLanguage(app, consultationStaffRoutes, { db });
  await inEachLanguage(app, surveyRoutes, { db, keySecret: config.SURVEY_KEY_SECRET });
  await inEachLanguage(app, surveyStaffRoutes, { db });
  await inEachLanguage(app, pollRoutes, { db });
  await inEachLanguage(app, documentRoutes, { db, applications, baseUrl: config.BASE_URL });
  // Open data: the catalogue and dataset pages, the staff's uploads, downloads, DCAT and the CKAN API.
  await inEachLanguage(app, openDataPageRoutes, { db, storage, baseUrl: config.BASE_URL });
  await inEachLanguage(app, openDataWorkspaceRoutes, { db, storage });
  await app.register(openDataDownloadRoutes, { db, storage });
  await app.register(dcatRoutes, { db, baseUrl: config.BASE_URL });
  await app.register(ckanRoutes, { db, baseUrl: config.BASE_URL });
  const documentJobs = new DocumentJobs(db, notifier, app.log);
  app.decorate("documentJobs", documentJobs);
  const reviewReminderJobs = new ReviewReminderJobs(db, notifier, config.CONTENT_REVIEW_MONTHS, app.log);
  app.decorate("reviewReminderJobs", reviewReminderJobs);
  await inEachLanguage(app, insightsRoutes, { db, reviewMonths: config.CONTENT_REVIEW_MONTHS });
  // The agency workspace: the staff home and the agencies' content (draft, review, versions, publishing).
  const contentNotices = new ContentNotices(notifier);
  await inEachLanguage(app, contentWorkspaceRoutes, { db, storage, notices: contentNotices });
  const workspaceJobs = new WorkspaceJobs(db, app.log, contentNotices);
  app.decorate("workspaceJobs", workspaceJobs);
  const draftJobs = new DraftJobs(applications, app.log);
  app.decorate("draftJobs", draftJobs);
  const searchIndex = new SearchIndex(db, pages, app.log);
  await searchIndex.rebuild();
  const searchAnalytics = new SearchAnalytics(db);
  // Every background job registers with the one runner: started when the app is ready, stopped in this order on close.
  const jobs = new JobRunner();
  const every = config.JOBS_INTERVAL_SECONDS;
  const searchCountsLost = (e: unknown) => app.log.warn({ err: e }, "search counts not saved");
  jobs.register({
    name: "search index",
    start: () => searchIndex.start(config.SEARCH_REFRESH_SECONDS),
    stop: () => searchIndex.stop(),
  });
  jobs.register({
    name: "search counts",
    start: () => searchAnalytics.start(config.ANALYTICS_FLUSH_SECONDS, searchCountsLost),
    stop: () => searchAnalytics.stop(),
  });
  jobs.register({ name: "draft reminders", start: () => draftJobs.start(every), stop: () => draftJobs.stop() });
  jobs.register({ name: "document reminders", start: () => documentJobs.start(every), stop: () => documentJobs.stop() });
  jobs.register({
    name: "review reminders",
    start: () => reviewReminderJobs.start(every),
    stop: () => reviewReminderJobs.stop(),
  });
  // Scheduled publishing is looked for at least every minute, so it is never far late.
  jobs.register({
    name: "scheduled publishing",
    start: () => workspaceJobs.start(Math.min(60, every)),
    stop: () => workspaceJobs.stop(),
  });
  jobs.register({ name: "payment jobs", start: () => paymentJobs.start(every), stop: () => paymentJobs.stop() });
  jobs.register({ name: "outbox", start: () => outbox.start(config.OUTBOX_INTERVAL_SECONDS), stop: () => outbox.stop() });
  jobs.register({
    name: "search counts, last flush",
    start: () => undefined,
    stop: () => searchAnalytics.flush().catch(searchCountsLost),
  });
  app.addHook("onReady", async () => jobs.startAll());
  app.addHook("onClose", async () => jobs.stopAll());
  app.decorate("searchIndex", searchIndex);
  app.decorate("searchAnalytics", searchAnalytics);
  const search = { db, index: searchIndex, analytics: searchAnalytics };
  await inEachLanguage(app, searchPageRoutes, search);
  await inEachLanguage(app, feedbackRoutes, { db, baseUrl: config.BASE_URL });
  await inEachLanguage(app, designSystemRoutes, {});
  // The workers' portal: the chooser in Arabic and English, the pages in each of the portal's own languages.
  const workerContent = loadWorkerContent();
  await inEachLanguage(app, workerChooserRoutes, { content: workerContent, baseUrl: config.BASE_URL });
  await app.register(workerPageRoutes, { content: workerContent, baseUrl: config.BASE_URL, htmlAttributes: displayAttributes });
  const visitContent = loadVisitContent();
  await inEachLanguage(app, visitRoutes, { db, content: visitContent });
  // The installable app: manifest and offline page in each language, the service worker at the root.
  await inEachLanguage(app, pwaPageRoutes, {});
  await app.register(serviceWorkerRoutes);
  await app.register(idpRoutes, { provider, db });
  await inEachLanguage(app, idpAdminRoutes, { db });
  await inEachLanguage(app, adminRoutes, { db, pages, endEverySession: (userId: string) => accounts.endEverySession(userId) });
  await app.register(catalogueApiRoutes, catalogue);
  await app.register(searchApiRoutes, { ...search, baseUrl: config.BASE_URL });
  await app.register(factsApiRoutes, { db });
  await app.register(eserviceApiRoutes, { db, baseUrl: config.BASE_URL });
  await app.register(pollApiRoutes, { db });
  await app.register(meApiRoutes, {
    db,
    baseUrl: config.BASE_URL,
    provider,
    accountExists: async (id) => Boolean((await accounts.find(id))?.disabledAt === null),
  });
  await app.register(apiDocumentRoutes, { baseUrl: config.BASE_URL, version });
  await inEachLanguage(app, apiDocsPageRoutes, { baseUrl: config.BASE_URL });
  await app.register(paymentNotificationRoutes, { payments, secret: config.PAYMENT_NOTIFY_SECRET });
  if (config.SANDBOXES) {
    const sandbox = { db, token: config.REGISTRIES_TOKEN, timeoutMs: config.REGISTRY_TIMEOUT_MS };
    await app.register(sandboxRegistryRoutes, { prefix: "/sandbox-registries", ...sandbox });
  }
  if (config.SANDBOXES) await app.register(sandboxGatewayRoutes, { db, config });
  await app.register(seoRoutes, {
    db,
    baseUrl: config.BASE_URL,
    pages,
    extraPaths: [
      "/facts",
      "/strategy",
      "/opendata",
      "/participate",
      "/sitemap",
      "/design-system",
      "/accessibility-services",
      "/accessibility-tools",
      "/workers",
      ...visitPaths(visitContent),
    ],
    extraEntries: workerSitemapEntries(workerContent),
    pathSources: [publishedDatasetPaths, publishedItemPaths],
  });
  return app;
}
