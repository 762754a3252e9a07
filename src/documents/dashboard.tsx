import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Db } from "../platform/db/client.js";
import { localizePath } from "../platform/i18n/locales.js";
import { documentsOf, type IssuedDocument } from "./repository.js";
import { canRenew, documentStatus } from "./validity.js";
import { type DocumentListItem, DocumentTable } from "./views/DocumentPages.js";

const LATEST = 5;

/** A document as a line of the person's list, in their language. */
export function listItem(doc: IssuedDocument, locale: "ar" | "en", now = new Date()): DocumentListItem {
  return {
    code: doc.code,
    title: locale === "en" ? doc.titleEn : doc.titleAr,
    validUntil: doc.validUntil,
    status: documentStatus(doc, now),
    renewable: canRenew(doc, now),
  };
}

/** My Hukoomi's "documents" section: the newest documents, with a link to all. */
export function documentDashboard(db: Db) {
  return async (request: FastifyRequest, userId: string): Promise<Record<string, ComponentChildren>> => {
    const { locale, tr } = request;
    const docs = await documentsOf(db, userId, LATEST + 1);
    if (!docs.length) return {};
    return {
      documents: (
        <>
          <DocumentTable items={docs.slice(0, LATEST).map((d) => listItem(d, locale))} />
          <p>
            <a href={localizePath(locale, "/my/documents")}>{tr.t("documents.all")}</a>
          </p>
        </>
      ),
    };
  };
}
