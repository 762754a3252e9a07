import type { FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { firstIncomplete } from "../forms/engine/conditions.js";
import type { Db } from "../platform/db/client.js";
import type { Locale } from "../platform/i18n/locales.js";
import { localizePath } from "../platform/i18n/locales.js";
import { casesOf } from "./repository/cases.js";
import { findDefinition } from "./repository/definitions.js";
import { draftsOf } from "./repository/drafts.js";
import { applyPath, type DraftSummary } from "./views/ApplyPages.js";
import { DraftList } from "./views/DraftList.js";
import { RequestTable } from "./views/RequestPages.js";

const LATEST = 5;

/** The person's drafts, each with where to pick it up again (the first page still to answer). */
export async function draftSummaries(db: Db, userId: string, locale: Locale, only?: string): Promise<DraftSummary[]> {
  const out: DraftSummary[] = [];
  for (const d of await draftsOf(db, userId)) {
    if (only && d.eservice !== only) continue;
    const def = await findDefinition(db, d.eservice, d.version);
    if (!def) continue;
    const resume = firstIncomplete(def, d.answers);
    out.push({
      id: d.id,
      eservice: d.eservice,
      title: def.title[locale],
      updatedAt: d.updatedAt,
      expiresAt: d.expiresAt,
      continueHref: localizePath(
        locale,
        resume ? applyPath.page(d.eservice, d.id, resume.id) : applyPath.check(d.eservice, d.id),
      ),
    });
  }
  return out;
}

/** My Hukoomi's "requests" and "drafts" sections. */
export function eserviceDashboard(db: Db) {
  return async (request: FastifyRequest, userId: string): Promise<Record<string, ComponentChildren>> => {
    const { locale, tr } = request;
    const [cases, drafts] = await Promise.all([casesOf(db, userId, LATEST + 1), draftSummaries(db, userId, locale)]);
    const out: Record<string, ComponentChildren> = {};
    if (cases.length) {
      const items = [];
      for (const c of cases.slice(0, LATEST)) {
        const def = await findDefinition(db, c.eservice, c.version);
        items.push({
          reference: c.reference,
          title: def?.title[locale] ?? c.eservice,
          status: c.status,
          submittedAt: c.submittedAt,
        });
      }
      out.requests = (
        <>
          <RequestTable items={items} />
          <p>
            <a href={localizePath(locale, "/my/requests")}>{tr.t("eservices.requests.all")}</a>
          </p>
        </>
      );
    }
    if (drafts.length) out.drafts = <DraftList drafts={drafts} />;
    return out;
  };
}
