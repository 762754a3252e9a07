import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { withAudit } from "../audit/log.js";
import { servicesBySlugs } from "../catalogue/service.js";
import { problemMessage } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { NotFoundError } from "../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../platform/http/forms.js";
import {
  createHighlight,
  deleteHighlight,
  findHighlight,
  type Highlight,
  type HighlightFields,
  listHighlights,
  updateHighlight,
} from "./highlights.js";
import { adminAudit, adminPage, doneRedirect, formErrors, typedValues } from "./render.js";
import type { AdminRouteOptions } from "./routes.js";
import { doneQuery, type HighlightBody, highlightBody, idParams } from "./schemas.js";
import { HighlightEditPage, HighlightListPage } from "./views/HighlightPages.js";

const auditKeys = ["kind", "serviceSlug", "path", "titleAr", "titleEn", "position", "active"] as const;
const pick = (row: Highlight | HighlightFields | undefined | null) =>
  row ? Object.fromEntries(auditKeys.map((k) => [k, row[k] ?? null])) : null;

const valuesOf = (h: Highlight): Record<string, string> => ({
  kind: h.kind,
  service: h.serviceSlug ?? "",
  path: h.path ?? "",
  titleAr: h.titleAr,
  titleEn: h.titleEn,
  position: String(h.position),
  active: h.active ? "1" : "",
});

const fieldsOf = (b: HighlightBody): HighlightFields => ({
  kind: b.kind,
  serviceSlug: b.kind === "service" ? b.service : null,
  path: b.kind === "link" ? b.path : null,
  titleAr: b.titleAr,
  titleEn: b.titleEn,
  position: b.position,
  active: b.active,
});

/** Home page highlights: list, add, change, remove. */
export async function highlightRoutes(app: FastifyInstance, { db }: AdminRouteOptions) {
  const title = (request: FastifyRequest) => request.tr.t("admin.highlights.title");

  async function showList(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[]) {
    const { done } = doneQuery.parse(request.query);
    return adminPage(request, reply, {
      title: title(request),
      errors,
      body: <HighlightListPage highlights={await listHighlights(db)} values={values} errors={errors} done={done} />,
    });
  }

  /** The form's answers checked, including that the service exists and is published. */
  async function read(request: FastifyRequest): Promise<{ fields: HighlightFields } | { errors: FieldError[] }> {
    const parsed = highlightBody.safeParse(formBody(request.body));
    if (!parsed.success) return { errors: formErrors(request, parsed.error) };
    const fields = fieldsOf(parsed.data);
    if (fields.serviceSlug && (await servicesBySlugs(db, [fields.serviceSlug])).length === 0) {
      return { errors: [problemMessage(request.tr, { field: "service", key: "admin.highlights.errors.noService" })] };
    }
    return { fields };
  }

  app.get("/admin/highlights", async (request, reply) => showList(request, reply, { kind: "service", active: "1" }, []));

  app.post("/admin/highlights", async (request, reply) => {
    const r = await read(request);
    if ("errors" in r) return showList(request, reply, typedValues(formBody(request.body)), r.errors);
    await withAudit(
      db,
      (tx) => createHighlight(tx, r.fields),
      (made) =>
        adminAudit(request, {
          action: "home-highlight.created",
          objectType: "home-highlight",
          objectId: String(made.id),
          before: null,
          after: pick(made),
        }),
    );
    return doneRedirect(request, reply, "/admin/highlights", "created");
  });

  async function existing(request: FastifyRequest): Promise<Highlight> {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const h = await findHighlight(db, id);
    if (!h) throw new NotFoundError();
    return h;
  }

  async function showEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    h: Highlight,
    values: Record<string, string>,
    errors: FieldError[],
  ) {
    const { done } = doneQuery.parse(request.query);
    return adminPage(request, reply, {
      title: request.tr.t("admin.highlights.editTitle"),
      trail: [{ label: title(request), path: "/admin/highlights" }],
      errors,
      body: <HighlightEditPage id={h.id} values={values} errors={errors} done={done} />,
    });
  }

  app.get("/admin/highlights/:id", async (request, reply) => {
    const h = await existing(request);
    return showEdit(request, reply, h, valuesOf(h), []);
  });

  app.post("/admin/highlights/:id", async (request, reply) => {
    const before = await existing(request);
    const r = await read(request);
    if ("errors" in r) return showEdit(request, reply, before, typedValues(formBody(request.body)), r.errors);
    await withAudit(
      db,
      (tx) => updateHighlight(tx, before.id, r.fields),
      (after) =>
        after
          ? adminAudit(request, {
              action: "home-highlight.changed",
              objectType: "home-highlight",
              objectId: String(before.id),
              before: pick(before),
              after: pick(after),
            })
          : undefined,
    );
    return doneRedirect(request, reply, `/admin/highlights/${before.id}`, "saved");
  });

  app.post("/admin/highlights/:id/delete", async (request, reply) => {
    const h = await existing(request);
    await withAudit(
      db,
      (tx) => deleteHighlight(tx, h.id),
      (gone) =>
        gone
          ? adminAudit(request, {
              action: "home-highlight.removed",
              objectType: "home-highlight",
              objectId: String(h.id),
              before: pick(gone),
              after: null,
            })
          : undefined,
    );
    return doneRedirect(request, reply, "/admin/highlights", "deleted");
  });
}
