import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db/client.js";
import { attachment } from "../../platform/http/download-name.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { PUBLIC_PAGE } from "../../platform/http/page-cache.js";
import type { Translator } from "../../platform/i18n/messages.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { agenciesWithServices, findDocument, findService, listServices } from "../repository/services.js";
import { documentParams, listPageQuery, PAGE_SIZE, slugParams } from "../schemas.js";
import { ServiceListing } from "../views/ServiceListing.js";
import { ServicePage, startHref } from "../views/ServicePage.js";
import { governmentServiceJsonLd } from "../views/structured-data.js";

export interface CatalogueRouteOptions {
  db: Db;
  storage: FileStorage;
  baseUrl: string;
  /** The rules of the e-service that completes a service, in words, from its definition (given by the e-services area). */
  onlineRules?: ((eservice: string, tr: Translator) => Promise<string[]>) | undefined;
  /** Services' slugs by use, most used first: last month's completed transactions (given by the statistics area). */
  rankedServices?: (() => Promise<string[]>) | undefined;
  /** Where to book a visit for a service, when centres offer it (given by the appointments area); the same for every visitor. */
  bookingLink?: ((serviceSlug: string) => Promise<string | undefined>) | undefined;
}

/** The list of all services, a service's page, and its downloadable documents. */
export async function servicePageRoutes(
  app: FastifyInstance,
  { db, storage, baseUrl, onlineRules, bookingLink }: CatalogueRouteOptions,
) {
  app.get("/services", PUBLIC_PAGE, async (request, reply) => {
    const q = parseOrRefuse(listPageQuery, request.query);
    const filters = { fullyOnline: q.online === "1", agency: q.agency };
    const [result, agencies] = await Promise.all([
      listServices(db, { ...filters, page: q.page, pageSize: PAGE_SIZE, sort: "title", locale: request.locale }),
      agenciesWithServices(db, filters),
    ]);
    const title = request.tr.t("catalogue.services.title");
    return reply.page({
      title,
      description: request.tr.t("catalogue.services.lead"),
      breadcrumbs: [{ label: title }],
      body: (
        <div>
          <h1 class="heading-xl">{title}</h1>
          <p class="lead">{request.tr.t("catalogue.services.lead")}</p>
          <ServiceListing
            path="/services"
            result={result}
            page={q.page}
            pageSize={PAGE_SIZE}
            filters={filters}
            agencies={agencies}
          />
        </div>
      ),
    });
  });

  app.get("/services/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const service = await findService(db, slug);
    if (!service) throw new NotFoundError();
    const { locale, tr } = request;
    const path = `${locale === "en" ? "/en" : ""}/services/${slug}`;
    return reply.page({
      title: service.title[locale],
      description: service.summary[locale],
      breadcrumbs: [
        { label: tr.t("catalogue.services.title"), path: "/services" },
        ...(service.categories[0]
          ? [{ label: service.categories[0].name[locale], path: `/topics/${service.categories[0].slug}` }]
          : []),
        { label: service.title[locale] },
      ],
      body: (
        <ServicePage
          service={service}
          rules={service.startEservice && onlineRules ? await onlineRules(service.startEservice, tr) : []}
          bookHref={bookingLink ? await bookingLink(service.slug) : undefined}
        />
      ),
      jsonLd: governmentServiceJsonLd(
        service,
        locale,
        baseUrl,
        path,
        startHref(service, (p) => `${locale === "en" ? "/en" : ""}${p}`),
      ),
    });
  });

  app.get("/services/:slug/documents/:document", async (request, reply) => {
    const { slug, document } = parseOrRefuse(documentParams, request.params, { notFound: true });
    const doc = await findDocument(db, slug, document);
    const bytes = doc ? await storage.get(doc.storageKey) : undefined;
    if (!doc || !bytes) throw new NotFoundError();
    return reply
      .type(doc.contentType)
      .header("content-disposition", attachment(doc.fileName, doc.contentType))
      .header("cache-control", "public, max-age=3600")
      .send(bytes);
  });
}
