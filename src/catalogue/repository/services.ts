import { and, asc, between, count, desc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ServiceStatement } from "../../forms/engine/facts.js";
import type { Db } from "../../platform/db/client.js";
import type { Channel, Maturity } from "../model.js";
import {
  agencies,
  categories,
  lifeEvents,
  personas,
  serviceCategories,
  serviceDocuments,
  serviceLifeEvents,
  servicePersonas,
  serviceRelated,
  services,
} from "../tables.js";
import type { Page, Service, ServiceDocument, ServiceSummary, Term } from "../types.js";
import { toTerm } from "./terms.js";

export interface ServiceFilters {
  /** Services for any of these personas (a persona and its sub-personas). */
  personas?: string[] | undefined;
  category?: string | undefined;
  lifeEvent?: string | undefined;
  agency?: string | undefined;
  /** Only services that can be completed fully online. */
  fullyOnline?: boolean | undefined;
}

export interface ListOptions extends ServiceFilters {
  page: number;
  pageSize: number;
  /** popularity (most used first) or title (A–Z in the given language). */
  sort?: "popularity" | "title";
  locale?: "ar" | "en";
}

export const summaryColumns = {
  slug: services.slug,
  titleAr: services.titleAr,
  titleEn: services.titleEn,
  summaryAr: services.summaryAr,
  summaryEn: services.summaryEn,
  maturity: services.maturity,
  popularity: services.popularity,
  agencySlug: agencies.slug,
  agencyNameAr: agencies.nameAr,
  agencyNameEn: agencies.nameEn,
};

type SummaryRow = {
  slug: string;
  titleAr: string;
  titleEn: string;
  summaryAr: string;
  summaryEn: string;
  maturity: string;
  popularity: number;
  agencySlug: string;
  agencyNameAr: string;
  agencyNameEn: string;
};

export function toSummary(r: SummaryRow): ServiceSummary {
  return {
    slug: r.slug,
    title: { ar: r.titleAr, en: r.titleEn },
    summary: { ar: r.summaryAr, en: r.summaryEn },
    maturity: r.maturity as Maturity,
    popularity: r.popularity,
    agency: { slug: r.agencySlug, name: { ar: r.agencyNameAr, en: r.agencyNameEn } },
  };
}

function linked(table: typeof servicePersonas, slugs: string[]): SQL {
  return sql`exists (select 1 from ${table} where ${table.serviceId} = ${services.id} and ${inArray(table.slug, slugs)})`;
}

export function whereOf(f: ServiceFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    eq(services.published, true),
    f.personas?.length ? linked(servicePersonas, f.personas) : undefined,
    f.category ? linked(serviceCategories, [f.category]) : undefined,
    f.lifeEvent ? linked(serviceLifeEvents, [f.lifeEvent]) : undefined,
    f.agency ? eq(agencies.slug, f.agency) : undefined,
    f.fullyOnline ? eq(services.maturity, "fully-online") : undefined,
  ];
  return and(...conditions.filter((c) => c !== undefined));
}

/** Published services matching the filters, one page of them, with the total. */
export async function listServices(db: Db, o: ListOptions): Promise<Page<ServiceSummary>> {
  const where = whereOf(o);
  const order =
    o.sort === "title"
      ? [asc(o.locale === "en" ? services.titleEn : services.titleAr), asc(services.id)]
      : [desc(services.popularity), asc(services.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(services)
      .innerJoin(agencies, eq(services.agencyId, agencies.id))
      .where(where)
      .orderBy(...order)
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
    db.select({ n: count() }).from(services).innerJoin(agencies, eq(services.agencyId, agencies.id)).where(where),
  ]);
  return { total: Number(total?.n ?? 0), items: rows.map(toSummary) };
}

async function termsOf(db: Db, serviceId: number): Promise<{ personas: Term[]; categories: Term[]; lifeEvents: Term[] }> {
  const load = async (link: typeof servicePersonas, terms: typeof personas) => {
    const parent = alias(terms, "parent_term");
    const rows = await db
      .select({ term: terms, parent: { nameAr: parent.nameAr, nameEn: parent.nameEn } })
      .from(link)
      .innerJoin(terms, eq(link.slug, terms.slug))
      .leftJoin(parent, eq(terms.parentSlug, parent.slug))
      .where(eq(link.serviceId, serviceId))
      .orderBy(asc(terms.position));
    return rows.map((r) => toTerm(r.term, r.parent));
  };
  const [p, c, l] = await Promise.all([
    load(servicePersonas, personas),
    load(serviceCategories, categories),
    load(serviceLifeEvents, lifeEvents),
  ]);
  return { personas: p, categories: c, lifeEvents: l };
}

/** A published service with everything its page shows. */
export async function findService(db: Db, slug: string): Promise<Service | undefined> {
  const [row] = await db
    .select({ service: services, agencySlug: agencies.slug, agencyNameAr: agencies.nameAr, agencyNameEn: agencies.nameEn })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(and(eq(services.slug, slug), eq(services.published, true)));
  if (!row) return undefined;
  const s = row.service;
  const [terms, documents, related] = await Promise.all([
    termsOf(db, s.id),
    db.select().from(serviceDocuments).where(eq(serviceDocuments.serviceId, s.id)).orderBy(asc(serviceDocuments.position)),
    db
      .select(summaryColumns)
      .from(serviceRelated)
      .innerJoin(services, eq(serviceRelated.relatedId, services.id))
      .innerJoin(agencies, eq(services.agencyId, agencies.id))
      .where(and(eq(serviceRelated.serviceId, s.id), eq(services.published, true)))
      .orderBy(asc(serviceRelated.position)),
  ]);
  return {
    ...toSummary({ ...s, agencySlug: row.agencySlug, agencyNameAr: row.agencyNameAr, agencyNameEn: row.agencyNameEn }),
    sections: s.sections,
    startUrl: s.startUrl ?? undefined,
    startEservice: s.startEservice ?? undefined,
    channels: s.channels as Channel[],
    facts: s.facts ?? undefined,
    keywords: { ar: s.keywordsAr, en: s.keywordsEn },
    ...terms,
    documents: documents.map(
      (d): ServiceDocument => ({
        slug: d.slug,
        title: { ar: d.titleAr, en: d.titleEn },
        fileName: d.fileName,
        contentType: d.contentType,
        sizeBytes: d.sizeBytes,
      }),
    ),
    related: related.map(toSummary),
    lastReviewed: new Date(`${s.lastReviewed}T00:00:00Z`),
  };
}

/** A downloadable document of a published service, with where its bytes are kept. */
export async function findDocument(
  db: Db,
  serviceSlug: string,
  documentSlug: string,
): Promise<(ServiceDocument & { storageKey: string }) | undefined> {
  const [row] = await db
    .select({ doc: serviceDocuments })
    .from(serviceDocuments)
    .innerJoin(services, eq(serviceDocuments.serviceId, services.id))
    .where(and(eq(services.slug, serviceSlug), eq(serviceDocuments.slug, documentSlug), eq(services.published, true)));
  if (!row) return undefined;
  const d = row.doc;
  return {
    slug: d.slug,
    title: { ar: d.titleAr, en: d.titleEn },
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    storageKey: d.storageKey,
  };
}

export interface ServiceCounts {
  total: number;
  fullyOnline: number;
  online: number;
}

/** How many published services there are, and how many can be done online. */
export async function countServices(db: Db): Promise<ServiceCounts> {
  const [row] = await db
    .select({
      total: count(),
      fullyOnline: sql<number>`count(*) filter (where ${services.maturity} = 'fully-online')`.mapWith(Number),
      online: sql<number>`count(*) filter (where ${services.maturity} in ('fully-online', 'partly-online'))`.mapWith(Number),
    })
    .from(services)
    .where(eq(services.published, true));
  return { total: Number(row?.total ?? 0), fullyOnline: row?.fullyOnline ?? 0, online: row?.online ?? 0 };
}

/** Every published service's slug and review date, for the XML sitemap, in pages. */
export async function serviceSlugs(db: Db, offset: number, limit: number): Promise<{ slug: string; lastReviewed: string }[]> {
  return db
    .select({ slug: services.slug, lastReviewed: services.lastReviewed })
    .from(services)
    .where(eq(services.published, true))
    .orderBy(asc(services.id))
    .limit(limit)
    .offset(offset);
}

/** The agencies that own services matching the filters (the agency filter itself aside), for the filter list. */
export async function agenciesWithServices(
  db: Db,
  f: ServiceFilters,
): Promise<{ slug: string; name: { ar: string; en: string } }[]> {
  const rows = await db
    .selectDistinct({ slug: agencies.slug, nameAr: agencies.nameAr, nameEn: agencies.nameEn })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(whereOf({ ...f, agency: undefined }));
  return rows.map((r) => ({ slug: r.slug, name: { ar: r.nameAr, en: r.nameEn } }));
}

/** A published service with all its searchable text, in one row. */
export interface ServiceSearchRow {
  id: number;
  slug: string;
  title: { ar: string; en: string };
  summary: { ar: string; en: string };
  sections: Service["sections"];
  keywords: { ar: string; en: string };
  maturity: Maturity;
  popularity: number;
  agency: { slug: string; name: { ar: string; en: string } };
  personas: string[];
  categories: string[];
  categoryNames: string;
  /** What the service is for, in people's words: the names and descriptions of its personas and life events. */
  audience: { ar: string; en: string };
  /** Its downloadable forms. */
  documents: { slug: string; title: { ar: string; en: string } }[];
}

/**
 * Published services after the one with id `afterId`, with their searchable
 * text (eight queries per page), or only those of the ids given (a change).
 */
export async function servicesForSearch(db: Db, afterId: number, limit: number, only?: number[]): Promise<ServiceSearchRow[]> {
  if (only?.length === 0) return [];
  const rows = await db
    .select({
      ...summaryColumns,
      id: services.id,
      sections: services.sections,
      keywordsAr: services.keywordsAr,
      keywordsEn: services.keywordsEn,
    })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(and(eq(services.published, true), gt(services.id, afterId), only ? inArray(services.id, only) : undefined))
    .orderBy(asc(services.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // A page of consecutive services reads its links by a range of ids (a list of thousands of ids costs more than the rows).
  const first = ids[0] as number;
  const last = ids[ids.length - 1] as number;
  const dense = last - first < ids.length * 2;
  const of = (column: typeof servicePersonas.serviceId | typeof serviceDocuments.serviceId) =>
    dense ? between(column, first, last) : inArray(column, ids);
  const [personaLinks, categoryLinks, categoryRows, lifeEventLinks, personaRows, lifeEventRows, documentRows] = await Promise.all(
    [
      db.select().from(servicePersonas).where(of(servicePersonas.serviceId)),
      db.select().from(serviceCategories).where(of(serviceCategories.serviceId)),
      db.select({ slug: categories.slug, nameAr: categories.nameAr, nameEn: categories.nameEn }).from(categories),
      db.select().from(serviceLifeEvents).where(of(serviceLifeEvents.serviceId)),
      db.select().from(personas),
      db.select().from(lifeEvents),
      db
        .select({
          serviceId: serviceDocuments.serviceId,
          slug: serviceDocuments.slug,
          titleAr: serviceDocuments.titleAr,
          titleEn: serviceDocuments.titleEn,
        })
        .from(serviceDocuments)
        .where(of(serviceDocuments.serviceId))
        .orderBy(asc(serviceDocuments.position)),
    ],
  );
  const group = (links: { serviceId: number; slug: string }[]) => {
    const by = new Map<number, string[]>();
    for (const l of links) by.set(l.serviceId, [...(by.get(l.serviceId) ?? []), l.slug]);
    return by;
  };
  const personasOf = group(personaLinks);
  const categoriesOf = group(categoryLinks);
  const categoryName = new Map(categoryRows.map((c) => [c.slug, `${c.nameAr} ${c.nameEn}`]));
  const lifeEventsOf = group(lifeEventLinks);
  const words = (rows: Term[], slugs: string[], locale: "ar" | "en") =>
    rows
      .filter((t) => slugs.includes(t.slug))
      .map((t) => `${t.name[locale]} ${t.description[locale]}`)
      .join(" \n ");
  const personaTerms = personaRows.map((r) => toTerm(r));
  const lifeEventTerms = lifeEventRows.map((r) => toTerm(r));
  const documentsOf = new Map<number, ServiceSearchRow["documents"]>();
  for (const d of documentRows) {
    documentsOf.set(d.serviceId, [
      ...(documentsOf.get(d.serviceId) ?? []),
      { slug: d.slug, title: { ar: d.titleAr, en: d.titleEn } },
    ]);
  }
  return rows.map((r) => {
    const cats = categoriesOf.get(r.id) ?? [];
    const who = personasOf.get(r.id) ?? [];
    const when = lifeEventsOf.get(r.id) ?? [];
    return {
      audience: {
        ar: `${words(personaTerms, who, "ar")} \n ${words(lifeEventTerms, when, "ar")}`,
        en: `${words(personaTerms, who, "en")} \n ${words(lifeEventTerms, when, "en")}`,
      },
      documents: documentsOf.get(r.id) ?? [],
      ...toSummary(r),
      id: r.id,
      sections: r.sections,
      keywords: { ar: r.keywordsAr, en: r.keywordsEn },
      personas: personasOf.get(r.id) ?? [],
      categories: cats,
      categoryNames: cats.map((c) => categoryName.get(c) ?? "").join(" "),
    };
  });
}

/** Published services by slug, in the order asked. */
export async function servicesBySlugs(db: Db, slugs: string[]): Promise<ServiceSummary[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(and(inArray(services.slug, slugs), eq(services.published, true)));
  const bySlug = new Map(rows.map((r) => [r.slug, toSummary(r)]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

/**
 * What a service states that its e-service must agree with (its agency,
 * channels and facts), published or not, by its slug; for the e-services'
 * publishing check and start page.
 */
export async function serviceStatement(
  db: Db,
  slug: string,
): Promise<(ServiceStatement & { title: Service["title"] }) | undefined> {
  const [row] = await db
    .select({
      agency: agencies.slug,
      channels: services.channels,
      facts: services.facts,
      titleAr: services.titleAr,
      titleEn: services.titleEn,
    })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(eq(services.slug, slug));
  return row
    ? { agency: row.agency, channels: row.channels, facts: row.facts ?? undefined, title: { ar: row.titleAr, en: row.titleEn } }
    : undefined;
}
