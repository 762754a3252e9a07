import { createHash } from "node:crypto";
import type { Agency } from "../../catalogue/service.js";
import type { Translator } from "../../platform/i18n/messages.js";
import { modifiedOf } from "../data.js";
import { type Format, frequencyUri, type Licence, licences, mediaTypes, themeUri } from "../model.js";
import type { DatasetWithResources } from "../repository.js";

/**
 * The portal's datasets as CKAN's dictionaries (CKAN 2.10/2.11
 * package_show, resource, organization, group, tag and licence
 * dictionaries, with every key CKAN gives), in the language asked for; the
 * other language rides along in title_translated and notes_translated
 * (ckanext-fluent's convention). Extras follow ckanext-dcat's names.
 */

export type Lang = "ar" | "en";

/** What a dictionary needs besides the dataset: the site's address, the language and the publishing agencies. */
export interface Site {
  base: string;
  lang: Lang;
  tr: Translator;
  agencies: Map<string, Agency>;
  now: Date;
}

/** A timestamp as CKAN writes it: Python's isoformat() of a naive UTC datetime, always with microseconds. */
export const ckanTime = (d: Date) => `${d.toISOString().slice(0, 23)}000`;

const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** When the record (not its data) was created and last changed; never earlier than its creation. */
export function metadataTimes(d: DatasetWithResources): { created: Date; modified: Date } {
  return { created: d.createdAt, modified: latest(d.createdAt, d.updatedAt, ...d.resources.map((r) => r.modified)) };
}

/** A stable id for something CKAN keys by id but the portal by name (tags, groups): a name-based UUID. */
export function nameId(kind: string, name: string): string {
  const h = createHash("sha1").update(`${kind}:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const keywordsOf = (d: DatasetWithResources, lang: Lang) =>
  (lang === "ar" ? d.keywordsAr : d.keywordsEn).split(" | ").filter(Boolean);

/** The licence as CKAN's licence register gives it (every value a string, as License.license_dictize does). */
export function licenceDict(id: Licence, tr: Translator) {
  const l = licences[id];
  return {
    domain_content: "False",
    id: l.ckan,
    domain_data: "True",
    domain_software: "False",
    family: "",
    is_generic: "False",
    od_conformance: "approved",
    osd_conformance: "not reviewed",
    maintainer: "",
    status: "active",
    url: l.uri,
    title: tr.t(`opendata.licences.${id}`),
  };
}

/** The organization as it sits in a package (CKAN's group table row). */
export function organizationDict(slug: string, site: Site, created?: Date) {
  const a = site.agencies.get(slug);
  return {
    id: slug,
    name: slug,
    title: a?.name[site.lang] ?? slug,
    type: "organization",
    description: a?.description[site.lang] ?? "",
    image_url: "",
    created: created ? ckanTime(created) : null,
    is_organization: true,
    approval_status: "approved",
    state: "active",
  };
}

/** A theme of the EU data-theme vocabulary as a CKAN group, as it sits in a package. */
export function groupDict(theme: string, site: Site) {
  const title = site.tr.t(`opendata.themes.${theme}`);
  return {
    id: nameId("group", theme.toLowerCase()),
    name: theme.toLowerCase(),
    title,
    display_name: title,
    description: "",
    image_display_url: "",
  };
}

export function tagDict(name: string) {
  return { id: nameId("tag", name), name, display_name: name, state: "active", vocabulary_id: null };
}

function resourceDict(d: DatasetWithResources, r: DatasetWithResources["resources"][number], site: Site, times: MetaTimes) {
  const format = r.format as Format;
  return {
    id: r.id,
    package_id: d.id,
    url: `${site.base}/opendata/${d.slug}/${format.toLowerCase()}`,
    name: `${site.lang === "ar" ? r.nameAr : r.nameEn} (${format})`,
    description: site.tr.t(`opendata.distribution.${format}`),
    format,
    mimetype: mediaTypes[format] ?? null,
    mimetype_inner: null,
    size: format === "CSV" ? (r.sizeBytes ?? null) : null,
    hash: "",
    position: r.position,
    created: times.created,
    last_modified: ckanTime(d.generator ? site.now : r.modified),
    metadata_modified: times.modified,
    state: "active",
    url_type: null,
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: false,
  };
}
type MetaTimes = { created: string; modified: string };

/** A dataset as CKAN's package_show dictionary. */
export function packageDict(d: DatasetWithResources, site: Site) {
  const licence = licences[d.licence as Licence];
  const tags = keywordsOf(d, site.lang);
  const agency = site.agencies.get(d.agency);
  const meta = metadataTimes(d);
  const times = { created: ckanTime(meta.created), modified: ckanTime(meta.modified) };
  const agencyName = agency?.name[site.lang] ?? d.agency;
  const extras: [string, string | null | undefined][] = [
    ["contact_email", agency?.email],
    ["contact_name", agencyName],
    ["contact_uri", agency?.website],
    ["frequency", frequencyUri(d.frequency)],
    ["issued", d.issued],
    [
      "language",
      JSON.stringify([
        "http://publications.europa.eu/resource/authority/language/ARA",
        "http://publications.europa.eu/resource/authority/language/ENG",
      ]),
    ],
    ["modified", modifiedOf(d, site.now)],
    ["publisher_name", agencyName],
    ["publisher_uri", `${site.base}/agencies/${d.agency}`],
    ["spatial_uri", d.spatialUri],
    ["temporal_end", d.temporalEnd],
    ["temporal_start", d.temporalStart],
    ["theme", JSON.stringify([themeUri(d.theme)])],
    ["uri", `${site.base}/opendata/${d.slug}`],
  ];
  return {
    author: agencyName,
    author_email: agency?.email || null,
    creator_user_id: null,
    id: d.id,
    isopen: Boolean(licence),
    license_id: licence?.ckan ?? d.licence,
    license_title: licence ? site.tr.t(`opendata.licences.${d.licence}`) : d.licence,
    license_url: licence?.uri ?? null,
    maintainer: agencyName,
    maintainer_email: agency?.email || null,
    metadata_created: times.created,
    metadata_modified: times.modified,
    name: d.slug,
    notes: site.lang === "ar" ? d.descriptionAr : d.descriptionEn,
    notes_translated: { ar: d.descriptionAr, en: d.descriptionEn },
    num_resources: d.resources.length,
    num_tags: tags.length,
    organization: organizationDict(d.agency, site, meta.created),
    owner_org: d.agency,
    private: false,
    state: "active",
    title: site.lang === "ar" ? d.titleAr : d.titleEn,
    title_translated: { ar: d.titleAr, en: d.titleEn },
    type: "dataset",
    url: `${site.base}/opendata/${d.slug}`,
    version: null,
    extras: extras.flatMap(([key, value]) => (value ? [{ key, value }] : [])),
    groups: [groupDict(d.theme, site)],
    resources: [...d.resources].sort((a, b) => a.position - b.position).map((r) => resourceDict(d, r, site, times)),
    tags: tags.map(tagDict),
    relationships_as_subject: [],
    relationships_as_object: [],
  };
}

export type PackageDict = ReturnType<typeof packageDict>;
