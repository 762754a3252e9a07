import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { runOnce } from "../../platform/db/once.js";
import { bumpVersion } from "../../platform/db/versions.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { dohaMoment } from "../../platform/time/doha.js";
import type { CatalogueContent } from "../content/load.js";
import type { TermContent } from "../content/schema.js";
import { CATALOGUE_VERSION } from "../model.js";
import {
  agencies,
  categories,
  events,
  initiatives,
  lifeEvents,
  news,
  personas,
  serviceCategories,
  serviceDocuments,
  serviceLifeEvents,
  servicePersonas,
  serviceRelated,
  services,
} from "../tables.js";

/** Where a demo form's bytes are kept in the file storage. */
export const documentKey = (slug: string) => `catalogue/documents/${slug}.pdf`;

function termRows(terms: TermContent[]) {
  return terms.map((t, position) => ({
    slug: t.slug,
    parentSlug: t.parent ?? null,
    nameAr: t.name.ar,
    nameEn: t.name.en,
    descriptionAr: t.description.ar,
    descriptionEn: t.description.en,
    position,
  }));
}

/** Inserts the demo content into the catalogue tables (inside the caller's transaction). */
async function insertContent(db: Db, storage: FileStorage, c: CatalogueContent): Promise<void> {
  await db.insert(personas).values(termRows(c.personas));
  await db.insert(categories).values(termRows(c.categories));
  await db.insert(lifeEvents).values(termRows(c.lifeEvents));

  const agencyIds = new Map<string, number>();
  for (const { agency: a } of c.agencies) {
    const [row] = await db
      .insert(agencies)
      .values({
        slug: a.slug,
        type: a.type,
        nameAr: a.name.ar,
        nameEn: a.name.en,
        shortNameAr: a.shortName.ar,
        shortNameEn: a.shortName.en,
        descriptionAr: a.description.ar,
        descriptionEn: a.description.en,
        website: a.website,
        phone: a.phone,
        email: a.email,
        addressAr: a.address.ar,
        addressEn: a.address.en,
        openingHoursAr: a.openingHours.ar,
        openingHoursEn: a.openingHours.en,
        latitude: a.location.lat,
        longitude: a.location.lng,
      })
      .returning({ id: agencies.id });
    if (row) agencyIds.set(a.slug, row.id);
  }
  for (const { agency: a } of c.agencies) {
    if (a.parent)
      await db
        .update(agencies)
        .set({ parentId: agencyIds.get(a.parent) })
        .where(eq(agencies.slug, a.slug));
  }

  const serviceIds = new Map<string, number>();
  for (const { agency, services: list } of c.agencies) {
    for (const s of list) {
      const [row] = await db
        .insert(services)
        .values({
          slug: s.slug,
          agencyId: agencyIds.get(agency.slug) ?? 0,
          titleAr: s.title.ar,
          titleEn: s.title.en,
          summaryAr: s.summary.ar,
          summaryEn: s.summary.en,
          sections: {
            ar: {
              description: s.description.ar,
              eligibility: s.eligibility.ar,
              requirements: s.requirements.ar,
              steps: s.steps.ar,
              fees: s.fees.ar,
              processingTime: s.processingTime.ar,
              ...(s.easyRead ? { easyRead: s.easyRead.ar } : {}),
            },
            en: {
              description: s.description.en,
              eligibility: s.eligibility.en,
              requirements: s.requirements.en,
              steps: s.steps.en,
              fees: s.fees.en,
              processingTime: s.processingTime.en,
              ...(s.easyRead ? { easyRead: s.easyRead.en } : {}),
            },
          },
          maturity: s.maturity,
          startUrl: s.start && "url" in s.start ? s.start.url : null,
          startEservice: s.start && "eservice" in s.start ? s.start.eservice : null,
          channels: s.channels,
          facts: s.facts ?? null,
          keywordsAr: s.keywords.ar.join(" | "),
          keywordsEn: s.keywords.en.join(" | "),
          popularity: s.popularity,
          lastReviewed: s.reviewed,
        })
        .returning({ id: services.id });
      if (!row) continue;
      serviceIds.set(s.slug, row.id);
      const link = (slugs: string[]) => slugs.map((slug) => ({ serviceId: row.id, slug }));
      if (s.personas.length) await db.insert(servicePersonas).values(link(s.personas));
      if (s.categories.length) await db.insert(serviceCategories).values(link(s.categories));
      if (s.lifeEvents.length) await db.insert(serviceLifeEvents).values(link(s.lifeEvents));
      for (const [position, d] of s.documents.entries()) {
        // pdf-lib (about 4 MB of heap) is loaded only when the demo's forms are first made.
        const { makeFormPdf } = await import("./form-pdf.js");
        const bytes = await makeFormPdf({ title: d.title.en, service: s.title.en, agency: agency.name.en });
        await storage.put(documentKey(d.slug), bytes);
        await db.insert(serviceDocuments).values({
          serviceId: row.id,
          slug: d.slug,
          titleAr: d.title.ar,
          titleEn: d.title.en,
          fileName: `${d.slug}.pdf`,
          contentType: "application/pdf",
          sizeBytes: bytes.byteLength,
          storageKey: documentKey(d.slug),
          position,
        });
      }
    }
  }
  for (const { services: list } of c.agencies) {
    for (const s of list) {
      const rows = s.related
        .map((slug, position) => ({ serviceId: serviceIds.get(s.slug) ?? 0, relatedId: serviceIds.get(slug) ?? 0, position }))
        .filter((r) => r.relatedId && r.serviceId !== r.relatedId);
      if (rows.length) await db.insert(serviceRelated).values(rows);
    }
  }

  const article = (a: {
    slug: string;
    title: { ar: string; en: string };
    summary: { ar: string; en: string };
    body: { ar: string; en: string };
    agency?: string | undefined;
  }) => ({
    slug: a.slug,
    titleAr: a.title.ar,
    titleEn: a.title.en,
    summaryAr: a.summary.ar,
    summaryEn: a.summary.en,
    bodyAr: a.body.ar,
    bodyEn: a.body.en,
    agencyId: a.agency ? (agencyIds.get(a.agency) ?? null) : null,
  });
  if (c.news.length) {
    await db.insert(news).values(c.news.map((n) => ({ ...article(n), publishedAt: dohaMoment(n.published, "08:00") })));
  }
  if (c.events.length) {
    await db.insert(events).values(
      c.events.map((e) => ({
        ...article(e),
        placeAr: e.place.ar,
        placeEn: e.place.en,
        startsAt: new Date(e.starts),
        endsAt: new Date(e.ends),
      })),
    );
  }
  if (c.initiatives.length) await db.insert(initiatives).values(c.initiatives.map((i) => ({ ...article(i), since: i.since })));
  await bumpVersion(db, CATALOGUE_VERSION);
}

/** Loads the demo catalogue into an empty database, once, even when several instances start together. */
export function loadDemoCatalogue(db: Db, storage: FileStorage, content: CatalogueContent): Promise<boolean> {
  return runOnce(db, "demo-catalogue", (tx) => insertContent(tx, storage, content));
}
