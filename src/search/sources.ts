import { agenciesForSearch, listNews, servicesForSearch } from "../catalogue/service.js";
import type { ContentPage } from "../pages/content.js";
import type { Db } from "../platform/db/client.js";
import type { SearchDoc } from "./documents.js";

const PAGE = 5000;

/** Everything search can find, read from the catalogue (through its service) and the portal's own pages. */
export async function loadSearchDocs(db: Db, pages: ContentPage[]): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  for (let afterId = 0; ; ) {
    const rows = await servicesForSearch(db, afterId, PAGE);
    afterId = rows[rows.length - 1]?.id ?? afterId;
    for (const s of rows) {
      docs.push({
        id: `service:${s.slug}`,
        type: "service",
        slug: s.slug,
        path: `/services/${s.slug}`,
        title: s.title,
        summary: s.summary,
        keywords: `${s.keywords.ar} ${s.keywords.en}`,
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
      });
    }
    if (rows.length < PAGE) break;
  }
  for (const a of await agenciesForSearch(db)) {
    docs.push({
      id: `agency:${a.slug}`,
      type: "agency",
      slug: a.slug,
      path: `/agencies/${a.slug}`,
      title: a.name,
      summary: a.description,
      keywords: `${a.shortName.ar} ${a.shortName.en}`,
      body: "",
      personas: [],
      popularity: a.serviceCount * 100,
    });
  }
  for (const p of pages) {
    docs.push({
      id: `page:${p.slug}`,
      type: "page",
      slug: p.slug,
      path: p.path,
      title: { ar: p.text.ar.title, en: p.text.en.title },
      summary: { ar: p.text.ar.description, en: p.text.en.description },
      keywords: "",
      body: `${p.text.ar.plain} \n ${p.text.en.plain}`,
      personas: [],
      popularity: 0,
    });
  }
  const news = await listNews(db, 1, 100_000);
  for (const n of news.items) {
    docs.push({
      id: `news:${n.slug}`,
      type: "news",
      slug: n.slug,
      path: `/news/${n.slug}`,
      title: n.title,
      summary: n.summary,
      keywords: "",
      body: `${n.body.ar} \n ${n.body.en}`,
      agency: n.agency,
      personas: [],
      popularity: 0,
    });
  }
  return docs;
}
