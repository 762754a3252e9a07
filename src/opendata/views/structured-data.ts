import type { Locale } from "../../platform/i18n/locales.js";
import type { SchemaNode } from "../../platform/layout/structured-data.js";
import { coverageOf } from "../data.js";
import { type Format, type Licence, licences, mediaTypes } from "../model.js";
import type { DatasetWithResources } from "../repository.js";

/**
 * The open data pages as schema.org nodes. A dataset's node is the same
 * record as its DCAT entry in /opendata/catalog.jsonld: the same identifier
 * (@id), title, description, licence, dates, coverage and download addresses.
 */

const prefix = (locale: Locale) => (locale === "en" ? "/en" : "");

/** The catalogue: the DataCatalog the datasets are in. */
export function dataCatalogJsonLd(name: string, description: string, locale: Locale, baseUrl: string): SchemaNode {
  return {
    "@type": "DataCatalog",
    "@id": `${baseUrl}/opendata`,
    name,
    description,
    url: `${baseUrl}${prefix(locale)}/opendata`,
    inLanguage: ["ar", "en"],
  };
}

export function datasetJsonLd(
  d: DatasetWithResources,
  modified: string,
  agencyName: string,
  catalogueName: string,
  locale: Locale,
  baseUrl: string,
): SchemaNode {
  const agencyUrl = `${baseUrl}${prefix(locale)}/agencies/${d.agency}`;
  const agency = { "@type": "GovernmentOrganization", "@id": agencyUrl, name: agencyName, url: agencyUrl };
  const coverage = coverageOf(d, modified);
  const keywords = (locale === "ar" ? d.keywordsAr : d.keywordsEn).split(" | ").filter(Boolean);
  const licence = licences[d.licence as Licence];
  return {
    "@type": "Dataset",
    "@id": `${baseUrl}/opendata/${d.slug}`,
    identifier: d.slug,
    name: locale === "ar" ? d.titleAr : d.titleEn,
    description: locale === "ar" ? d.descriptionAr : d.descriptionEn,
    url: `${baseUrl}${prefix(locale)}/opendata/${d.slug}`,
    ...(keywords.length ? { keywords } : {}),
    ...(licence ? { license: licence.uri } : {}),
    isAccessibleForFree: true,
    creator: agency,
    publisher: agency,
    inLanguage: ["ar", "en"],
    datePublished: d.issued,
    dateModified: modified,
    ...(coverage ? { temporalCoverage: `${coverage.start}/${coverage.end}` } : {}),
    spatialCoverage: { "@type": "Place", name: locale === "ar" ? d.spatialAr || "قطر" : d.spatialEn || "Qatar" },
    includedInDataCatalog: { "@type": "DataCatalog", "@id": `${baseUrl}/opendata`, name: catalogueName },
    distribution: d.resources.map((r) => ({
      "@type": "DataDownload",
      encodingFormat: mediaTypes[r.format as Format],
      contentUrl: `${baseUrl}/opendata/${d.slug}/${r.format.toLowerCase()}`,
    })),
  };
}
