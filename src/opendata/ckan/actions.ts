import { type Agency, findAgency } from "../../catalogue/service.js";
import type { Db } from "../../platform/db/client.js";
import { translator } from "../../platform/i18n/messages.js";
import { type Licence, licenceIds, themes } from "../model.js";
import { type DatasetWithResources, searchDatasets } from "../repository.js";
import {
  ckanTime,
  groupDict,
  type Lang,
  licenceDict,
  organizationDict,
  type PackageDict,
  packageDict,
  type Site,
  tagDict,
} from "./dictize.js";
import { NotFound, SearchError, SearchQueryError, ValidationError } from "./errors.js";
import { bool, type DataDict, natural, required, stringList, text } from "./params.js";
import { parseQuery, QuerySyntaxError } from "./query.js";
import {
  checkFields,
  compareBy,
  facetCounts,
  isFacetField,
  matches,
  parseSort,
  type SearchDoc,
  SortOrderError,
  score,
  searchDoc,
} from "./search.js";

/**
 * The read actions of CKAN's Action API (ckan/logic/action/get.py) over the
 * published datasets. Each gets the request's parameters as CKAN's data_dict
 * and returns the action's result; a refusal is thrown as a CkanError.
 */

/** What every action reads: the published datasets and their agencies, loaded once per request. */
export class Catalogue {
  private constructor(
    readonly site: Site,
    readonly datasets: DatasetWithResources[],
  ) {}

  static async load(db: Db, base: string, lang: Lang): Promise<Catalogue> {
    const datasets = await searchDatasets(db);
    const agencies = new Map<string, Agency>();
    for (const slug of new Set(datasets.map((d) => d.agency))) {
      const agency = await findAgency(db, slug);
      if (agency) agencies.set(slug, agency);
    }
    return new Catalogue({ base, lang, tr: translator(lang), agencies, now: new Date() }, datasets);
  }

  find(idOrName: string): DatasetWithResources | undefined {
    return this.datasets.find((d) => d.slug === idOrName || d.id === idOrName);
  }

  /** When an agency's first published dataset was made: its organization's creation, as far as the catalogue knows. */
  orgCreated(slug: string): Date | undefined {
    const times = this.datasets.filter((d) => d.agency === slug).map((d) => d.createdAt.getTime());
    return times.length ? new Date(Math.min(...times)) : undefined;
  }

  docs(): SearchDoc[] {
    const { site } = this;
    return this.datasets.map((d) =>
      searchDoc(d, (x) => (site.lang === "ar" ? x.titleAr : x.titleEn), {
        agency: [site.agencies.get(d.agency)?.name.ar, site.agencies.get(d.agency)?.name.en].join(" "),
        theme: [translator("ar").t(`opendata.themes.${d.theme}`), translator("en").t(`opendata.themes.${d.theme}`)].join(" "),
        resources: d.resources.flatMap((r) => [
          translator("ar").t(`opendata.distribution.${r.format}`),
          translator("en").t(`opendata.distribution.${r.format}`),
        ]),
      }),
    );
  }
}

type Action = (c: Catalogue, data: DataDict) => unknown;

/** limit/offset paging as package_list and the group lists read it. */
function page<T>(items: T[], data: DataDict, maxLimit?: number): T[] {
  const offset = natural(data, "offset") ?? 0;
  const asked = natural(data, "limit");
  const limit = asked === undefined || asked === 0 ? maxLimit : maxLimit === undefined ? asked : Math.min(asked, maxLimit);
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
}

const SEARCH_PARAMS = new Set([
  "q",
  "fl",
  "fq",
  "fq_list",
  "rows",
  "sort",
  "start",
  "wt",
  "qf",
  "bf",
  "boost",
  "facet",
  "facet.mincount",
  "facet.limit",
  "facet.field",
  "extras",
  "tie",
  "defType",
  "mm",
  "df",
  "include_private",
  "include_drafts",
  "include_deleted",
  "use_default_schema",
]);
const DEFAULT_SORT = "score desc, metadata_modified desc";

function packageSearch(c: Catalogue, data: DataDict) {
  const unknown = Object.keys(data).filter((k) => !SEARCH_PARAMS.has(k) && !k.startsWith("ext_"));
  if (unknown.length) throw new SearchQueryError(`Invalid search parameters: ['${unknown.join("', '")}']`);
  const rows = Math.min(natural(data, "rows") ?? 10, 1000);
  const start = natural(data, "start") ?? 0;
  const facetFields = stringList(data, "facet.field") ?? [];
  const facetLimit = natural(data, "facet.limit") ?? 50;
  const facetMin = natural(data, "facet.mincount") ?? 1;
  const sortText = text(data, "sort");
  const sort = !sortText || sortText === "rank" ? DEFAULT_SORT : sortText;
  const fqList = stringList(data, "fq_list") ?? [];
  let found: SearchDoc[];
  let scores: Map<SearchDoc, number>;
  let spec: ReturnType<typeof parseSort>;
  try {
    const q = parseQuery(text(data, "q") ?? "");
    const filters = [text(data, "fq") ?? "", ...fqList].map(parseQuery);
    for (const node of [q, ...filters]) checkFields(node);
    for (const field of facetFields) if (!isFacetField(field)) throw new QuerySyntaxError(`undefined field ${field}`);
    spec = parseSort(sort);
    found = c.docs().filter((doc) => [q, ...filters].every((node) => matches(doc, node, c.site.now)));
    scores = new Map(found.map((doc) => [doc, score(doc, q)]));
  } catch (error) {
    if (error instanceof SortOrderError) throw new SearchQueryError('Invalid "sort" parameter');
    if (error instanceof QuerySyntaxError) throw new SearchError(`SOLR returned an error running query: ${error.message}`);
    throw error;
  }
  found.sort(compareBy(spec, scores));
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
  if (bool(data, "facet", true)) {
    for (const field of facetFields) {
      if (!isFacetField(field)) continue;
      const counts = facetCounts(found, field, facetLimit, facetMin);
      facets[field] = Object.fromEntries(counts);
      const items = counts.map(([name, count]) => ({ name, display_name: displayName(c, field, name), count }));
      items.sort((a, b) => b.display_name.localeCompare(a.display_name));
      searchFacets[field] = { title: field, items };
    }
  }
  const fields = stringList(data, "fl");
  const results = found.slice(start, start + rows).map((doc) => packageDict(doc.dataset, c.site));
  return {
    count: found.length,
    facets,
    results: fields ? results.map((p) => pick(p, fields)) : results,
    sort,
    search_facets: searchFacets,
  };
}

function pick(p: PackageDict, fields: string[]): Record<string, unknown> {
  const all = p as unknown as Record<string, unknown>;
  return Object.fromEntries(fields.flatMap((f) => (f in all ? [[f, all[f]]] : [])));
}

function displayName(c: Catalogue, field: string, name: string): string {
  if (field === "organization") return c.site.agencies.get(name)?.name[c.site.lang] ?? name;
  if (field === "groups")
    return themes.includes(name.toUpperCase() as never) ? c.site.tr.t(`opendata.themes.${name.toUpperCase()}`) : name;
  if (field === "license_id") {
    const id = licenceIds.find((l) => licenceDict(l, c.site.tr).id === name);
    return id ? c.site.tr.t(`opendata.licences.${id}`) : name;
  }
  return name;
}

/** An organization (a publishing agency) as organization_show gives it. */
function organizationShow(c: Catalogue, slug: string, data: DataDict) {
  const own = c.datasets.filter((d) => d.agency === slug);
  const base = organizationDict(slug, c.site, c.orgCreated(slug));
  const includeDatasets = bool(data, "include_datasets", false);
  return {
    ...base,
    display_name: base.title,
    image_display_url: "",
    package_count: own.length,
    ...(includeDatasets ? { packages: own.slice(0, 10).map((d) => packageDict(d, c.site)) } : {}),
    ...(bool(data, "include_extras", true) ? { extras: [] } : {}),
    ...(bool(data, "include_groups", true) ? { groups: [] } : {}),
    ...(bool(data, "include_users", false) ? { users: [] } : {}),
    num_followers: 0,
  };
}

/** A theme as group_show gives it. */
function groupShow(c: Catalogue, theme: string, data: DataDict) {
  const own = c.datasets.filter((d) => d.theme === theme);
  const { display_name, ...base } = groupDict(theme, c.site);
  return {
    ...base,
    display_name,
    type: "group",
    created: ckanTime(new Date(Math.min(...own.map((d) => d.createdAt.getTime()), c.site.now.getTime()))),
    image_url: "",
    is_organization: false,
    approval_status: "approved",
    state: "active",
    package_count: own.length,
    ...(bool(data, "include_datasets", false) ? { packages: own.slice(0, 1000).map((d) => packageDict(d, c.site)) } : {}),
    ...(bool(data, "include_extras", true) ? { extras: [] } : {}),
    ...(bool(data, "include_groups", true) ? { groups: [] } : {}),
    ...(bool(data, "include_users", false) ? { users: [] } : {}),
    num_followers: 0,
  };
}

/** organization_list and group_list: names, or dictionaries with all_fields; sort by name, title or package_count. */
function groupList<T extends { name: string; title: string; package_count: number }>(
  all: T[],
  data: DataDict,
  filterKey: string,
): (T | string)[] {
  const names = stringList(data, filterKey);
  const q = (text(data, "q") ?? "").trim().toLowerCase();
  let list = all.filter((g) => (!names || names.includes(g.name)) && (!q || `${g.name} ${g.title}`.toLowerCase().includes(q)));
  const sort = (text(data, "sort") ?? text(data, "order_by") ?? "title asc").trim();
  const [field = "title", direction = field === "package_count" || field === "packages" ? "desc" : "asc"] = sort.split(/\s+/);
  if (!["name", "title", "package_count", "packages"].includes(field) || !["asc", "desc"].includes(direction))
    throw new ValidationError({ sort: [`Cannot sort by field \`${field}\``] });
  const key = (g: T) => (field === "name" ? g.name : field === "title" ? g.title : g.package_count);
  list = list.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const order = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
    return direction === "desc" ? -order : order;
  });
  const allFields = bool(data, "all_fields", false);
  const paged = page(list, data, allFields ? 25 : 1000);
  return allFields ? paged : paged.map((g) => g.name);
}

const organizations = (c: Catalogue, data: DataDict) =>
  [...new Set(c.datasets.map((d) => d.agency))].map((slug) => organizationShow(c, slug, { ...data, include_datasets: false }));
const groups = (c: Catalogue, data: DataDict) =>
  themes.filter((t) => c.datasets.some((d) => d.theme === t)).map((t) => groupShow(c, t, { ...data, include_datasets: false }));

export const actions: Record<string, Action> = {
  site_read: () => true,

  status_show: (c) => ({
    site_title: c.site.tr.t("opendata.portal"),
    site_description: c.site.tr.t("opendata.catalogue.lead"),
    site_url: c.site.base,
    error_emails_to: null,
    locale_default: "ar",
    extensions: [],
    ckan_version: "2.11.0",
  }),

  help_show(_c, data) {
    const name = required(data, "name");
    if (!Object.hasOwn(HELP, name)) throw new NotFound("Action function not found");
    return HELP[name];
  },

  package_list: (c, data) => page(c.datasets.map((d) => d.slug).sort(), data),

  current_package_list_with_resources(c, data) {
    const limit = natural(data, "limit");
    const pageNo = natural(data, "page");
    const offset = natural(data, "offset") ?? (limit && pageNo ? (pageNo - 1) * limit : 0);
    return packageSearch(c, { rows: limit ?? 10, start: offset, sort: "metadata_modified desc" }).results;
  },

  package_show(c, data) {
    const id = text(data, "id") || required(data, "name_or_id");
    const d = c.find(id);
    if (!d) throw new NotFound();
    return packageDict(d, c.site);
  },

  resource_show(c, data) {
    const id = required(data, "id");
    const d = c.datasets.find((x) => x.resources.some((r) => r.id === id));
    const found = d && packageDict(d, c.site).resources.find((r) => r.id === id);
    if (!found) throw new NotFound();
    return found;
  },

  package_search: packageSearch,

  organization_list: (c, data) => groupList(organizations(c, data), data, "organizations"),

  organization_show(c, data) {
    const id = required(data, "id");
    if (!c.datasets.some((d) => d.agency === id)) throw new NotFound();
    return organizationShow(c, id, data);
  },

  group_list: (c, data) => groupList(groups(c, data), data, "groups"),

  group_show(c, data) {
    const id = required(data, "id");
    const theme = themes.find((t) => t.toLowerCase() === id || groupDict(t, c.site).id === id);
    if (!theme || !c.datasets.some((d) => d.theme === theme)) throw new NotFound();
    return groupShow(c, theme, data);
  },

  tag_list(c, data) {
    if (text(data, "vocabulary_id")) return [];
    const query = (text(data, "query") ?? text(data, "q") ?? "").trim().toLowerCase();
    const all = [
      ...new Set(c.datasets.flatMap((d) => (c.site.lang === "ar" ? d.keywordsAr : d.keywordsEn).split(" | ").filter(Boolean))),
    ]
      .filter((t) => !query || t.toLowerCase().includes(query))
      .sort();
    return bool(data, "all_fields", false) ? all.map(tagDict) : all;
  },

  license_list: (c) => licenceIds.map((id: Licence) => licenceDict(id, c.site.tr)),
};

/** The help text of each action (help_show), in English like CKAN's docstrings. */
const HELP: Record<string, string> = {
  site_read: "Return True.",
  status_show: "Return a dictionary with information about the site's configuration.",
  help_show: "Return the help string for a particular API action.\n\n:param name: Action function name (eg `package_search`)",
  package_list:
    "Return a list of the names of the site's datasets (packages).\n\n:param limit: (optional)\n:param offset: (optional)",
  current_package_list_with_resources:
    "Return a list of the site's datasets (packages) and their resources, most recently modified first.\n\n:param limit: (optional)\n:param offset: (optional)\n:param page: (optional, deprecated)",
  package_show: "Return the metadata of a dataset (package) and its resources.\n\n:param id: the id or name of the dataset",
  resource_show: "Return the metadata of a resource.\n\n:param id: the id of the resource",
  package_search:
    "Searches for packages satisfying a given search criteria.\n\nParameters: q, fq, fq_list, sort (default 'score desc, metadata_modified desc'), rows (default 10, at most 1000), start, facet, facet.field, facet.limit, facet.mincount, fl. q and fq take field:value, field:\"phrase\", field:[from TO to] (dates, with * and NOW), -field:value, AND, OR, NOT and parentheses. Fields: id, name, title, notes, text, tags, organization, owner_org, groups, res_format, res_name, license_id, metadata_created, metadata_modified.",
  organization_list:
    "Return a list of the names of the site's organizations.\n\n:param all_fields: (optional)\n:param sort: name, title or package_count, asc or desc (optional)\n:param limit: (optional)\n:param offset: (optional)\n:param organizations: names to return (optional)",
  organization_show:
    "Return the details of an organization.\n\n:param id: the id or name of the organization\n:param include_datasets: (optional)",
  group_list:
    "Return a list of the names of the site's groups (the EU data themes).\n\n:param all_fields: (optional)\n:param sort: (optional)\n:param limit: (optional)\n:param offset: (optional)",
  group_show: "Return the details of a group.\n\n:param id: the id or name of the group\n:param include_datasets: (optional)",
  tag_list: "Return a list of the site's tags.\n\n:param query: a tag name query (optional)\n:param all_fields: (optional)",
  license_list: "Return the list of licenses available for datasets on the site.",
};
