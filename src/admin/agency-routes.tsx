import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { withAudit } from "../audit/log.js";
import {
  type AgencyFields,
  type AgencyRecord,
  agencyRecord,
  createAgency,
  findAgency,
  listAgencies,
  updateAgency,
} from "../catalogue/service.js";
import { type Problem, problemMessage, problemMessages } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { NotFoundError } from "../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../platform/http/forms.js";
import { setSingleApproverException, singleApproverException } from "../workspace/four-eyes.js";
import { adminAudit, adminPage, doneRedirect, formErrors, typedValues } from "./render.js";
import type { AdminRouteOptions } from "./routes.js";
import { type AgencyBody, agencyBody, doneQuery, newAgencyBody, singleApproverBody, slugParams } from "./schemas.js";
import { AgencyFormPage, AgencyListPage } from "./views/AgencyPages.js";

/** The fields an audit entry keeps before and after a change to an agency. */
const auditKeys = [
  "slug",
  "type",
  "parentId",
  "nameAr",
  "nameEn",
  "shortNameAr",
  "shortNameEn",
  "descriptionAr",
  "descriptionEn",
  "website",
  "phone",
  "email",
  "addressAr",
  "addressEn",
  "openingHoursAr",
  "openingHoursEn",
  "latitude",
  "longitude",
] as const;

const pick = (row: AgencyRecord | undefined | null) =>
  row ? Object.fromEntries(auditKeys.map((k) => [k, row[k] ?? null])) : null;

/** An agency's record as the form's text boxes. */
function valuesOf(row: AgencyRecord, parentSlug: string): Record<string, string> {
  return {
    type: row.type,
    parent: parentSlug,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    shortNameAr: row.shortNameAr,
    shortNameEn: row.shortNameEn,
    descriptionAr: row.descriptionAr,
    descriptionEn: row.descriptionEn,
    website: row.website,
    phone: row.phone,
    email: row.email,
    addressAr: row.addressAr,
    addressEn: row.addressEn,
    openingHoursAr: row.openingHoursAr,
    openingHoursEn: row.openingHoursEn,
    latitude: String(row.latitude),
    longitude: String(row.longitude),
  };
}

/** Agencies: list, add, change. */
export async function agencyRoutes(app: FastifyInstance, { db }: AdminRouteOptions) {
  const title = (request: FastifyRequest) => request.tr.t("admin.agencies.title");

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string | undefined,
    values: Record<string, string>,
    errors: FieldError[],
    status?: number,
  ) {
    const { tr, locale } = request;
    const parents = (await listAgencies(db))
      .filter((a) => a.slug !== slug)
      .map((a) => ({ slug: a.slug, name: a.name[locale] }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    const { done } = doneQuery.parse(request.query);
    const exception = slug ? await singleApproverException(db, slug) : undefined;
    return adminPage(request, reply, {
      status,
      title: tr.t(slug ? "admin.agencies.editTitle" : "admin.agencies.newTitle"),
      trail: [{ label: title(request), path: "/admin/agencies" }],
      errors,
      body: (
        <AgencyFormPage
          slug={slug}
          values={values}
          errors={errors}
          parents={parents}
          done={done}
          singleApprover={exception ? { reason: exception.reason, since: exception.allowedAt } : undefined}
        />
      ),
    });
  }

  /** The fields to store, with the parent agency found by its slug (an unknown parent is refused). */
  async function fieldsOf(input: AgencyBody, self?: string): Promise<AgencyFields | Problem[]> {
    const { parent, ...rest } = input;
    let parentId: number | null = null;
    if (parent) {
      const found = parent === self ? undefined : await agencyRecord(db, parent);
      if (!found) return [{ field: "parent", key: "admin.agencies.errors.parent" }];
      parentId = found.id;
    }
    return { ...rest, parentId };
  }

  app.get("/admin/agencies", async (request, reply) => {
    const { done } = doneQuery.parse(request.query);
    const agencies = (await listAgencies(db)).sort((a, b) => a.name[request.locale].localeCompare(b.name[request.locale]));
    return adminPage(request, reply, { title: title(request), body: <AgencyListPage agencies={agencies} done={done} /> });
  });

  app.get("/admin/agencies/new", async (request, reply) => showForm(request, reply, undefined, {}, []));

  app.post("/admin/agencies/new", async (request, reply) => {
    const body = formBody(request.body);
    const parsed = newAgencyBody.safeParse(body);
    if (!parsed.success) return showForm(request, reply, undefined, typedValues(body), formErrors(request, parsed.error));
    const { slug, ...input } = parsed.data;
    if (await agencyRecord(db, slug)) {
      return showForm(request, reply, undefined, typedValues(body), [
        problemMessage(request.tr, { field: "slug", key: "admin.agencies.errors.slugTaken" }),
      ]);
    }
    const fields = await fieldsOf(input);
    if (Array.isArray(fields)) return showForm(request, reply, undefined, typedValues(body), problemMessages(request.tr, fields));
    const made = await withAudit(
      db,
      (tx) => createAgency(tx, slug, fields),
      (row) =>
        row
          ? adminAudit(request, {
              action: "agency.created",
              objectType: "agency",
              objectId: slug,
              agency: slug,
              before: null,
              after: pick(row),
            })
          : undefined,
    );
    if (!made) {
      return showForm(request, reply, undefined, typedValues(body), [
        problemMessage(request.tr, { field: "slug", key: "admin.agencies.errors.slugTaken" }),
      ]);
    }
    return doneRedirect(request, reply, `/admin/agencies/${slug}`, "created");
  });

  async function existing(request: FastifyRequest): Promise<AgencyRecord> {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const row = await agencyRecord(db, slug);
    if (!row) throw new NotFoundError();
    return row;
  }

  const parentSlugOf = async (row: AgencyRecord) => (await findAgency(db, row.slug))?.parent?.slug ?? "";

  app.get("/admin/agencies/:slug", async (request, reply) => {
    const row = await existing(request);
    return showForm(request, reply, row.slug, valuesOf(row, await parentSlugOf(row)), []);
  });

  app.post("/admin/agencies/:slug", async (request, reply) => {
    const before = await existing(request);
    const body = formBody(request.body);
    const parsed = agencyBody.safeParse(body);
    if (!parsed.success) return showForm(request, reply, before.slug, typedValues(body), formErrors(request, parsed.error));
    const fields = await fieldsOf(parsed.data, before.slug);
    if (Array.isArray(fields))
      return showForm(request, reply, before.slug, typedValues(body), problemMessages(request.tr, fields));
    await withAudit(
      db,
      (tx) => updateAgency(tx, before.slug, fields),
      (after) =>
        after
          ? adminAudit(request, {
              action: "agency.changed",
              objectType: "agency",
              objectId: before.slug,
              agency: before.slug,
              before: pick(before),
              after: pick(after),
            })
          : undefined,
    );
    return doneRedirect(request, reply, `/admin/agencies/${before.slug}`, "saved");
  });

  /** The documented exception to four eyes: an agency allowed to publish with its one approver; audited with its reason. */
  app.post("/admin/agencies/:slug/single-approver", async (request, reply) => {
    const row = await existing(request);
    const body = formBody(request.body);
    const parsed = singleApproverBody.safeParse(body);
    if (!parsed.success) {
      const values = {
        ...valuesOf(row, await parentSlugOf(row)),
        singleApproverReason: typeof body.reason === "string" ? body.reason : "",
      };
      return showForm(request, reply, row.slug, values, formErrors(request, parsed.error), 400);
    }
    const input = parsed.data;
    const before = await singleApproverException(db, row.slug);
    const reason = input.action === "allow" ? input.reason : undefined;
    await withAudit(
      db,
      (tx) => setSingleApproverException(tx, row.slug, reason ? { reason, by: request.viewer?.id ?? "" } : undefined),
      () =>
        adminAudit(request, {
          action: reason ? "four-eyes.exception-allowed" : "four-eyes.exception-withdrawn",
          objectType: "agency",
          objectId: row.slug,
          agency: row.slug,
          before: before ? { singleApprover: true, reason: before.reason } : { singleApprover: false },
          after: reason ? { singleApprover: true, reason } : { singleApprover: false },
        }),
    );
    return doneRedirect(request, reply, `/admin/agencies/${row.slug}`, "saved");
  });
}
