import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { agenciesActedFor } from "../accounts/model.js";
import { requireViewer } from "../accounts/sessions.js";
import { type AuditEntry, auditedBy, fieldsOf, withAudit } from "../audit/log.js";
import { agencyNames } from "../catalogue/service.js";
import { problemMessage, problemMessages } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { ForbiddenError, NotFoundError } from "../platform/http/errors.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import { acceptMultipart, readForm } from "../platform/http/multipart.js";
import { localizePath } from "../platform/i18n/locales.js";
import { type FileStorage, putThenRecord } from "../platform/storage/file-storage.js";
import { dohaToday } from "../platform/time/doha.js";
import { csvKey, tableOf } from "./data.js";
import { blankValues, type DatasetFormResult, type DatasetFormValues, readDatasetForm, valuesOf } from "./form.js";
import { MAX_CSV_BYTES } from "./model.js";
import {
  type Dataset,
  type DatasetWithResources,
  datasetsOf,
  findDataset,
  insertDataset,
  putResource,
  updateDataset,
} from "./repository.js";
import { slugParams } from "./schemas.js";
import { DatasetFormPage, WorkspaceIndexPage } from "./views/WorkspacePages.js";

const auditKeys = [
  "slug",
  "agency",
  "titleAr",
  "titleEn",
  "theme",
  "licence",
  "frequency",
  "published",
  "modified",
  "columnLabels",
  "chart",
] as const;

/** The agencies whose datasets the person looks after: editors of an agency; administrators for all. */
export function datasetAgencies(viewer: FastifyRequest["viewer"]): string[] | "all" {
  return agenciesActedFor(viewer, "editor");
}

/** /workspace/datasets: agency editors create and edit their agency's datasets and upload CSV files. */
export async function openDataWorkspaceRoutes(app: FastifyInstance, { db, storage }: { db: Db; storage: FileStorage }) {
  await acceptMultipart(app, { fileSize: MAX_CSV_BYTES + 1, mayUpload: (request) => Boolean(request.viewer) });
  const guarded = { preHandler: requireViewer };
  const guardedPost = { preHandler: [requireViewer, app.csrfProtection] };
  const staffTitle = (request: FastifyRequest) => request.tr.t("opendata.workspace.title");

  async function agencyChoices(request: FastifyRequest): Promise<{ slug: string; name: string }[]> {
    const run = datasetAgencies(request.viewer);
    if (run !== "all" && run.length === 0) throw new ForbiddenError();
    const names = await agencyNames(db, run === "all" ? undefined : run);
    return [...names]
      .map(([slug, name]) => ({ slug, name: name[request.locale] }))
      .sort((a, b) => a.name.localeCompare(b.name, request.locale));
  }

  /** The dataset in the address, when the person edits for its agency (anyone else: not found). */
  async function ownDataset(request: FastifyRequest): Promise<DatasetWithResources> {
    const { slug } = parseOrRefuse(slugParams, request.params, { notFound: true });
    const run = datasetAgencies(request.viewer);
    if (run !== "all" && run.length === 0) throw new ForbiddenError();
    const d = await findDataset(db, slug);
    if (!d || d.generator || (run !== "all" && !run.includes(d.agency))) throw new NotFoundError();
    return d;
  }

  const messages = (request: FastifyRequest, r: DatasetFormResult): FieldError[] => problemMessages(request.tr, r.problems);

  function audit(
    request: FastifyRequest,
    d: { slug: string; agency: string },
    action: string,
    before: Partial<Dataset> | null,
    after: Partial<Dataset>,
  ): AuditEntry {
    return {
      ...auditedBy(request),
      action,
      objectType: "dataset",
      objectId: d.slug,
      agency: d.agency,
      before: fieldsOf(before, auditKeys),
      after: fieldsOf(after, auditKeys),
    };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: DatasetFormValues; errors: FieldError[]; existing?: Dataset | undefined },
  ) {
    const { tr, locale } = request;
    const title = form.existing
      ? locale === "ar"
        ? form.existing.titleAr
        : form.existing.titleEn
      : tr.t("opendata.workspace.newTitle");
    const action = localizePath(locale, form.existing ? `/workspace/datasets/${form.existing.slug}` : "/workspace/datasets/new");
    return reply.page({
      status: form.errors.length ? 400 : 200,
      title: form.errors.length ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [{ label: staffTitle(request), path: "/workspace/datasets" }, { label: title }],
      body: (
        <DatasetFormPage
          title={title}
          values={form.values}
          errors={form.errors}
          agencies={await agencyChoices(request)}
          action={action}
          existing={form.existing}
          saved={(request.query as Record<string, unknown>).done === "saved"}
          neutralised={neutralisedOf(request.query)}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  }

  app.get("/workspace/datasets", guarded, async (request, reply) => {
    const run = datasetAgencies(request.viewer);
    if (run !== "all" && run.length === 0) throw new ForbiddenError();
    const [list, names] = await Promise.all([datasetsOf(db, run), agencyNames(db)]);
    return reply.page({
      title: staffTitle(request),
      breadcrumbs: [{ label: staffTitle(request) }],
      body: <WorkspaceIndexPage datasets={list.filter((d) => !d.generator)} agencyNames={names} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  app.get("/workspace/datasets/new", guarded, async (request, reply) => {
    const agencies = await agencyChoices(request);
    return render(request, reply, { values: blankValues(agencies.length === 1 ? agencies[0]?.slug : ""), errors: [] });
  });

  app.post("/workspace/datasets/new", guardedPost, async (request, reply) => {
    const agencies = (await agencyChoices(request)).map((a) => a.slug);
    const { fields, files } = readForm(request.body);
    const read = await readDatasetForm(fields, files.file?.[0], { agencies });
    if (!read.input || !read.csv) return render(request, reply, { values: read.values, errors: messages(request, read) });
    if (await findDataset(db, read.input.slug))
      return render(request, reply, {
        values: read.values,
        errors: [problemMessage(request.tr, { field: "slug", key: "opendata.workspace.errors.slugTaken" })],
      });
    const now = new Date();
    const today = dohaToday(now);
    const input = { ...read.input, issued: today, modified: today };
    const key = csvKey(input.slug, now);
    const csv = read.csv;
    await putThenRecord(storage, key, csv.bytes, () =>
      withAudit(
        db,
        async (tx) => {
          const id = await insertDataset(tx, input);
          await putCsv(tx, id, input, key, csv.bytes.byteLength, csv.table.rows.length, now);
        },
        () => audit(request, input, input.published ? "dataset.published" : "dataset.created", null, input),
      ),
    );
    return reply.redirect(`${localizePath(request.locale, `/workspace/datasets/${input.slug}`)}${savedQuery(csv)}`, 303);
  });

  /** The dataset's data as stored (its columns are what the form names and the chart draws). */
  const storedTable = (d: DatasetWithResources) => () => tableOf(db, storage, d);

  app.get("/workspace/datasets/:slug", guarded, async (request, reply) => {
    const existing = await ownDataset(request);
    const header = await tableOf(db, storage, existing, 1);
    return render(request, reply, { values: valuesOf(existing, header?.columns), errors: [], existing });
  });

  app.post("/workspace/datasets/:slug", guardedPost, async (request, reply) => {
    const existing = await ownDataset(request);
    const { fields, files } = readForm(request.body);
    const read = await readDatasetForm(fields, files.file?.[0], {
      agencies: [existing.agency],
      existing,
      table: storedTable(existing),
    });
    if (!read.input) return render(request, reply, { values: read.values, errors: messages(request, read), existing });
    const now = new Date();
    const input = {
      ...read.input,
      issued: existing.issued,
      modified: read.csv ? dohaToday(now) : existing.modified,
    };
    const csv = read.csv;
    const key = csv ? csvKey(existing.slug, now) : undefined;
    const action = csv ? "dataset.uploaded" : input.published && !existing.published ? "dataset.published" : "dataset.edited";
    const save = () =>
      withAudit(
        db,
        async (tx) => {
          await updateDataset(tx, existing.id, input);
          if (csv && key) await putCsv(tx, existing.id, input, key, csv.bytes.byteLength, csv.table.rows.length, now);
        },
        () => audit(request, existing, action, existing, input),
      );
    await (csv && key ? putThenRecord(storage, key, csv.bytes, save) : save());
    return reply.redirect(`${localizePath(request.locale, `/workspace/datasets/${existing.slug}`)}${savedQuery(csv)}`, 303);
  });
}

/** "Saved", and how many formulas the upload had neutralised, for the page the editor comes back to. */
const savedQuery = (csv: { neutralised: number } | undefined) =>
  `?done=saved${csv?.neutralised ? `&neutralised=${csv.neutralised}` : ""}`;

const neutralisedOf = (query: unknown): number => {
  const n = Number((query as Record<string, unknown>).neutralised);
  return Number.isInteger(n) && n > 0 && n < 1e9 ? n : 0;
};

/** The dataset's CSV resource (the file) and its JSON resource (read from the same file). */
async function putCsv(
  tx: Db,
  id: string,
  d: { titleAr: string; titleEn: string },
  key: string,
  size: number,
  rows: number,
  at: Date,
): Promise<void> {
  const names = { nameAr: d.titleAr, nameEn: d.titleEn };
  await putResource(tx, id, { ...names, format: "CSV", storageKey: key, sizeBytes: size, rowCount: rows, position: 0 }, at);
  await putResource(tx, id, { ...names, format: "JSON", storageKey: key, sizeBytes: null, rowCount: rows, position: 1 }, at);
}
