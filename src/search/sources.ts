import {
  type Article,
  agenciesForSearch,
  agencyNames,
  listEvents,
  listInitiatives,
  listNews,
  servicesForSearch,
} from "../catalogue/service.js";
import { publishedDatasetsForSearch } from "../opendata/service.js";
import type { ContentPage } from "../pages/content.js";
import { publishedItems } from "../participation/listing.js";
import type { Db } from "../platform/db/client.js";
import { loadVisitContent, type VisitContent } from "../visit/content.js";
import { loadWorkerContent, type WorkerContent } from "../workers/content.js";
import { workerLanguages, workerPath } from "../workers/languages.js";
import type { DocType, SearchDoc } from "./documents.js";
import { readAgencyNames } from "./settings.js";

const PAGE = 5000;

/** The visitors' and workers' pages are files read once: they change with a release, not at run time. */
let files: { visit: VisitContent; workers: WorkerContent } | undefined;
function fileContent() {
  files ??= { visit: loadVisitContent(), workers: loadWorkerContent() };
  return files;
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const same = (text: string) => ({ ar: text, en: text });

/**
 * The words people add to say what kind of thing they look for ("the form
 * for…", "statistics on…", "استبيان…"), indexed with each thing of that
 * kind so such a query finds it rather than only the services on the subject.
 */
const kindWords: Partial<Record<DocType, string>> = {
  agency: "جهة حكومية government body",
  visit: "زوار زائر سياح سائح visitor visitors tourist tourists",
  form: "نموذج استمارة تحميل طلب ورقي form forms download paper application",
  dataset: "بيانات مفتوحة إحصاءات احصائيات أرقام dataset data statistics figures numbers open data",
  news: "خبر أخبار news",
  event: "فعالية فعاليات حدث event events",
  initiative: "مبادرة مبادرات initiative initiatives programme",
  poll: "استطلاع تصويت رأي poll vote",
  survey: "استبيان استطلاع survey questionnaire",
  consultation: "مشاورة استشارة مسودة رأي consultation draft have your say",
};

function doc(
  type: DocType,
  slug: string,
  path: string,
  fields: Partial<SearchDoc> & Pick<SearchDoc, "title" | "summary">,
): SearchDoc {
  const d: SearchDoc = {
    id: `${type}:${slug}`,
    type,
    slug,
    path,
    keywords: "",
    body: "",
    personas: [],
    popularity: 0,
    ...fields,
  };
  const kind = kindWords[type];
  return kind ? { ...d, keywords: `${d.keywords} ${kind}` } : d;
}

/** Services and their downloadable forms, a page of the catalogue at a time (only the services of `only`, when given). */
async function serviceDocs(db: Db, docs: SearchDoc[], only?: number[]): Promise<void> {
  for (let afterId = 0; ; ) {
    const rows = await servicesForSearch(db, afterId, PAGE, only);
    afterId = rows[rows.length - 1]?.id ?? afterId;
    for (const s of rows) {
      docs.push(
        doc("service", s.slug, `/services/${s.slug}`, {
          title: s.title,
          summary: s.summary,
          keywords: `${s.keywords.ar} ${s.keywords.en}`,
          purpose: `${s.audience.ar} \n ${s.audience.en}`,
          body: [
            s.sections.ar.description,
            s.sections.en.description,
            s.sections.ar.eligibility,
            s.sections.en.eligibility,
            ...s.sections.ar.requirements,
            ...s.sections.en.requirements,
            s.agency.name.ar,
            s.agency.name.en,
            s.categoryNames,
          ].join(" \n "),
          agency: s.agency,
          personas: s.personas,
          maturity: s.maturity,
          popularity: s.popularity,
        }),
      );
      for (const f of s.documents) {
        docs.push(
          doc("form", f.slug, `/services/${s.slug}/documents/${f.slug}`, {
            title: f.title,
            summary: s.title,
            keywords: `${s.keywords.ar} ${s.keywords.en}`,
            body: `${s.summary.ar} \n ${s.summary.en}`,
            agency: s.agency,
            popularity: s.popularity / 2,
          }),
        );
      }
    }
    if (rows.length < PAGE) break;
  }
}

/** The documents of these services (by id) and of their forms, for a change to a few of them. */
export async function catalogueDocsOf(db: Db, ids: number[]): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  if (ids.length) await serviceDocs(db, docs, ids);
  return docs;
}

/** The visitors' pages in both languages, and every workers' page in its own language. */
function fileDocs(docs: SearchDoc[]): void {
  const { visit, workers } = fileContent();
  for (const t of [visit.index, ...visit.topics]) {
    docs.push(
      doc("visit", t.slug, t.path, {
        title: { ar: t.text.ar.title, en: t.text.en.title },
        summary: { ar: t.text.ar.description, en: t.text.en.description },
        body: `${plainText(t.text.ar.html)} \n ${plainText(t.text.en.html)}`,
        popularity: 50,
      }),
    );
  }
  for (const language of workerLanguages) {
    for (const p of workers.pages[language]) {
      docs.push(
        doc("worker", `${language}/${p.slug}`, workerPath(language, p.slug), {
          title: same(p.title),
          summary: same(p.description),
          keywords: p.nav,
          body: plainText(p.html),
          language,
          popularity: 20,
        }),
      );
    }
  }
}

/**
 * The parts of the index, each read by itself, in the order they are
 * indexed: a change re-reads only the parts it touches (see partsToRead).
 */
export const sourceParts = ["catalogue", "agencies", "static", "articles", "opendata", "participation"] as const;
export type SourcePart = (typeof sourceParts)[number];

/** The parts to read again when these content counters moved ("participation" moves with polls, surveys and consultations). */
export function partsToRead(changed: Iterable<string>): Set<SourcePart> {
  const out = new Set<SourcePart>();
  for (const name of changed) {
    // The catalogue names the agencies that datasets and participation items show.
    if (name === "catalogue")
      for (const p of ["catalogue", "agencies", "articles", "opendata", "participation"] as const) out.add(p);
    else if (name === "search-settings") out.add("agencies");
    else if (name === "opendata") out.add("opendata");
    else if (name === "participation") out.add("participation");
  }
  return out;
}

async function agencyRefs(db: Db) {
  return new Map([...(await agencyNames(db))].map(([slug, name]) => [slug, { slug, name }]));
}

/** The documents of one part of the index, read from its area through its service. */
export async function loadSearchPart(db: Db, pages: ContentPage[], part: SourcePart): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  switch (part) {
    case "catalogue":
      await serviceDocs(db, docs);
      break;
    case "agencies": {
      const [agencies, otherNames] = await Promise.all([agenciesForSearch(db), readAgencyNames(db)]);
      for (const a of agencies) {
        const aliases = otherNames.get(a.slug) ?? [];
        docs.push(
          doc("agency", a.slug, `/agencies/${a.slug}`, {
            title: a.name,
            summary: a.description,
            keywords: [a.shortName.ar, a.shortName.en, ...aliases].join(" \n "),
            names: [a.shortName.ar, a.shortName.en, ...aliases],
            popularity: a.serviceCount * 100,
          }),
        );
      }
      break;
    }
    case "static":
      for (const p of pages) {
        docs.push(
          doc("page", p.slug, p.path, {
            title: { ar: p.text.ar.title, en: p.text.en.title },
            summary: { ar: p.text.ar.description, en: p.text.en.description },
            body: `${p.text.ar.plain} \n ${p.text.en.plain}`,
          }),
        );
      }
      fileDocs(docs);
      break;
    case "articles": {
      const article = (type: DocType, base: string) => (n: Article) =>
        doc(type, n.slug, `${base}/${n.slug}`, {
          title: n.title,
          summary: n.summary,
          body: `${n.body.ar} \n ${n.body.en}`,
          agency: n.agency,
        });
      docs.push(...(await listNews(db, 1, 100_000)).items.map(article("news", "/news")));
      docs.push(...(await listEvents(db, true)).map(article("event", "/events")));
      docs.push(...(await listInitiatives(db)).map(article("initiative", "/initiatives")));
      break;
    }
    case "opendata": {
      const agencyOf = await agencyRefs(db);
      for (const d of await publishedDatasetsForSearch(db)) {
        docs.push(
          doc("dataset", d.slug, `/opendata/${d.slug}`, {
            title: d.title,
            summary: d.description,
            keywords: d.keywords,
            agency: agencyOf.get(d.agency),
          }),
        );
      }
      break;
    }
    case "participation": {
      const agencyOf = await agencyRefs(db);
      const kinds = { polls: "poll", surveys: "survey", consultations: "consultation" } as const;
      for (const item of await publishedItems(db)) {
        docs.push(
          doc(kinds[item.kind], item.slug, `/participate/${item.kind}/${item.slug}`, {
            title: item.title,
            summary: item.summary,
            agency: agencyOf.get(item.agency),
          }),
        );
      }
      break;
    }
  }
  return docs;
}

/** Everything search can find, read from each area through its service and the portal's own pages. */
export async function loadSearchDocs(db: Db, pages: ContentPage[]): Promise<SearchDoc[]> {
  const parts = await Promise.all(sourceParts.map((part) => loadSearchPart(db, pages, part)));
  return parts.flat();
}
