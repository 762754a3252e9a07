import { AgencyPage } from "../../catalogue/components.js";
import { catalogueEditing as edit, findAgency, listServices } from "../../catalogue/service.js";
import { bilingualOf, stringOf } from "../fields.js";
import type { ContentKind, FieldSpec } from "../model.js";

const PREVIEW_PAGE_SIZE = 20;

export const agencyFields: FieldSpec[] = [
  { name: "name", type: "text", bilingual: true, required: true },
  { name: "shortName", type: "text", bilingual: true, required: true },
  { name: "description", type: "textarea", bilingual: true, required: true },
  { name: "website", type: "url", bilingual: false, required: true },
  { name: "phone", type: "text", bilingual: false, required: true },
  { name: "email", type: "email", bilingual: false, required: true },
  { name: "address", type: "textarea", bilingual: true, required: true },
  { name: "openingHours", type: "text", bilingual: true, required: true },
  { name: "latitude", type: "number", bilingual: false, required: true },
  { name: "longitude", type: "number", bilingual: false, required: true },
];

/** The agency's profile: its one page in the directory. Never created or unpublished here. */
export const agencyKind: ContentKind = {
  name: "agency",
  fields: agencyFields,
  creatable: false,
  choices: async () => ({}),
  slugTaken: async () => true,

  async listPublished(db, agency) {
    const row = await edit.agencyRow(db, agency);
    return row ? [{ slug: row.slug, title: { ar: row.nameAr, en: row.nameEn } }] : [];
  },

  async load(db, agency, slug) {
    if (slug !== agency) return undefined;
    const a = await edit.agencyRow(db, agency);
    if (!a) return undefined;
    return {
      name: { ar: a.nameAr, en: a.nameEn },
      shortName: { ar: a.shortNameAr, en: a.shortNameEn },
      description: { ar: a.descriptionAr, en: a.descriptionEn },
      website: a.website,
      phone: a.phone,
      email: a.email,
      address: { ar: a.addressAr, en: a.addressEn },
      openingHours: { ar: a.openingHoursAr, en: a.openingHoursEn },
      latitude: String(a.latitude),
      longitude: String(a.longitude),
    };
  },

  async apply(tx, agency, _slug, data) {
    const b = (name: string) => bilingualOf(data, name);
    await edit.writeAgencyProfile(tx, agency, {
      nameAr: b("name").ar,
      nameEn: b("name").en,
      shortNameAr: b("shortName").ar,
      shortNameEn: b("shortName").en,
      descriptionAr: b("description").ar,
      descriptionEn: b("description").en,
      website: stringOf(data, "website"),
      phone: stringOf(data, "phone"),
      email: stringOf(data, "email"),
      addressAr: b("address").ar,
      addressEn: b("address").en,
      openingHoursAr: b("openingHours").ar,
      openingHoursEn: b("openingHours").en,
      latitude: Number(stringOf(data, "latitude")),
      longitude: Number(stringOf(data, "longitude")),
    });
  },

  async unapply() {
    throw new Error("an agency profile is never unpublished");
  },

  publicPath: (slug) => `/agencies/${slug}`,

  async preview({ db, agency, locale }, data) {
    const [current, result] = await Promise.all([
      findAgency(db, agency),
      listServices(db, { agency, page: 1, pageSize: PREVIEW_PAGE_SIZE, locale }),
    ]);
    if (!current) throw new Error(`no agency ${agency}`);
    const b = (name: string) => bilingualOf(data, name);
    const shown = {
      ...current,
      name: b("name"),
      shortName: b("shortName"),
      description: b("description"),
      website: stringOf(data, "website"),
      phone: stringOf(data, "phone"),
      email: stringOf(data, "email"),
      address: b("address"),
      openingHours: b("openingHours"),
      location: { lat: Number(stringOf(data, "latitude")), lng: Number(stringOf(data, "longitude")) },
    };
    const listing = {
      path: `/agencies/${agency}`,
      result,
      page: 1,
      pageSize: PREVIEW_PAGE_SIZE,
      filters: { fullyOnline: false, agency },
      agencies: [],
    };
    return { title: shown.name[locale] || agency, body: <AgencyPage agency={shown} listing={listing} /> };
  },
};
