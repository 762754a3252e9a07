import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../platform/http/errors.js";
import { parseOrRefuse } from "../../platform/http/forms.js";
import { PUBLIC_PAGE } from "../../platform/http/page-cache.js";
import { agenciesWithServices, listServices, type ServiceFilters } from "../repository/services.js";
import { type TaskFirst, taskFirst } from "../repository/task-first.js";
import { findTerm, listTerms, type TermKind } from "../repository/terms.js";
import { listPageQuery, PAGE_SIZE, slugParams } from "../schemas.js";
import { personaFamily } from "../service.js";
import type { Term } from "../types.js";
import { PersonaChooser, PersonaPage, TermIndexPage, TermPage } from "../views/BrowsePages.js";
import { personaName } from "../views/labels.js";
import type { ListingProps } from "../views/ServiceListing.js";
import type { CatalogueRouteOptions } from "./service-pages.js";

/** Loads one page of a filtered list of services, with the agencies to filter by. */
export async function loadListing(
  { db }: Pick<CatalogueRouteOptions, "db">,
  request: FastifyRequest,
  path: string,
  scope: ServiceFilters,
): Promise<ListingProps> {
  const q = parseOrRefuse(listPageQuery, request.query);
  const filters = { fullyOnline: q.online === "1", agency: scope.agency ?? q.agency };
  const [result, agencies] = await Promise.all([
    listServices(db, { ...scope, ...filters, page: q.page, pageSize: PAGE_SIZE, locale: request.locale }),
    scope.agency ? Promise.resolve([]) : agenciesWithServices(db, { ...scope, fullyOnline: filters.fullyOnline }),
  ]);
  return { path, result, page: q.page, pageSize: PAGE_SIZE, filters, agencies };
}

/**
 * A browsing page's top tasks and groups, on its first page with no filter
 * (later pages and filtered lists are the list alone). Top tasks follow the
 * ranking of use the home page and the facts page show (`ranked`).
 */
async function loadTaskFirst(
  { db, rankedServices }: Pick<CatalogueRouteOptions, "db" | "rankedServices">,
  request: FastifyRequest,
  scope: ServiceFilters,
  by: "category" | "lifeEvent",
): Promise<TaskFirst | undefined> {
  const q = parseOrRefuse(listPageQuery, request.query);
  if (q.page > 1 || q.online === "1" || q.agency) return undefined;
  return taskFirst(db, scope, by, rankedServices ? await rankedServices() : []);
}

const termPages: {
  kind: Exclude<TermKind, "persona">;
  base: string;
  titleKey: string;
  leadKey: string;
  filter: keyof ServiceFilters;
  /** A topic's services are grouped by life event, a life event's by topic. */
  groupBy: "category" | "lifeEvent";
}[] = [
  {
    kind: "category",
    base: "/topics",
    titleKey: "catalogue.topics.title",
    leadKey: "catalogue.topics.lead",
    filter: "category",
    groupBy: "lifeEvent",
  },
  {
    kind: "lifeEvent",
    base: "/life-events",
    titleKey: "catalogue.lifeEvents.title",
    leadKey: "catalogue.lifeEvents.lead",
    filter: "lifeEvent",
    groupBy: "category",
  },
];

/** Ways into the catalogue: by persona, by topic and by life event. */
export async function browsePageRoutes(app: FastifyInstance, opts: CatalogueRouteOptions) {
  const { db } = opts;

  app.get("/for", PUBLIC_PAGE, async (request, reply) => {
    const personas = await listTerms(db, "persona");
    const title = request.tr.t("catalogue.persona.indexTitle");
    return reply.page({
      title,
      breadcrumbs: [{ label: title }],
      body: (
        <div>
          <h1 class="heading-xl">{title}</h1>
          <p class="lead">{request.tr.t("catalogue.persona.indexLead")}</p>
          <PersonaChooser personas={personas} />
        </div>
      ),
    });
  });

  app.get("/for/:slug", PUBLIC_PAGE, async (request, reply) => {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const all = await listTerms(db, "persona");
    const persona = all.find((p) => p.slug === slug);
    if (!persona) throw new NotFoundError();
    const scope = { personas: personaFamily(all, slug) };
    const [listing, tasks] = await Promise.all([
      loadListing(opts, request, `/for/${slug}`, scope),
      loadTaskFirst(opts, request, scope, "category"),
    ]);
    const parent = all.find((p) => p.slug === persona.parent);
    const { locale, tr } = request;
    const title = tr.t("catalogue.persona.title", { persona: personaName(persona, locale, (k, v) => tr.t(k, v)) });
    return reply.page({
      title,
      description: persona.description[locale],
      breadcrumbs: [
        { label: tr.t("catalogue.persona.indexTitle"), path: "/for" },
        ...(parent ? [{ label: parent.name[locale], path: `/for/${parent.slug}` }] : []),
        { label: persona.name[locale] },
      ],
      body: (
        <PersonaPage persona={persona} children={all.filter((p: Term) => p.parent === slug)} listing={listing} tasks={tasks} />
      ),
    });
  });

  for (const page of termPages) {
    app.get(page.base, PUBLIC_PAGE, async (request, reply) => {
      const terms = await listTerms(db, page.kind);
      const title = request.tr.t(page.titleKey);
      return reply.page({
        title,
        description: request.tr.t(page.leadKey),
        breadcrumbs: [{ label: title }],
        body: <TermIndexPage title={title} lead={request.tr.t(page.leadKey)} terms={terms} base={page.base} />,
      });
    });

    app.get(`${page.base}/:slug`, PUBLIC_PAGE, async (request, reply) => {
      const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
      const term = await findTerm(db, page.kind, slug);
      if (!term) throw new NotFoundError();
      const scope = { [page.filter]: slug };
      const [listing, tasks] = await Promise.all([
        loadListing(opts, request, `${page.base}/${slug}`, scope),
        loadTaskFirst(opts, request, scope, page.groupBy),
      ]);
      const { locale, tr } = request;
      return reply.page({
        title: term.name[locale],
        description: term.description[locale],
        breadcrumbs: [{ label: tr.t(page.titleKey), path: page.base }, { label: term.name[locale] }],
        body: <TermPage term={term} listing={listing} tasks={tasks} groupedBy={page.groupBy} />,
      });
    });
  }
}
