import type { FastifyInstance } from "fastify";
import { type Agency, findAgency } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { translator } from "../platform/i18n/messages.js";
import { coverageOf, modifiedOf } from "./data.js";
import { COUNTRY_URI, type Format, frequencyUri, type Licence, licences, mediaTypes, themeUri } from "./model.js";
import { type DatasetWithResources, searchDatasets } from "./repository.js";

/**
 * The open data catalogue as DCAT-AP 3 in JSON-LD. Every resource a
 * property points to carries the class DCAT-AP gives its range (licences,
 * landing pages, formats, media types, frequencies, languages, places), and
 * values come from the EU authority tables where DCAT-AP asks for them
 * (data themes, frequencies, file types, languages, countries, planned
 * availability) and ADMS for publisher and licence types. Checked against
 * the official DCAT-AP 3.0.1 SHACL shapes in test/integration/opendata.test.ts.
 */

/** The JSON-LD context, inlined so a reader never fetches one. */
export const DCAT_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  dcatap: "http://data.europa.eu/r5r/",
  gsp: "http://www.opengis.net/ont/geosparql#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

type Node = Record<string, unknown>;

const AUTHORITY = "http://publications.europa.eu/resource/authority";
const DATA_THEMES = `${AUTHORITY}/data-theme`;
const COUNTRY = `${AUTHORITY}/country/QAT`;
const LANGUAGES = [`${AUTHORITY}/language/ARA`, `${AUTHORITY}/language/ENG`];
/** ADMS publisher type of every government agency and of the portal. */
const NATIONAL_AUTHORITY = "http://purl.org/adms/publishertype/NationalAuthority";
/** Planned availability of what the portal serves: kept for the medium term. */
const STABLE = `${AUTHORITY}/planned-availability/STABLE`;

/** The country as a place: its bounding box and centre (WGS 84, longitude first, as WKT). */
const QATAR_GEOMETRY = {
  "dcat:bbox": {
    "@value": "POLYGON((50.75 24.47, 51.64 24.47, 51.64 26.18, 50.75 26.18, 50.75 24.47))",
    "@type": "gsp:wktLiteral",
  },
  "dcat:centroid": { "@value": "POINT(51.18 25.35)", "@type": "gsp:wktLiteral" },
};
/** The place a dataset covers, with the country's geometry when it is the country (EU table or GeoNames). */
const location = (iri: string): Node => ({
  "@id": iri,
  "@type": "dct:Location",
  ...(iri === COUNTRY || iri === COUNTRY_URI ? QATAR_GEOMETRY : {}),
});

const both = (ar: string, en: string) => [
  { "@value": ar, "@language": "ar" },
  { "@value": en, "@language": "en" },
];
const xsdDate = (day: string) => ({ "@value": day, "@type": "xsd:date" });
/** A resource a property points to, typed with the class of the property's range. */
const typed = (iri: string, type: string) => ({ "@id": iri, "@type": type });
const ref = (iri: string) => ({ "@id": iri });

type Names = { ar: string; en: string };

function licence(id: string): Node | undefined {
  const l = licences[id as Licence];
  return l ? { "@id": l.uri, "@type": "dct:LicenseDocument", "dct:type": ref(l.adms) } : undefined;
}

function agent(iri: string, name: Names): Node {
  return {
    "@id": iri,
    "@type": "foaf:Agent",
    "foaf:name": both(name.ar, name.en),
    "dct:type": typed(NATIONAL_AUTHORITY, "skos:Concept"),
  };
}

/** Whom to ask about a dataset: its agency's email and website, as a vCard. */
function contactPoint(base: string, slug: string, agency: Agency | undefined, name: Names): Node {
  return {
    "@id": `${base}/agencies/${slug}#contact`,
    "@type": ["vcard:Kind", "vcard:Organization"],
    "vcard:fn": both(name.ar, name.en),
    ...(agency?.email ? { "vcard:hasEmail": ref(`mailto:${agency.email}`) } : {}),
    "vcard:hasURL": ref(agency?.website || `${base}/agencies/${slug}`),
  };
}

function distribution(base: string, d: DatasetWithResources, format: Format, modified: string): Node {
  const [ar, en] = [translator("ar"), translator("en")];
  const size = d.resources.find((r) => r.format === format)?.sizeBytes;
  const lic = licence(d.licence);
  return {
    "@id": `${base}/opendata/${d.slug}#${format.toLowerCase()}`,
    "@type": "dcat:Distribution",
    "dct:title": both(`${d.titleAr} (${format})`, `${d.titleEn} (${format})`),
    "dct:description": both(ar.t(`opendata.distribution.${format}`), en.t(`opendata.distribution.${format}`)),
    "dcat:accessURL": ref(`${base}/opendata/${d.slug}`),
    "dcat:downloadURL": ref(`${base}/opendata/${d.slug}/${format.toLowerCase()}`),
    "dcat:mediaType": typed(`http://www.iana.org/assignments/media-types/${mediaTypes[format]}`, "dct:MediaType"),
    "dct:format": typed(`${AUTHORITY}/file-type/${format}`, "dct:MediaTypeOrExtent"),
    "dcatap:availability": typed(STABLE, "skos:Concept"),
    ...(lic ? { "dct:license": lic } : {}),
    ...(format === "CSV" && size ? { "dcat:byteSize": { "@value": String(size), "@type": "xsd:nonNegativeInteger" } } : {}),
    "dct:modified": xsdDate(modified),
  };
}

/** The period a dataset covers (coverageOf). */
function temporal(d: DatasetWithResources, modified: string): Node | undefined {
  const period = coverageOf(d, modified);
  return period && { "@type": "dct:PeriodOfTime", "dcat:startDate": xsdDate(period.start), "dcat:endDate": xsdDate(period.end) };
}

function dataset(base: string, d: DatasetWithResources, agency: Agency | undefined): Node {
  const modified = modifiedOf(d);
  const name = agency?.name ?? { ar: d.agency, en: d.agency };
  const keywords = [
    ...d.keywordsAr
      .split(" | ")
      .filter(Boolean)
      .map((k) => ({ "@value": k, "@language": "ar" })),
    ...d.keywordsEn
      .split(" | ")
      .filter(Boolean)
      .map((k) => ({ "@value": k, "@language": "en" })),
  ];
  const period = temporal(d, modified);
  return {
    "@id": `${base}/opendata/${d.slug}`,
    "@type": "dcat:Dataset",
    "dct:identifier": d.slug,
    "dct:title": both(d.titleAr, d.titleEn),
    "dct:description": both(d.descriptionAr, d.descriptionEn),
    "dct:publisher": agent(`${base}/agencies/${d.agency}`, name),
    "dcat:contactPoint": contactPoint(base, d.agency, agency, name),
    "dcat:theme": typed(themeUri(d.theme), "skos:Concept"),
    ...(keywords.length ? { "dcat:keyword": keywords } : {}),
    "dct:language": LANGUAGES.map((l) => typed(l, "dct:LinguisticSystem")),
    "dct:accrualPeriodicity": typed(frequencyUri(d.frequency), "dct:Frequency"),
    ...(period ? { "dct:temporal": period } : {}),
    "dct:spatial": location(d.spatialUri ?? COUNTRY),
    "dct:issued": xsdDate(d.issued),
    "dct:modified": xsdDate(modified),
    "dcat:landingPage": typed(`${base}/opendata/${d.slug}`, "foaf:Document"),
    "dcat:distribution": d.resources.map((r) => distribution(base, d, r.format as Format, modified)),
  };
}

/** The whole catalogue as DCAT-AP in JSON-LD (compacted with the inline context). */
export async function dcatCatalogue(db: Db, base: string): Promise<Node> {
  const all = await searchDatasets(db);
  const agencies = new Map<string, Agency>();
  for (const slug of new Set(all.map((d) => d.agency))) {
    const agency = await findAgency(db, slug);
    if (agency) agencies.set(slug, agency);
  }
  const [ar, en] = [translator("ar"), translator("en")];
  const days = all.map((d) => modifiedOf(d)).sort();
  const issued = all.map((d) => d.issued).sort()[0];
  return {
    "@context": DCAT_CONTEXT,
    "@id": `${base}/opendata`,
    "@type": "dcat:Catalog",
    "dct:title": both(ar.t("opendata.catalogue.title"), en.t("opendata.catalogue.title")),
    "dct:description": both(ar.t("opendata.catalogue.lead"), en.t("opendata.catalogue.lead")),
    "dct:publisher": agent(base, { ar: ar.t("opendata.portal"), en: en.t("opendata.portal") }),
    "foaf:homepage": typed(`${base}/opendata`, "foaf:Document"),
    "dct:language": LANGUAGES.map((l) => typed(l, "dct:LinguisticSystem")),
    "dct:license": licence("cc-by-4.0"),
    "dct:spatial": location(COUNTRY),
    "dcat:themeTaxonomy": {
      "@id": DATA_THEMES,
      "@type": "skos:ConceptScheme",
      "dct:title": both(ar.t("opendata.catalogue.themeTaxonomy"), en.t("opendata.catalogue.themeTaxonomy")),
    },
    ...(issued ? { "dct:issued": xsdDate(issued) } : {}),
    ...(days.length ? { "dct:modified": xsdDate(days.at(-1) as string) } : {}),
    "dcat:dataset": all.map((d) => dataset(base, d, agencies.get(d.agency))),
  };
}

/** /opendata/catalog.jsonld: the DCAT catalogue for harvesters (data.europa.eu, CKAN's DCAT harvester…). */
export async function dcatRoutes(app: FastifyInstance, { db, baseUrl }: { db: Db; baseUrl: string }) {
  const base = baseUrl.replace(/\/$/, "");
  app.get("/opendata/catalog.jsonld", async (_request, reply) =>
    reply.type("application/ld+json; charset=utf-8").send(JSON.stringify(await dcatCatalogue(db, base))),
  );
}
