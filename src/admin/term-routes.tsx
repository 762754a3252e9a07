import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { countUsersWithPersona } from "../accounts/service.js";
import { withAudit } from "../audit/log.js";
import {
  createTerm,
  deleteTerm,
  type TermFields,
  type TermKind,
  type TermRecord,
  termRecord,
  termRecords,
  termUsage,
  updateTerm,
} from "../catalogue/service.js";
import { problemMessage } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { NotFoundError } from "../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../platform/http/forms.js";
import { adminAudit, adminPage, doneRedirect, formErrors, typedValues } from "./render.js";
import type { AdminRouteOptions } from "./routes.js";
import { doneQuery, newTermBody, type TermKindPath, termBody, termKindParams, termKindPaths, termParams } from "./schemas.js";
import { TermEditPage, TermListPage } from "./views/TermPages.js";

const auditKeys = ["slug", "parentSlug", "nameAr", "nameEn", "descriptionAr", "descriptionEn", "position"] as const;
const pick = (row: TermRecord | undefined | null) => (row ? Object.fromEntries(auditKeys.map((k) => [k, row[k] ?? null])) : null);

const valuesOf = (row: TermRecord): Record<string, string> => ({
  nameAr: row.nameAr,
  nameEn: row.nameEn,
  descriptionAr: row.descriptionAr,
  descriptionEn: row.descriptionEn,
  parent: row.parentSlug ?? "",
  position: String(row.position),
});

/** A parent must be another term of the same kind, and not one of this term's own descendants (no loops). */
async function parentProblem(db: Db, kind: TermKind, parent: string, self?: string): Promise<boolean> {
  if (!parent) return false;
  if (parent === self) return true;
  const all = await termRecords(db, kind);
  const bySlug = new Map(all.map((t) => [t.slug, t]));
  if (!bySlug.has(parent)) return true;
  for (let at: string | null | undefined = parent, steps = 0; at && steps <= all.length; steps += 1) {
    if (at === self) return true;
    at = bySlug.get(at)?.parentSlug;
  }
  return false;
}

/** Categories, personas and life events: list in order, add, change, remove when unused. */
export async function termRoutes(app: FastifyInstance, { db }: AdminRouteOptions) {
  const kindOf = (request: FastifyRequest) => {
    const { kind } = parseOrRefuse(termKindParams, request.params, { notFound: true });
    return { path: kind, kind: termKindPaths[kind] as TermKind };
  };

  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    path: TermKindPath,
    kind: TermKind,
    values: Record<string, string>,
    errors: FieldError[],
    status?: number,
  ) {
    const { done } = doneQuery.parse(request.query);
    return adminPage(request, reply, {
      status,
      title: request.tr.t(`admin.terms.kinds.${path}`),
      errors,
      body: <TermListPage kind={path} terms={await termRecords(db, kind)} values={values} errors={errors} done={done} />,
    });
  }

  app.get("/admin/taxonomies/:kind", async (request, reply) => {
    const { path, kind } = kindOf(request);
    return showList(request, reply, path, kind, {}, []);
  });

  app.post("/admin/taxonomies/:kind", async (request, reply) => {
    const { path, kind } = kindOf(request);
    const body = formBody(request.body);
    const parsed = newTermBody.safeParse(body);
    if (!parsed.success) return showList(request, reply, path, kind, typedValues(body), formErrors(request, parsed.error));
    const { slug, parent, ...rest } = parsed.data;
    const problem = (field: string, key: string) =>
      showList(request, reply, path, kind, typedValues(body), [problemMessage(request.tr, { field, key })]);
    if (await parentProblem(db, kind, parent)) return problem("parent", "admin.terms.errors.parent");
    const fields: TermFields = { ...rest, parentSlug: parent || null };
    const made = await withAudit(
      db,
      (tx) => createTerm(tx, kind, slug, fields),
      (ok) =>
        ok
          ? adminAudit(request, {
              action: "term.created",
              objectType: kind,
              objectId: slug,
              before: null,
              after: pick({ slug, ...fields }),
            })
          : undefined,
    );
    if (!made) return problem("slug", "admin.terms.errors.slugTaken");
    return doneRedirect(request, reply, `/admin/taxonomies/${path}`, "created");
  });

  async function existing(request: FastifyRequest) {
    const { kind: path, slug } = parseOrRefuse(termParams, request.params, { notFound: true });
    const kind = termKindPaths[path] as TermKind;
    const row = await termRecord(db, kind, slug);
    if (!row) throw new NotFoundError();
    return { path, kind, row };
  }

  async function showEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    term: { path: TermKindPath; kind: TermKind; row: TermRecord },
    form: { values: Record<string, string>; errors: FieldError[]; usedIn?: string[]; status?: number },
  ) {
    const { done } = doneQuery.parse(request.query);
    const parents = (await termRecords(db, term.kind)).filter((t) => t.slug !== term.row.slug);
    return adminPage(request, reply, {
      status: form.status,
      title: request.tr.t("admin.terms.editTitle"),
      trail: [{ label: request.tr.t(`admin.terms.kinds.${term.path}`), path: `/admin/taxonomies/${term.path}` }],
      errors: form.errors,
      body: (
        <TermEditPage
          kind={term.path}
          slug={term.row.slug}
          parents={parents}
          values={form.values}
          errors={form.errors}
          usedIn={form.usedIn}
          done={done}
        />
      ),
    });
  }

  app.get("/admin/taxonomies/:kind/:slug", async (request, reply) => {
    const term = await existing(request);
    return showEdit(request, reply, term, { values: valuesOf(term.row), errors: [] });
  });

  app.post("/admin/taxonomies/:kind/:slug", async (request, reply) => {
    const term = await existing(request);
    const body = formBody(request.body);
    const parsed = termBody.safeParse(body);
    if (!parsed.success)
      return showEdit(request, reply, term, { values: typedValues(body), errors: formErrors(request, parsed.error) });
    const { parent, ...rest } = parsed.data;
    if (await parentProblem(db, term.kind, parent, term.row.slug)) {
      return showEdit(request, reply, term, {
        values: typedValues(body),
        errors: [problemMessage(request.tr, { field: "parent", key: "admin.terms.errors.parent" })],
      });
    }
    const fields: TermFields = { ...rest, parentSlug: parent || null };
    await withAudit(
      db,
      (tx) => updateTerm(tx, term.kind, term.row.slug, fields),
      (after) =>
        after
          ? adminAudit(request, {
              action: "term.changed",
              objectType: term.kind,
              objectId: term.row.slug,
              before: pick(term.row),
              after: pick(after),
            })
          : undefined,
    );
    return doneRedirect(request, reply, `/admin/taxonomies/${term.path}/${term.row.slug}`, "saved");
  });

  /** Where a term is used, as people read it; empty when it may go. */
  async function usesOf(request: FastifyRequest, tx: Db, kind: TermKind, slug: string): Promise<string[]> {
    const { tr, locale } = request;
    const usage = await termUsage(tx, kind, slug);
    const people = kind === "persona" ? await countUsersWithPersona(tx, slug) : 0;
    return [
      ...usage.services.map((s) => tr.t("admin.terms.usedByService", { title: s.title[locale] })),
      ...usage.children.map((c) => tr.t("admin.terms.usedByChild", { name: c.name[locale] })),
      ...(people ? [tr.t("admin.terms.usedByPeople", { count: people })] : []),
    ];
  }

  app.post("/admin/taxonomies/:kind/:slug/delete", async (request, reply) => {
    const term = await existing(request);
    const outcome = await withAudit(
      db,
      async (tx) => {
        const usedIn = await usesOf(request, tx, term.kind, term.row.slug);
        if (usedIn.length) return { usedIn };
        return { removed: await deleteTerm(tx, term.kind, term.row.slug) };
      },
      (r) =>
        "removed" in r && r.removed
          ? adminAudit(request, {
              action: "term.removed",
              objectType: term.kind,
              objectId: term.row.slug,
              before: pick(r.removed),
              after: null,
            })
          : undefined,
    );
    if ("usedIn" in outcome) {
      return showEdit(request, reply, term, {
        values: valuesOf(term.row),
        errors: [problemMessage(request.tr, { field: "usage", key: "admin.terms.errors.inUse" })],
        usedIn: outcome.usedIn,
        status: 409,
      });
    }
    return doneRedirect(request, reply, `/admin/taxonomies/${term.path}`, "deleted");
  });
}
