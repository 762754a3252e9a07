import type { FastifyInstance } from "fastify";
import { listAgencies } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { translator } from "../platform/i18n/messages.js";
import { modifiedOf } from "./data.js";
import { type Format, frequencyUri, type Licence, licences, mediaTypes, themeUri } from "./model.js";
import { type DatasetWithResources, searchDatasets } from "./repository.js";

/** The JSON-LD context, inlined so a reader never fetches one. */
export const DCAT_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

type Node = Record<string, unknown>;

const both = (ar: string, en: string) => [
  { "@value": ar, "@language": "ar" },
  { "@value": en, "@language": "en" },
];
const xsdDate = (day: string) => ({ "@value": day, "@type": "xsd:date" });
const ref = (iri: string) => ({ "@id": iri });

function distribution(base: string, d: DatasetWithResources, format: Format, modified: string): Node {
  const licence = licences[d.licence as Licence];
  const size = d.resources.find((r) => r.format === format)?.sizeBytes;
  return {
    "@id": `${base}/opendata/${d.slug}#${format.toLowerCase()}`,
    "@type": "dcat:Distribution",
    "dct:title": both(`${d.titleAr} (${format})`, `${d.titleEn} (${format})`),
    "dcat:accessURL": ref(`${base}/opendata/${d.slug}`),
    "dcat:downloadURL": ref(`${base}/opendata/${d.slug}/${format.toLowerCase()}`),
    "dcat:mediaType": ref(`http://www.iana.org/assignments/media-types/${mediaTypes[format]}`),
    "dct:format": ref(`http://publications.europa.eu/resource/authority/file-type/${format}`),
    ...(licence ? { "dct:license": ref(licence.uri) } : {}),
    ...(format === "CSV" && size ? { "dcat:byteSize": { "@value": String(size), "@type": "xsd:nonNegativeInteger" } } : {}),
    "dct:modified": xsdDate(modified),
  };
}

function dataset(base: string, d: DatasetWithResources, agency: { ar: string; en: string }): Node {
  const modified = modifiedOf(d);
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
  return {
    "@id": `${base}/opendata/${d.slug}`,
    "@type": "dcat:Dataset",
    "dct:identifier": d.slug,
    "dct:title": both(d.titleAr, d.titleEn),
    "dct:description": both(d.descriptionAr, d.descriptionEn),
    "dct:publisher": { "@id": `${base}/agencies/${d.agency}`, "@type": "foaf:Agent", "foaf:name": both(agency.ar, agency.en) },
    "dcat:theme": ref(themeUri(d.theme)),
    ...(keywords.length ? { "dcat:keyword": keywords } : {}),
    "dct:accrualPeriodicity": ref(frequencyUri(d.frequency)),
    ...(d.temporalStart && d.temporalEnd
      ? {
          "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": xsdDate(d.temporalStart),
            "dcat:endDate": xsdDate(d.temporalEnd),
          },
        }
      : {}),
    ...(d.spatialUri ? { "dct:spatial": ref(d.spatialUri) } : {}),
    "dct:issued": xsdDate(d.issued),
    "dct:modified": xsdDate(modified),
    "dcat:landingPage": ref(`${base}/opendata/${d.slug}`),
    "dcat:distribution": d.resources.map((r) => distribution(base, d, r.format as Format, modified)),
  };
}

/** The whole catalogue as DCAT-AP in JSON-LD (compacted with the inline context). */
export async function dcatCatalogue(db: Db, base: string): Promise<Node> {
  const [all, agencies] = await Promise.all([searchDatasets(db), listAgencies(db)]);
  const names = new Map(agencies.map((a) => [a.slug, a.name]));
  const [ar, en] = [translator("ar"), translator("en")];
  const modified = all
    .map((d) => modifiedOf(d))
    .sort()
    .at(-1);
  return {
    "@context": DCAT_CONTEXT,
    "@id": `${base}/opendata`,
    "@type": "dcat:Catalog",
    "dct:title": both(ar.t("opendata.catalogue.title"), en.t("opendata.catalogue.title")),
    "dct:description": both(ar.t("opendata.catalogue.lead"), en.t("opendata.catalogue.lead")),
    "dct:publisher": { "@id": base, "@type": "foaf:Agent", "foaf:name": both(ar.t("opendata.portal"), en.t("opendata.portal")) },
    "foaf:homepage": ref(`${base}/opendata`),
    "dct:language": [
      ref("http://publications.europa.eu/resource/authority/language/ARA"),
      ref("http://publications.europa.eu/resource/authority/language/ENG"),
    ],
    "dct:license": ref(licences["cc-by-4.0"].uri),
    ...(modified ? { "dct:modified": xsdDate(modified) } : {}),
    "dcat:dataset": all.map((d) => dataset(base, d, names.get(d.agency) ?? { ar: d.agency, en: d.agency })),
  };
}

/** /opendata/catalog.jsonld: the DCAT catalogue for harvesters (data.europa.eu, CKAN's DCAT harvester…). */
export async function dcatRoutes(app: FastifyInstance, { db, baseUrl }: { db: Db; baseUrl: string }) {
  const base = baseUrl.replace(/\/$/, "");
  app.get("/opendata/catalog.jsonld", async (_request, reply) =>
    reply.type("application/ld+json; charset=utf-8").send(JSON.stringify(await dcatCatalogue(db, base))),
  );
}
