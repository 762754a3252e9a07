import { normalize } from "../../platform/text/normalize.js";
import { type Licence, licences } from "../model.js";
import type { DatasetWithResources } from "../repository.js";
import { metadataTimes } from "./dictize.js";
import { type QueryNode, QuerySyntaxError, solrDate } from "./query.js";

/**
 * package_search over the published datasets, as CKAN's Solr index answers
 * it: each dataset becomes a document of the fields CKAN indexes (exact
 * string fields, folded text fields in both languages, dates), q and fq are
 * matched against it, then sorted, counted into facets and cut to a page.
 */

/** The fields CKAN's Solr schema defines that the portal's documents carry. */
const STRING_FIELDS = [
  "id",
  "name",
  "organization",
  "owner_org",
  "groups",
  "tags",
  "res_format",
  "license_id",
  "state",
  "capacity",
  "type",
  "dataset_type",
  "entity_type",
  "site_id",
] as const;
const TEXT_FIELDS = ["text", "title", "notes", "res_name", "res_description", "title_ngram"] as const;
const DATE_FIELDS = ["metadata_modified", "metadata_created"] as const;
type StringField = (typeof STRING_FIELDS)[number];
type TextField = (typeof TEXT_FIELDS)[number];
type DateField = (typeof DATE_FIELDS)[number];

export const SORT_FIELDS = ["score", "metadata_modified", "metadata_created", "name", "title_string", "id"] as const;

export interface SearchDoc {
  dataset: DatasetWithResources;
  strings: Record<StringField, string[]>;
  texts: Record<TextField, string>;
  dates: Record<DateField, number>;
  titleString: string;
}

/** Words the field's text is searched by: the dataset's texts of both languages, folded. */
function fold(...parts: string[]): string {
  return ` ${normalize(parts.join(" "))} `;
}

export function searchDoc(
  d: DatasetWithResources,
  titleOf: (d: DatasetWithResources) => string,
  names: { agency: string; theme: string; resources: string[] },
): SearchDoc {
  const tags = [...d.keywordsAr.split(" | "), ...d.keywordsEn.split(" | ")].filter(Boolean);
  const times = metadataTimes(d);
  const title = fold(d.titleAr, d.titleEn);
  const notes = fold(d.descriptionAr, d.descriptionEn);
  const resNames = fold(...d.resources.flatMap((r) => [r.nameAr, r.nameEn]));
  return {
    dataset: d,
    strings: {
      id: [d.id],
      name: [d.slug],
      organization: [d.agency],
      owner_org: [d.agency],
      groups: [d.theme.toLowerCase()],
      tags,
      res_format: d.resources.map((r) => r.format),
      license_id: [licences[d.licence as Licence]?.ckan ?? d.licence],
      state: ["active"],
      capacity: ["public"],
      type: ["dataset"],
      dataset_type: ["dataset"],
      entity_type: ["package"],
      site_id: ["default"],
    },
    texts: {
      title,
      title_ngram: title,
      notes,
      res_name: resNames,
      res_description: fold(...names.resources),
      text: fold(
        d.titleAr,
        d.titleEn,
        d.descriptionAr,
        d.descriptionEn,
        d.slug,
        ...tags,
        names.agency,
        names.theme,
        ...names.resources,
      ),
    },
    dates: { metadata_modified: times.modified.getTime(), metadata_created: times.created.getTime() },
    titleString: titleOf(d),
  };
}

const isString = (f: string): f is StringField => (STRING_FIELDS as readonly string[]).includes(f);
const isText = (f: string): f is TextField => (TEXT_FIELDS as readonly string[]).includes(f);
const isDate = (f: string): f is DateField => (DATE_FIELDS as readonly string[]).includes(f);

/** Refuses fields Solr would not know, before any matching, as Solr refuses the whole query. */
export function checkFields(node: QueryNode): void {
  if (node.kind === "and" || node.kind === "or") node.items.forEach(checkFields);
  else if (node.kind === "not") checkFields(node.item);
  else if ((node.kind === "term" || node.kind === "range") && node.field !== null) {
    if (!isString(node.field) && !isText(node.field) && !isDate(node.field))
      throw new QuerySyntaxError(`undefined field ${node.field}`);
  }
}

const wildcard = (value: string) =>
  new RegExp(
    `^${value
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "u",
  );

function termMatches(doc: SearchDoc, field: string | null, value: string, phrase: boolean, now: Date): boolean {
  const f = field ?? "text";
  if (isString(f)) {
    if (value === "*") return doc.strings[f].length > 0;
    if (!phrase && /[*?]/.test(value)) return doc.strings[f].some((s) => wildcard(value).test(s));
    return doc.strings[f].includes(value);
  }
  if (isDate(f)) return value === "*" || doc.dates[f] === solrDate(value, now);
  const wanted = normalize(value).replace(/[*?]/g, "");
  if (!wanted) return true;
  return doc.texts[f as TextField].includes(phrase ? ` ${wanted} ` : wanted);
}

function rangeMatches(doc: SearchDoc, node: Extract<QueryNode, { kind: "range" }>, now: Date): boolean {
  const f = node.field ?? "text";
  const inside = <T extends number | string>(v: T, from: T | null, to: T | null) =>
    (from === null || (node.fromInclusive ? v >= from : v > from)) && (to === null || (node.toInclusive ? v <= to : v < to));
  if (isDate(f)) {
    const from = node.from === "*" ? null : solrDate(node.from, now);
    const to = node.to === "*" ? null : solrDate(node.to, now);
    return inside(doc.dates[f], from, to);
  }
  if (isString(f))
    return doc.strings[f].some((s) => inside(s, node.from === "*" ? null : node.from, node.to === "*" ? null : node.to));
  throw new QuerySyntaxError(`a range on ${f} is not supported`);
}

/** Whether a document matches a parsed query. */
export function matches(doc: SearchDoc, node: QueryNode, now: Date): boolean {
  switch (node.kind) {
    case "all":
      return true;
    case "and":
      return node.items.every((n) => matches(doc, n, now));
    case "or":
      return node.items.some((n) => matches(doc, n, now));
    case "not":
      return !matches(doc, node.item, now);
    case "term":
      return termMatches(doc, node.field, node.value, node.phrase, now);
    case "range":
      return rangeMatches(doc, node, now);
  }
}

/** A relevance score for "score desc": matching words count, in the title twice. */
export function score(doc: SearchDoc, node: QueryNode): number {
  switch (node.kind) {
    case "and":
    case "or":
      return node.items.reduce((sum, n) => sum + score(doc, n), 0);
    case "term": {
      if (node.field !== null && node.field !== "text" && node.field !== "title") return 0;
      const wanted = normalize(node.value);
      if (!wanted) return 0;
      return (doc.texts.title.includes(wanted) ? 2 : 0) + (doc.texts.text.includes(wanted) ? 1 : 0);
    }
    default:
      return 0;
  }
}

export type SortSpec = { field: (typeof SORT_FIELDS)[number]; desc: boolean }[];

/** A Solr sort: "field asc|desc, …". A bad direction is a query error; an unknown field a search error. */
export function parseSort(sort: string): SortSpec {
  return sort
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [field = "", direction, ...rest] = part.split(/\s+/);
      if (rest.length || (direction !== "asc" && direction !== "desc")) throw new SortOrderError();
      if (!(SORT_FIELDS as readonly string[]).includes(field))
        throw new QuerySyntaxError(`sort param field can't be found: ${field}`);
      return { field: field as SortSpec[number]["field"], desc: direction === "desc" };
    });
}

/** "Can't determine a Sort Order": CKAN turns it into a Search Query Error about the sort parameter. */
export class SortOrderError extends Error {}

export function compareBy(spec: SortSpec, scores: Map<SearchDoc, number>) {
  return (a: SearchDoc, b: SearchDoc): number => {
    for (const { field, desc } of spec) {
      const key = (x: SearchDoc): number | string =>
        field === "score"
          ? (scores.get(x) ?? 0)
          : field === "metadata_modified" || field === "metadata_created"
            ? x.dates[field]
            : field === "title_string"
              ? x.titleString
              : field === "name"
                ? x.dataset.slug
                : x.dataset.id;
      const [ka, kb] = [key(a), key(b)];
      if (ka === kb) continue;
      const order = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb), "en");
      return desc ? -order : order;
    }
    return a.dataset.slug.localeCompare(b.dataset.slug);
  };
}

/** The fields package_search may count values of (facet.field). */
export const isFacetField = (f: string): f is StringField => isString(f);

/** Values of a facet field over the matched documents, most frequent first, as Solr counts them. */
export function facetCounts(docs: SearchDoc[], field: StringField, limit: number, mincount: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const v of new Set(doc.strings[field])) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].filter(([, n]) => n >= mincount).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return limit < 0 ? sorted : sorted.slice(0, limit);
}
