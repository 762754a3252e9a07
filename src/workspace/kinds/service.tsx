import { channelKey, maturityKey, ServicePage } from "../../catalogue/components.js";
import { type Channel, channels, type Maturity, maturities } from "../../catalogue/model.js";
import type { Service, ServiceDocument, ServiceSections, Term } from "../../catalogue/service.js";
import { agencyName, catalogueEditing as edit, findService, listTerms } from "../../catalogue/service.js";
import { latestDefinition } from "../../eservices/service.js";
import { contradictions } from "../../forms/engine/facts.js";
import type { Db } from "../../platform/db/client.js";
import { bilingualOf, fieldProblem, type Language, linesOf, listOf, stringOf } from "../fields.js";
import type { Choice, ContentData, ContentKind, FieldSpec } from "../model.js";
import { factInput, factsData, readFacts, residencyChoices, serviceFactFields } from "./service-facts.js";
import { sectionNames, serviceSectionSpecs } from "./service-sections.js";

export const serviceFields: FieldSpec[] = [
  { name: "title", type: "text", bilingual: true, required: true },
  { name: "summary", type: "textarea", bilingual: true, required: true },
  ...sectionNames.map(
    (name): FieldSpec => ({
      name,
      type: serviceSectionSpecs[name].type,
      bilingual: true,
      required: serviceSectionSpecs[name].required,
    }),
  ),
  { name: "maturity", type: "select", bilingual: false, required: true },
  { name: "startUrl", type: "url", bilingual: false, required: false },
  { name: "startEservice", type: "text", bilingual: false, required: false },
  { name: "channels", type: "checkboxes", bilingual: false, required: true },
  ...serviceFactFields,
  { name: "keywords", type: "lines", bilingual: true, required: false },
  { name: "personas", type: "checkboxes", bilingual: false, required: true },
  { name: "categories", type: "checkboxes", bilingual: false, required: true },
  { name: "lifeEvents", type: "checkboxes", bilingual: false, required: false },
  { name: "related", type: "lines", bilingual: false, required: false },
];

const KEYWORD_SEPARATOR = " | ";

/** The sections in one language, as the catalogue keeps them; empty optional sections left out. */
function sectionsOf(data: ContentData, lang: Language): ServiceSections {
  const out: Record<string, string | string[]> = {};
  for (const name of sectionNames) {
    const text = bilingualOf(data, name)[lang];
    const spec = serviceSectionSpecs[name];
    if (!spec.required && text === "") continue;
    out[name] = spec.type === "lines" ? linesOf(text) : text;
  }
  return out as unknown as ServiceSections;
}

function termChoices(terms: Term[]): Choice[] {
  return terms.map((t) => ({
    value: t.slug,
    label: t.parentName
      ? { ar: `${t.parentName.ar}: ${t.name.ar}`, en: `${t.parentName.en}: ${t.name.en}` }
      : { ar: t.name.ar, en: t.name.en },
  }));
}

export const serviceKind: ContentKind = {
  name: "service",
  fields: serviceFields,
  creatable: true,

  async choices(db: Db) {
    const [personas, categories, lifeEvents] = await Promise.all([
      listTerms(db, "persona"),
      listTerms(db, "category"),
      listTerms(db, "lifeEvent"),
    ]);
    return {
      maturity: maturities.map((m) => ({ value: m, labelKey: maturityKey(m) })),
      channels: channels.map((c) => ({ value: c, labelKey: channelKey(c) })),
      residency: residencyChoices,
      personas: termChoices(personas),
      categories: termChoices(categories),
      lifeEvents: termChoices(lifeEvents),
    };
  },

  async check(data, db) {
    const maturity = stringOf(data, "maturity");
    const online = maturity === "partly-online" || maturity === "fully-online";
    const problems =
      online && !stringOf(data, "startUrl") && !stringOf(data, "startEservice") ? [fieldProblem("startUrl", "missing")] : [];
    // Related services are named by their address (slug), one a line: each must exist.
    if ((await edit.unknownServiceSlugs(db, linesOf(stringOf(data, "related")))).length > 0)
      problems.push(fieldProblem("related", "invalid"));
    // The facts stated once: readable, and agreeing with the e-service that completes the service (its fee, uploads,
    // working days, who may apply), named field by field.
    const read = readFacts(data);
    problems.push(...read.problems);
    const eservice = stringOf(data, "startEservice");
    const def = eservice && !read.problems.length ? await latestDefinition(db, eservice) : undefined;
    if (def) {
      const statement = { agency: def.agency, channels: listOf(data, "channels"), facts: read.facts };
      for (const p of contradictions(statement, def)) problems.push({ ...p, field: factInput(p.field, data) });
    }
    return problems;
  },

  slugTaken: (db, slug) => edit.serviceSlugTaken(db, slug),

  async listPublished(db, agency) {
    const rows = await edit.agencyServiceRows(db, agency);
    return rows.map((r) => ({ slug: r.slug, title: { ar: r.titleAr, en: r.titleEn } }));
  },

  async load(db, agency, slug) {
    const found = await edit.serviceForEditing(db, agency, slug);
    if (!found) return undefined;
    const s = found.service;
    const data: ContentData = {
      title: { ar: s.titleAr, en: s.titleEn },
      summary: { ar: s.summaryAr, en: s.summaryEn },
      maturity: s.maturity,
      startUrl: s.startUrl ?? "",
      startEservice: s.startEservice ?? "",
      channels: s.channels,
      keywords: {
        ar: s.keywordsAr.split(KEYWORD_SEPARATOR).filter(Boolean).join("\n"),
        en: s.keywordsEn.split(KEYWORD_SEPARATOR).filter(Boolean).join("\n"),
      },
      personas: found.personas,
      categories: found.categories,
      lifeEvents: found.lifeEvents,
      related: found.related.join("\n"),
      ...factsData(s.facts),
    };
    for (const name of sectionNames) {
      const value = (lang: Language) => {
        const v = (s.sections[lang] as unknown as Record<string, unknown>)[name];
        return Array.isArray(v) ? v.join("\n") : typeof v === "string" ? v : "";
      };
      data[name] = { ar: value("ar"), en: value("en") };
    }
    return data;
  },

  async apply(tx, agency, slug, data, reviewedOn) {
    const title = bilingualOf(data, "title");
    const summary = bilingualOf(data, "summary");
    const keywords = bilingualOf(data, "keywords");
    await edit.writeService(tx, agency, {
      slug,
      titleAr: title.ar,
      titleEn: title.en,
      summaryAr: summary.ar,
      summaryEn: summary.en,
      sections: { ar: sectionsOf(data, "ar"), en: sectionsOf(data, "en") },
      maturity: stringOf(data, "maturity"),
      startUrl: stringOf(data, "startUrl") || null,
      startEservice: stringOf(data, "startEservice") || null,
      channels: listOf(data, "channels"),
      facts: readFacts(data).facts ?? null,
      keywordsAr: linesOf(keywords.ar).join(KEYWORD_SEPARATOR),
      keywordsEn: linesOf(keywords.en).join(KEYWORD_SEPARATOR),
      lastReviewed: reviewedOn,
      personas: listOf(data, "personas"),
      categories: listOf(data, "categories"),
      lifeEvents: listOf(data, "lifeEvents"),
      related: linesOf(stringOf(data, "related")),
    });
  },

  unapply: (tx, agency, slug) => edit.setServicePublished(tx, agency, slug, false),

  publicPath: (slug) => `/services/${slug}`,

  async preview({ db, agency, slug, locale }, data) {
    const [owner, personas, categories, lifeEvents, documents, live] = await Promise.all([
      agencyName(db, agency),
      listTerms(db, "persona"),
      listTerms(db, "category"),
      listTerms(db, "lifeEvent"),
      edit.agencyDocumentRows(db, agency),
      findService(db, slug),
    ]);
    const chosen = (terms: Term[], name: string) => {
      const wanted = listOf(data, name);
      return terms.filter((t) => wanted.includes(t.slug));
    };
    const service: Service = {
      slug,
      title: bilingualOf(data, "title"),
      summary: bilingualOf(data, "summary"),
      maturity: (stringOf(data, "maturity") || "information") as Maturity,
      popularity: 0,
      agency: { slug: agency, name: owner },
      sections: { ar: sectionsOf(data, "ar"), en: sectionsOf(data, "en") },
      startUrl: stringOf(data, "startUrl") || undefined,
      startEservice: stringOf(data, "startEservice") || undefined,
      channels: listOf(data, "channels") as Channel[],
      facts: readFacts(data).facts,
      keywords: bilingualOf(data, "keywords"),
      personas: chosen(personas, "personas"),
      categories: chosen(categories, "categories"),
      lifeEvents: chosen(lifeEvents, "lifeEvents"),
      documents: documents
        .filter((d) => d.serviceSlug === slug)
        .map(
          (d): ServiceDocument => ({
            slug: d.slug,
            title: { ar: d.titleAr, en: d.titleEn },
            fileName: d.fileName,
            contentType: d.contentType,
            sizeBytes: d.sizeBytes,
          }),
        ),
      related: live?.related ?? [],
      lastReviewed: new Date(),
    };
    return { title: service.title[locale] || slug, body: <ServicePage service={service} /> };
  },
};
