import type { FastifyInstance } from "fastify";
import { agencyName, agencyNames } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { NotFoundError } from "../platform/http/errors.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import { PUBLIC_PAGE } from "../platform/http/page-cache.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { toCsv, toRecords } from "./csv.js";
import { modifiedOf, tableOf } from "./data.js";
import { findDataset, publishingAgencies, searchDatasets } from "./repository.js";
import { CHART_ROWS, catalogueQuery, downloadParams, PAGE_SIZE, slugParams } from "./schemas.js";
import { CataloguePage } from "./views/CataloguePage.js";
import { DatasetPage } from "./views/DatasetPage.js";
import { dataCatalogJsonLd, datasetJsonLd } from "./views/structured-data.js";

export interface OpenDataRouteOptions {
  db: Db;
  storage: FileStorage;
  /** The portal's public address, for the pages' structured data (only the pages need it). */
  baseUrl?: string;
}

/** The open data pages (registered in each language): the catalogue and a dataset's page. */
export async function openDataPageRoutes(app: FastifyInstance, { db, storage, baseUrl = "" }: OpenDataRouteOptions) {
  app.get("/opendata", PUBLIC_PAGE, async (request, reply) => {
    const { tr, locale } = request;
    const query = parseOrRefuse(catalogueQuery, request.query);
    const [found, names, counts] = await Promise.all([searchDatasets(db, query), agencyNames(db), publishingAgencies(db)]);
    const pageCount = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    if (query.page > pageCount) throw new NotFoundError();
    const agencies = [...counts]
      .map(([slug, count]) => ({ slug, count, name: names.get(slug)?.[locale] ?? slug }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    const title = tr.t("opendata.catalogue.title");
    return reply.page({
      title: query.page > 1 ? tr.t("opendata.catalogue.pageTitle", { title, page: query.page }) : title,
      description: tr.t("opendata.catalogue.lead"),
      breadcrumbs: [{ label: title }],
      body: (
        <CataloguePage
          query={query}
          items={found.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE)}
          total={found.length}
          pageCount={pageCount}
          agencies={agencies}
          agencyNames={names}
        />
      ),
      jsonLd: dataCatalogJsonLd(title, tr.t("opendata.catalogue.lead"), locale, baseUrl),
    });
  });

  app.get("/opendata/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { tr, locale } = request;
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const dataset = await findDataset(db, slug);
    if (!dataset?.published) throw new NotFoundError();
    const generated = dataset.generator ? await tableOf(db, storage, dataset) : undefined;
    const preview = generated
      ? { columns: generated.columns, rows: generated.rows.slice(0, CHART_ROWS) }
      : await tableOf(db, storage, dataset, CHART_ROWS);
    const rowCount = generated
      ? generated.rows.length
      : (dataset.resources.find((r) => r.format === "CSV")?.rowCount ?? undefined);
    const agency = (await agencyName(db, dataset.agency))[locale];
    const title = locale === "ar" ? dataset.titleAr : dataset.titleEn;
    return reply.page({
      title,
      description: locale === "ar" ? dataset.descriptionAr : dataset.descriptionEn,
      breadcrumbs: [{ label: tr.t("opendata.catalogue.title"), path: "/opendata" }, { label: title }],
      body: (
        <DatasetPage dataset={dataset} agencyName={agency} modified={modifiedOf(dataset)} preview={preview} rowCount={rowCount} />
      ),
      jsonLd: datasetJsonLd(dataset, modifiedOf(dataset), agency, tr.t("opendata.catalogue.title"), locale, baseUrl),
    });
  });
}

/** The downloads (language-neutral): /opendata/<slug>/csv and /opendata/<slug>/json. */
export async function openDataDownloadRoutes(app: FastifyInstance, { db, storage }: OpenDataRouteOptions) {
  app.get("/opendata/:slug/:format", async (request, reply) => {
    const { slug, format } = parseOrRefuse(downloadParams, request.params, { notFound: true });
    const dataset = await findDataset(db, slug);
    const resource = dataset?.resources.find((r) => r.format.toLowerCase() === format);
    if (!dataset?.published || !resource) throw new NotFoundError();
    if (format === "csv" && resource.storageKey) {
      const bytes = await storage.get(resource.storageKey);
      if (!bytes) throw new NotFoundError();
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${slug}.csv"`)
        .send(bytes);
    }
    const table = await tableOf(db, storage, dataset);
    if (!table) throw new NotFoundError();
    if (format === "csv")
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${slug}.csv"`)
        .send(toCsv(table));
    return reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="${slug}.json"`)
      .send(JSON.stringify(toRecords(table)));
  });
}
