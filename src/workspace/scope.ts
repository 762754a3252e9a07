import type { FastifyRequest } from "fastify";
import { listAgencies } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { ForbiddenError, NotFoundError } from "../platform/http/errors.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import { canApprove, canEdit, contentAgencies } from "./access.js";
import { kindNamed } from "./kinds/index.js";
import type { ContentData, ContentKind } from "./model.js";
import { findItem } from "./repository.js";
import { itemParams } from "./route-table.js";

/**
 * What a content workspace address names, checked against the viewer: their
 * agencies, the agency and kind of content, the item; and the titles and
 * breadcrumbs its pages show.
 */

/** The agencies whose content the viewer works on; refused (403) for everyone else. */
export async function agenciesOf(db: Db, request: FastifyRequest) {
  const mine = contentAgencies(request.viewer);
  if (mine !== "all" && mine.length === 0) throw new ForbiddenError();
  const all = await listAgencies(db);
  return all
    .filter((a) => mine === "all" || mine.includes(a.slug))
    .sort((a, b) => a.name[request.locale].localeCompare(b.name[request.locale], request.locale));
}

/** The agency and kind named in the address: 403 for someone who edits no content at all, 404 for another agency's. */
export async function scopeOf(db: Db, request: FastifyRequest, need: "edit" | "approve" = "edit") {
  const agencies = await agenciesOf(db, request);
  const params = parseOrRefuse(itemParams.partial({ slug: true }), request.params, { notFound: true });
  const agency = agencies.find((a) => a.slug === params.agency);
  const kind = kindNamed(params.kind);
  if (!agency || !kind || !canEdit(request.viewer, agency.slug)) throw new NotFoundError();
  if (need === "approve" && !canApprove(request.viewer, agency.slug)) throw new ForbiddenError();
  return { agency, kind, agencyName: agency.name[request.locale] };
}

/** The item named in the address: the workspace's copy, or the catalogue's when it was never edited. */
export async function itemScopeOf(db: Db, request: FastifyRequest, need: "edit" | "approve" = "edit") {
  const s = await scopeOf(db, request, need);
  const { slug: itemSlug } = parseOrRefuse(itemParams, request.params, { notFound: true });
  const item = await findItem(db, s.kind.name, itemSlug);
  if (item && item.agency !== s.agency.slug) throw new NotFoundError();
  const data = item ? item.draft : await s.kind.load(db, s.agency.slug, itemSlug);
  if (!data) throw new NotFoundError();
  const base = `/workspace/content/${s.agency.slug}/${s.kind.name}/${itemSlug}`;
  return { ...s, slug: itemSlug, item, data, base };
}

export type ItemScope = Awaited<ReturnType<typeof itemScopeOf>>;

export const titleOf = (data: ContentData, request: FastifyRequest, fallback: string) => {
  const v = data.title ?? data.name;
  return (v && typeof v === "object" && !Array.isArray(v) ? v[request.locale] : "") || fallback;
};

export const crumbs = (request: FastifyRequest, s: { agency: { slug: string }; kind: ContentKind }) => [
  { label: request.tr.t("workspace.home.title"), path: "/workspace" },
  { label: request.tr.t("workspace.content.title"), path: "/workspace/content" },
  { label: request.tr.t(`workspace.kinds.${s.kind.name}.many`), path: `/workspace/content/${s.agency.slug}/${s.kind.name}` },
];
