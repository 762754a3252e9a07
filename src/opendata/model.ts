import type { Locale } from "../platform/i18n/locales.js";
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

/** A column of a dataset's table named in each language by its publisher (a blank name: none given). */
export interface ColumnLabel {
  /** The column's name in the file (the header cell). */
  name: string;
  ar: string;
  en: string;
}

/** The columns a dataset's chart shows, as its publisher chose them: the period axis and the figures over it. */
export interface ChartChoice {
  /** The column of periods (years, months); the first column of periods when not given. */
  period?: string | undefined;
  /** The numeric columns drawn as lines; chosen automatically when empty. */
  values: string[];
}

/**
 * A column's name for a reader of this language: the publisher's label in
 * it, else the label in the other language, else the file's own header.
 */
export function columnLabel(labels: readonly ColumnLabel[], name: string, locale: Locale): string {
  const label = labels.find((l) => l.name === name);
  const other = locale === "ar" ? "en" : "ar";
  return label?.[locale] || label?.[other] || name;
}
