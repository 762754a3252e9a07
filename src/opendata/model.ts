import type { Frequency } from "./tables.js";

/**
 * The open data portal's vocabularies: the DCAT-AP data themes, update
 * frequencies and licences, with the EU vocabulary URIs the DCAT catalogue
 * gives. Their names in each language are catalogue texts
 * (opendata.themes.<code>, opendata.frequencies.<code>, opendata.licences.<id>).
 */

/** The EU data-theme vocabulary's codes. */
export const themes = [
  "AGRI",
  "ECON",
  "EDUC",
  "ENER",
  "ENVI",
  "GOVE",
  "HEAL",
  "INTR",
  "JUST",
  "REGI",
  "SOCI",
  "TECH",
  "TRAN",
] as const;
export type Theme = (typeof themes)[number];
export const themeUri = (code: string) => `http://publications.europa.eu/resource/authority/data-theme/${code}`;

export const frequencies: readonly Frequency[] = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "UNKNOWN"];
export const frequencyUri = (code: string) => `http://publications.europa.eu/resource/authority/frequency/${code}`;

/**
 * Licences the portal publishes under: the id kept with a dataset, its
 * address, the CKAN licence id and its ADMS licence type (DCAT-AP).
 */
export const licences = {
  "cc-by-4.0": {
    uri: "https://creativecommons.org/licenses/by/4.0/",
    ckan: "cc-by",
    adms: "http://purl.org/adms/licencetype/Attribution",
  },
  "cc0-1.0": {
    uri: "https://creativecommons.org/publicdomain/zero/1.0/",
    ckan: "cc-zero",
    adms: "http://purl.org/adms/licencetype/PublicDomain",
  },
  "odc-by-1.0": {
    uri: "https://opendatacommons.org/licenses/by/1-0/",
    ckan: "odc-by",
    adms: "http://purl.org/adms/licencetype/Attribution",
  },
} as const;
export type Licence = keyof typeof licences;
export const licenceIds = Object.keys(licences) as Licence[];

/** Formats of the resources and their media types. */
export const formats = ["CSV", "JSON"] as const;
export type Format = (typeof formats)[number];
export const mediaTypes: Record<Format, string> = { CSV: "text/csv", JSON: "application/json" };

/** The country, as dct:spatial (GeoNames). */
export const COUNTRY_URI = "https://sws.geonames.org/289688/";

/** The change counter the open data portal bumps when a dataset changes (caches follow it). */
export const OPENDATA_VERSION = "opendata";

/** The largest CSV file staff may upload. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/** A dataset's table: column names and rows of text cells. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}
