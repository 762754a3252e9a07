import { ServicePage } from "../../catalogue/components.js";
import { catalogueEditing as edit, findService } from "../../catalogue/service.js";
import { bilingualOf, stringOf } from "../fields.js";
import type { ContentData, ContentKind, FieldSpec } from "../model.js";

/**
 * A downloadable form of one of the agency's services. The draft keeps the
 * uploaded file's name in `file` and, beside it, where the bytes are kept and
 * their type and size (set by the upload, not typed in).
 */
export const documentFields: FieldSpec[] = [
  { name: "service", type: "select", bilingual: false, required: true },
  { name: "title", type: "text", bilingual: true, required: true },
  { name: "file", type: "file", bilingual: false, required: true },
];

/** The file facts a draft carries beside its fields. */
export const fileFacts = ["fileKey", "contentType", "sizeBytes"] as const;

export const documentKind: ContentKind = {
  name: "document",
  fields: documentFields,
  creatable: true,

  async choices(db, agency) {
    const services = await edit.agencyServiceRows(db, agency);
    return { service: services.map((s) => ({ value: s.slug, label: { ar: s.titleAr, en: s.titleEn } })) };
  },

  slugTaken: (db, slug) => edit.documentSlugTaken(db, slug),

  async listPublished(db, agency) {
    return (await edit.agencyDocumentRows(db, agency)).map((r) => ({ slug: r.slug, title: { ar: r.titleAr, en: r.titleEn } }));
  },

  async load(db, agency, slug) {
    const d = await edit.documentForEditing(db, agency, slug);
    if (!d) return undefined;
    return {
      service: d.serviceSlug,
      title: { ar: d.titleAr, en: d.titleEn },
      file: d.fileName,
      fileKey: d.storageKey,
      contentType: d.contentType,
      sizeBytes: String(d.sizeBytes),
    };
  },

  async apply(tx, agency, slug, data) {
    const title = bilingualOf(data, "title");
    await edit.writeDocument(tx, agency, {
      slug,
      serviceSlug: stringOf(data, "service"),
      titleAr: title.ar,
      titleEn: title.en,
      fileName: stringOf(data, "file"),
      storageKey: stringOf(data, "fileKey"),
      contentType: stringOf(data, "contentType"),
      sizeBytes: Number(stringOf(data, "sizeBytes")),
    });
  },

  unapply: (tx, agency, slug) => edit.deleteDocument(tx, agency, slug),

  publicPath: (_slug, data: ContentData) => `/services/${stringOf(data, "service")}`,

  /** The page of the service the form belongs to, listing the form as the draft has it. */
  async preview({ db, agency, slug, locale }, data) {
    const serviceSlug = stringOf(data, "service");
    const found = await findService(db, serviceSlug);
    const title = bilingualOf(data, "title");
    const mine = {
      slug,
      title,
      fileName: stringOf(data, "file"),
      contentType: stringOf(data, "contentType"),
      sizeBytes: Number(stringOf(data, "sizeBytes")) || 0,
    };
    const owner = found?.agency.slug === agency ? found : undefined;
    if (!owner) return { title: title[locale] || slug, body: <p class="lead">{title[locale]}</p> };
    const documents = [...owner.documents.filter((d) => d.slug !== slug), mine];
    return { title: owner.title[locale], body: <ServicePage service={{ ...owner, documents }} /> };
  },
};
