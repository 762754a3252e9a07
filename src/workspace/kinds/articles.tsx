import { EventPage, NewsPage } from "../../catalogue/components.js";
import { agencyName, catalogueEditing as edit } from "../../catalogue/service.js";
import type { Db } from "../../platform/db/client.js";
import { dohaDateTimeLocal, fromDohaDateTimeLocal } from "../../platform/time/doha.js";
import { bilingualOf, fieldProblem, stringOf } from "../fields.js";
import type { ContentData, ContentKind, FieldSpec } from "../model.js";

const articleFields: FieldSpec[] = [
  { name: "title", type: "text", bilingual: true, required: true },
  { name: "summary", type: "textarea", bilingual: true, required: true },
  { name: "body", type: "textarea", bilingual: true, required: true },
];

function articleOf(data: ContentData, slug: string) {
  return { slug, title: bilingualOf(data, "title"), summary: bilingualOf(data, "summary"), body: bilingualOf(data, "body") };
}

function articleColumns(data: ContentData, slug: string) {
  const a = articleOf(data, slug);
  return {
    slug,
    titleAr: a.title.ar,
    titleEn: a.title.en,
    summaryAr: a.summary.ar,
    summaryEn: a.summary.en,
    bodyAr: a.body.ar,
    bodyEn: a.body.en,
  };
}

function articleData(row: Omit<ReturnType<typeof articleColumns>, "slug">): ContentData {
  return {
    title: { ar: row.titleAr, en: row.titleEn },
    summary: { ar: row.summaryAr, en: row.summaryEn },
    body: { ar: row.bodyAr, en: row.bodyEn },
  };
}

async function agencyRef(db: Db, agency: string) {
  return { slug: agency, name: await agencyName(db, agency) };
}

/** A news item of the agency; unpublishing removes it from the news pages. */
export const newsKind: ContentKind = {
  name: "news",
  fields: [...articleFields, { name: "publishedAt", type: "datetime", bilingual: false, required: true }],
  creatable: true,
  choices: async () => ({}),
  slugTaken: (db, slug) => edit.newsSlugTaken(db, slug),
  async listPublished(db, agency) {
    return (await edit.agencyNewsRows(db, agency)).map((r) => ({ slug: r.slug, title: { ar: r.titleAr, en: r.titleEn } }));
  },
  async load(db, agency, slug) {
    const row = await edit.newsForEditing(db, agency, slug);
    return row ? { ...articleData(row), publishedAt: dohaDateTimeLocal(row.publishedAt) } : undefined;
  },
  apply: (tx, agency, slug, data) =>
    edit.writeNews(tx, agency, {
      ...articleColumns(data, slug),
      publishedAt: fromDohaDateTimeLocal(stringOf(data, "publishedAt")),
    }),
  unapply: (tx, agency, slug) => edit.deleteNews(tx, agency, slug),
  publicPath: (slug) => `/news/${slug}`,
  async preview({ db, agency, slug, locale }, data) {
    const when = stringOf(data, "publishedAt");
    const item = {
      ...articleOf(data, slug),
      agency: await agencyRef(db, agency),
      publishedAt: when ? fromDohaDateTimeLocal(when) : new Date(),
    };
    return { title: item.title[locale] || slug, body: <NewsPage item={item} /> };
  },
};

/** An event the agency holds; unpublishing removes it from the events pages. */
export const eventKind: ContentKind = {
  name: "event",
  fields: [
    ...articleFields,
    { name: "place", type: "text", bilingual: true, required: true },
    { name: "startsAt", type: "datetime", bilingual: false, required: true },
    { name: "endsAt", type: "datetime", bilingual: false, required: true },
  ],
  creatable: true,
  choices: async () => ({}),
  async check(data) {
    const starts = stringOf(data, "startsAt");
    const ends = stringOf(data, "endsAt");
    return starts && ends && ends <= starts ? [fieldProblem("endsAt", "invalid")] : [];
  },
  slugTaken: (db, slug) => edit.eventSlugTaken(db, slug),
  async listPublished(db, agency) {
    return (await edit.agencyEventRows(db, agency)).map((r) => ({ slug: r.slug, title: { ar: r.titleAr, en: r.titleEn } }));
  },
  async load(db, agency, slug) {
    const row = await edit.eventForEditing(db, agency, slug);
    return row
      ? {
          ...articleData(row),
          place: { ar: row.placeAr, en: row.placeEn },
          startsAt: dohaDateTimeLocal(row.startsAt),
          endsAt: dohaDateTimeLocal(row.endsAt),
        }
      : undefined;
  },
  apply(tx, agency, slug, data) {
    const place = bilingualOf(data, "place");
    return edit.writeEvent(tx, agency, {
      ...articleColumns(data, slug),
      placeAr: place.ar,
      placeEn: place.en,
      startsAt: fromDohaDateTimeLocal(stringOf(data, "startsAt")),
      endsAt: fromDohaDateTimeLocal(stringOf(data, "endsAt")),
    });
  },
  unapply: (tx, agency, slug) => edit.deleteEvent(tx, agency, slug),
  publicPath: (slug) => `/events/${slug}`,
  async preview({ db, agency, slug, locale }, data) {
    const at = (name: string) => (stringOf(data, name) ? fromDohaDateTimeLocal(stringOf(data, name)) : new Date());
    const item = {
      ...articleOf(data, slug),
      agency: await agencyRef(db, agency),
      place: bilingualOf(data, "place"),
      startsAt: at("startsAt"),
      endsAt: at("endsAt"),
    };
    return { title: item.title[locale] || slug, body: <EventPage item={item} /> };
  },
};
