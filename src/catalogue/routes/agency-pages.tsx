import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { PUBLIC_PAGE } from "../../platform/http/page-cache.js";
import { words } from "../../platform/text/normalize.js";
import { findAgency, listAgencies } from "../repository/agencies.js";
import { directoryQuery, slugParams } from "../schemas.js";
import { AgencyDirectory, AgencyPage } from "../views/AgencyPages.js";
import { agencyJsonLd } from "../views/structured-data.js";
import { loadListing } from "./browse-pages.js";
import type { CatalogueRouteOptions } from "./service-pages.js";

/** The agency directory and each agency's page. */
export async function agencyPageRoutes(app: FastifyInstance, opts: CatalogueRouteOptions) {
  const { db } = opts;

  app.get("/agencies", PUBLIC_PAGE, async (request, reply) => {
    const q = parseOrRefuse(directoryQuery, request.query);
    const wanted = words(q.q);
    const all = await listAgencies(db);
    const matches = all.filter((a) => {
      if (q.type && a.type !== q.type) return false;
      if (!wanted.length) return true;
      const haystack = words(`${a.name.ar} ${a.name.en} ${a.shortName.ar} ${a.shortName.en}`);
      return wanted.every((w) => haystack.some((h) => h.startsWith(w) || h === w));
    });
    const title = request.tr.t("catalogue.agencies.title");
    return reply.page({
      title,
      description: request.tr.t("catalogue.agencies.lead"),
      breadcrumbs: [{ label: title }],
      body: <AgencyDirectory agencies={matches} state={{ q: q.q, type: q.type }} />,
    });
  });

  app.get("/agencies/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const agency = await findAgency(db, slug);
    if (!agency) throw new NotFoundError();
    const listing = await loadListing(opts, request, `/agencies/${slug}`, { agency: slug });
    const { locale, tr } = request;
    return reply.page({
      title: agency.name[locale],
      description: agency.description[locale],
      breadcrumbs: [
        { label: tr.t("catalogue.agencies.title"), path: "/agencies" },
        ...(agency.parent ? [{ label: agency.parent.name[locale], path: `/agencies/${agency.parent.slug}` }] : []),
        { label: agency.name[locale] },
      ],
      body: <AgencyPage agency={agency} listing={listing} />,
      jsonLd: agencyJsonLd(agency, locale, opts.baseUrl),
    });
  });
}
