// Over 400 lines for now: the content workspace's handlers share the showItem, readDraft and step helpers inside one
// plugin (its route table and schemas are in route-table.ts, what an address names in scope.ts); splitting the handlers
// by step (edit, workflow, versions) is left to do (#20).
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import { requireViewer } from "../accounts/sessions.js";
import { auditedBy } from "../audit/log.js";
import { problemMessage, problemMessages } from "../forms/problems.js";
import { checkUpload } from "../forms/upload.js";
import { Ltr } from "../platform/design/Bidi.js";
import { ConfirmStep } from "../platform/design/ConfirmStep.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { attachment } from "../platform/http/download-name.js";
import { ForbiddenError, NotFoundError } from "../platform/http/errors.js";
import { acceptMultipart, readForm } from "../platform/http/multipart.js";
import { privately } from "../platform/http/page-cache.js";
import { localizePath } from "../platform/i18n/locales.js";
import { dohaMoment } from "../platform/time/doha.js";
import { canApprove, contentAgencies, toolsFor } from "./access.js";
import { diffContent } from "./diff.js";
import { fieldProblem, readFields, stringOf, withEveryField } from "./fields.js";
import { contentKinds } from "./kinds/index.js";
import type { ContentData, ContentKind, FieldSpec } from "./model.js";
import { findItem, findVersion, type Item, itemsOf, submittedOf, versionsOf } from "./repository.js";
import {
  doneQuery,
  doneSteps,
  FORM_UPLOAD,
  ITEM,
  LONG_TEXT,
  MAX_FORM_BYTES,
  safeFileName,
  signedInForPost,
  slug,
  textOfForm,
  versionsQuery,
  type WorkspaceRoute,
  type WorkspaceRouteOptions,
  workspaceRouteTable,
} from "./route-table.js";
import { agenciesOf, crumbs, type ItemScope, itemScopeOf, scopeOf, titleOf } from "./scope.js";
import { ContentOverview, ItemList, type ListedItem, WorkspaceHome } from "./views/HomePages.js";
import { ItemPage, NewItemPage, type Notice } from "./views/ItemPage.js";
import { PreviewBanner } from "./views/PreviewBanner.js";
import { VersionsPage } from "./views/VersionsPage.js";
import {
  IncompleteError,
  OwnDraftError,
  publishDraft,
  restoreVersion,
  returnDraft,
  StaleDraftError,
  saveDraft,
  submitDraft,
  unpublishItem,
  WrongStateError,
} from "./workflow.js";

/** The agency workspace: the staff home, and editing, reviewing and publishing an agency's content. */
export async function contentWorkspaceRoutes(app: FastifyInstance, { db, storage, notices }: WorkspaceRouteOptions) {
  await acceptMultipart(app, { fileSize: MAX_FORM_BYTES, mayUpload: (request) => Boolean(request.viewer) });

  function route(method: WorkspaceRoute["method"], path: string, handler: RouteHandlerMethod) {
    if (!workspaceRouteTable.some((r) => r.method === method && r.path === path)) {
      throw new Error(`workspace route ${method} ${path} is missing from workspaceRouteTable`);
    }
    app.route({
      method,
      url: path,
      preHandler: method === "POST" ? [signedInForPost, app.csrfProtection] : requireViewer,
      handler,
    });
  }

  const myAgencies = (request: FastifyRequest) => agenciesOf(db, request);
  const scope = (request: FastifyRequest, need: "edit" | "approve" = "edit") => scopeOf(db, request, need);
  const itemScope = (request: FastifyRequest, need: "edit" | "approve" = "edit") => itemScopeOf(db, request, need);

  async function showItem(
    request: FastifyRequest,
    reply: FastifyReply,
    s: ItemScope,
    opts: {
      status?: number;
      notice?: Notice;
      data?: ContentData;
      errors?: FieldError[];
      item?: Item | undefined;
      actionValues?: Record<string, string>;
    } = {},
  ) {
    const item = opts.item ?? s.item;
    const data = opts.data ?? item?.draft ?? s.data;
    const [choices, versions] = await Promise.all([s.kind.choices(db, s.agency.slug), item ? versionsOf(db, item.id) : []]);
    const title = titleOf(data, request, s.slug);
    const { tr, locale } = request;
    const status = opts.status ?? 200;
    return reply.page({
      status,
      title: status >= 400 ? tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [...crumbs(request, s), { label: title }],
      body: (
        <ItemPage
          kind={s.kind.name}
          agencyName={s.agencyName}
          title={title}
          base={s.base}
          publicHref={localizePath(locale, s.kind.publicPath(s.slug, data))}
          status={{
            state: item?.state ?? "unedited",
            live: item ? item.live : true,
            revision: item?.revision ?? 0,
            reviewComment: item?.reviewComment,
            unpublishReason: item?.unpublishReason,
            publishAt: item?.publishAt,
            versions: versions.length,
          }}
          form={{ fields: s.kind.fields, data: withEveryField(s.kind.fields, data), choices, errors: opts.errors ?? [] }}
          multipart={s.kind.fields.some((f) => f.type === "file")}
          notice={opts.notice}
          approver={canApprove(request.viewer, s.agency.slug)}
          unpublishable={s.kind.creatable}
          actionValues={opts.actionValues}
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  }

  const afterward = (request: FastifyRequest, reply: FastifyReply, base: string, done: string) =>
    reply.redirect(`${localizePath(request.locale, base)}?done=${done}`, 303);

  /**
   * Reads a posted draft: the kind's fields, and for a kind with a file the
   * uploaded file (kept in the file storage, its key in `stored`) or else the
   * file the draft had.
   */
  async function readDraft(request: FastifyRequest, kind: ContentKind, agency: string, previous: ContentData | undefined) {
    const { fields, files } = readForm(request.body);
    const choices = await kind.choices(db, agency);
    const { data, problems } = readFields(kind.fields, fields, choices);
    let stored: string | undefined;
    /** The draft's own file, as it was before this upload: what the form shows again if the save is refused. */
    const before: Record<string, string | undefined> = {};
    for (const spec of kind.fields.filter((f) => f.type === "file")) {
      const upload = files[spec.name]?.[0];
      const fileFields = [spec.name, "fileKey", "contentType", "sizeBytes"];
      for (const key of fileFields) {
        const kept = previous?.[key];
        before[key] = typeof kept === "string" ? kept : undefined;
      }
      if (!upload) {
        for (const key of fileFields) {
          const kept = before[key];
          if (kept !== undefined) data[key] = kept;
        }
        continue;
      }
      // Too large, empty or not a PDF: the field is refused with one message.
      if ("refused" in (await checkUpload(upload, FORM_UPLOAD))) problems.push(fieldProblem(spec.name, "invalid"));
      else {
        const key = `workspace/${agency}/${randomUUID()}.pdf`;
        await storage.put(key, upload.data);
        stored = key;
        Object.assign(data, {
          [spec.name]: safeFileName(upload.filename),
          fileKey: key,
          contentType: "application/pdf",
          sizeBytes: String(upload.data.length),
        });
      }
    }
    for (const spec of kind.fields) {
      const v = data[spec.name];
      const long = typeof v === "string" ? v.length : v && !Array.isArray(v) ? Math.max(v.ar.length, v.en.length) : 0;
      if (long > (spec.type === "textarea" || spec.type === "lines" ? 20 * LONG_TEXT : LONG_TEXT / 4)) {
        problems.push(fieldProblem(spec.name, "invalid"));
      }
    }
    return { data, problems, fields, stored, before };
  }

  /**
   * A save that was refused keeps nothing: the file it uploaded is removed,
   * and the form shows the draft's own file again (the person chooses the
   * new one again with the corrected form).
   */
  async function discard(read: { stored?: string | undefined; before: Record<string, string | undefined>; data: ContentData }) {
    if (!read.stored) return;
    await storage.delete(read.stored).catch(() => undefined);
    for (const [key, value] of Object.entries(read.before)) {
      if (value === undefined) delete read.data[key];
      else read.data[key] = value;
    }
  }

  route("GET", "/workspace", async (request, reply) => {
    const tools = toolsFor(request.viewer);
    if (tools.length === 0) throw new ForbiddenError();
    const mine = contentAgencies(request.viewer);
    const approves = mine === "all" ? "all" : mine.filter((a) => canApprove(request.viewer, a));
    const waiting = approves === "all" || approves.length ? (await submittedOf(db, approves)).length : 0;
    const title = request.tr.t("workspace.home.title");
    return reply.page({
      title,
      breadcrumbs: [{ label: title }],
      body: <WorkspaceHome tools={tools} waiting={waiting} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  route("GET", "/workspace/content", async (request, reply) => {
    const agencies = await myAgencies(request);
    const approves = agencies.filter((a) => canApprove(request.viewer, a.slug)).map((a) => a.slug);
    const overview = await Promise.all(
      agencies.map(async (a) => ({
        slug: a.slug,
        name: a.name,
        kinds: await Promise.all(
          contentKinds.map(async (k) => ({ name: k.name, count: (await k.listPublished(db, a.slug)).length })),
        ),
      })),
    );
    const waiting = approves.length ? await submittedOf(db, approves) : [];
    const { tr } = request;
    const title = tr.t("workspace.content.title");
    return reply.page({
      title,
      breadcrumbs: [{ label: tr.t("workspace.home.title"), path: "/workspace" }, { label: title }],
      body: (
        <ContentOverview
          agencies={overview}
          waiting={waiting.map((w) => ({
            agency: w.agency,
            kind: w.kind,
            slug: w.slug,
            title: titleOf(w.draft, request, w.slug),
          }))}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  route("GET", "/workspace/content/:agency/:kind", async (request, reply) => {
    const s = await scope(request);
    const [published, items] = await Promise.all([
      s.kind.listPublished(db, s.agency.slug),
      itemsOf(db, s.agency.slug, s.kind.name),
    ]);
    const bySlug = new Map(items.map((i) => [i.slug, i]));
    const listed: ListedItem[] = [
      ...items.map((i) => ({ slug: i.slug, title: titleOf(i.draft, request, i.slug), state: i.state, live: i.live })),
      ...published
        .filter((p) => !bySlug.has(p.slug))
        .map((p) => ({ slug: p.slug, title: p.title[request.locale], state: "unedited", live: true })),
    ];
    const title = request.tr.t(`workspace.kinds.${s.kind.name}.many`);
    return reply.page({
      title: `${title} — ${s.agencyName}`,
      breadcrumbs: [...crumbs(request, s).slice(0, 2), { label: title }],
      body: (
        <ItemList
          agency={{ slug: s.agency.slug, name: s.agencyName }}
          kind={s.kind.name}
          creatable={s.kind.creatable}
          items={listed}
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  });

  async function showNew(
    request: FastifyRequest,
    reply: FastifyReply,
    s: Awaited<ReturnType<typeof scope>>,
    values: { slug: string; data: ContentData; errors: FieldError[] },
  ) {
    const choices = await s.kind.choices(db, s.agency.slug);
    const title = request.tr.t(`workspace.kinds.${s.kind.name}.new`);
    const status = values.errors.length ? 400 : 200;
    return reply.page({
      status,
      title: status === 400 ? request.tr.t("errors.titlePrefix", { title }) : title,
      breadcrumbs: [...crumbs(request, s), { label: title }],
      body: (
        <NewItemPage
          kind={s.kind.name}
          agencyName={s.agencyName}
          action={localizePath(request.locale, `/workspace/content/${s.agency.slug}/${s.kind.name}/new`)}
          slug={values.slug}
          form={{ fields: s.kind.fields, data: withEveryField(s.kind.fields, values.data), choices, errors: values.errors }}
          multipart={s.kind.fields.some((f) => f.type === "file")}
          notice={
            values.errors.length
              ? { type: "problems", titleKey: "components.errorSummary.title", errors: values.errors }
              : undefined
          }
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  }

  route("GET", "/workspace/content/:agency/:kind/new", async (request, reply) => {
    const s = await scope(request);
    if (!s.kind.creatable) throw new NotFoundError();
    return showNew(request, reply, s, { slug: "", data: {}, errors: [] });
  });

  route("POST", "/workspace/content/:agency/:kind/new", async (request, reply) => {
    const s = await scope(request);
    if (!s.kind.creatable) throw new NotFoundError();
    const read = await readDraft(request, s.kind, s.agency.slug, undefined);
    const wanted = textOfForm(read.fields, "slug").toLowerCase();
    const errors = problemMessages(request.tr, read.problems);
    if (!slug.safeParse(wanted).success || wanted === "new") {
      errors.unshift(problemMessage(request.tr, { field: "slug", key: "workspace.errors.slugInvalid" }));
    } else if ((await findItem(db, s.kind.name, wanted)) || (await s.kind.slugTaken(db, wanted))) {
      errors.unshift(problemMessage(request.tr, { field: "slug", key: "workspace.errors.slugTaken" }));
    }
    if (errors.length) {
      await discard(read);
      return showNew(request, reply, s, { slug: wanted, data: read.data, errors });
    }
    try {
      await saveDraft(
        db,
        s.kind,
        { agency: s.agency.slug, slug: wanted, revision: 0, data: read.data, userId: request.viewer?.id ?? "" },
        auditedBy(request),
      );
    } catch (error) {
      await discard(read);
      if (!(error instanceof StaleDraftError)) throw error;
      // Someone created an item at this address at the same moment.
      const taken = [problemMessage(request.tr, { field: "slug", key: "workspace.errors.slugTaken" })];
      return showNew(request, reply, s, { slug: wanted, data: read.data, errors: taken });
    }
    return afterward(request, reply, `/workspace/content/${s.agency.slug}/${s.kind.name}/${wanted}`, "created");
  });

  route("GET", ITEM, async (request, reply) => {
    const s = await itemScope(request);
    const { done } = doneQuery.parse(request.query ?? {});
    const notice: Notice | undefined = done && doneSteps.includes(done) ? { type: "done", what: done } : undefined;
    return showItem(request, reply, s, notice ? { notice } : {});
  });

  route("POST", ITEM, async (request, reply) => {
    const s = await itemScope(request);
    const read = await readDraft(request, s.kind, s.agency.slug, s.item?.draft ?? s.data);
    const revision = Number(textOfForm(read.fields, "revision"));
    if (read.problems.length) {
      await discard(read);
      const errors = problemMessages(request.tr, read.problems);
      return showItem(request, reply, s, {
        status: 400,
        data: read.data,
        errors,
        notice: { type: "problems", titleKey: "components.errorSummary.title", errors },
      });
    }
    try {
      await saveDraft(
        db,
        s.kind,
        {
          agency: s.agency.slug,
          slug: s.slug,
          revision: Number.isInteger(revision) ? revision : -1,
          data: read.data,
          userId: request.viewer?.id ?? "",
        },
        auditedBy(request),
      );
    } catch (error) {
      await discard(read);
      if (!(error instanceof StaleDraftError)) throw error;
      // Nothing is lost: the person's text comes back, based now on the latest revision, to save again on purpose.
      return showItem(request, reply, s, { status: 409, data: read.data, item: error.current, notice: { type: "stale" } });
    }
    return afterward(request, reply, s.base, "saved");
  });

  route("GET", `${ITEM}/preview`, async (request, reply) => {
    const s = await itemScope(request);
    const shown = await s.kind.preview({ db, agency: s.agency.slug, slug: s.slug, locale: request.locale }, s.data);
    return reply.header("x-robots-tag", "noindex, nofollow").page({
      title: request.tr.t("workspace.preview.pageTitle", { title: shown.title }),
      body: (
        <>
          <PreviewBanner back={s.base} />
          {shown.body}
        </>
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  });

  route("GET", `${ITEM}/file`, async (request, reply) => {
    const s = await itemScope(request);
    const key = stringOf(s.data, "fileKey");
    const bytes = key ? await storage.get(key) : undefined;
    if (!bytes) throw new NotFoundError();
    const name = stringOf(s.data, "file") || "form.pdf";
    const type = stringOf(s.data, "contentType") || "application/pdf";
    return privately(reply).type(type).header("content-disposition", attachment(name, type)).send(bytes);
  });

  /** Runs a workflow step, showing the item again with what stopped it when it is refused. */
  async function step(
    request: FastifyRequest,
    reply: FastifyReply,
    s: ItemScope,
    done: string,
    work: (item: Item, revision: number) => Promise<Item>,
    actionValues: Record<string, string> = {},
  ) {
    const { fields } = readForm(request.body);
    const revision = Number(textOfForm(fields, "revision"));
    if (!s.item) throw new WrongStateError();
    try {
      const after = await work(s.item, revision);
      return afterward(request, reply, s.base, after.state === "scheduled" ? "scheduled" : done);
    } catch (error) {
      if (error instanceof StaleDraftError)
        return showItem(request, reply, s, { status: 409, item: error.current, notice: { type: "stale" } });
      if (error instanceof OwnDraftError) {
        const errors = [problemMessage(request.tr, { field: "publishDate", key: error.messageKey })];
        return showItem(request, reply, s, {
          status: 409,
          errors,
          notice: { type: "problems", titleKey: "workspace.errors.fourEyes", errors },
          actionValues,
        });
      }
      if (error instanceof IncompleteError) {
        const errors = problemMessages(request.tr, error.problems);
        return showItem(request, reply, s, {
          status: 409,
          errors,
          notice: { type: "problems", titleKey: "workspace.errors.incomplete", errors },
          actionValues,
        });
      }
      throw error;
    }
  }

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    s: ItemScope,
    field: string,
    key: string,
    values: Record<string, string>,
  ) => {
    const errors = [problemMessage(request.tr, { field, key })];
    return showItem(request, reply, s, {
      status: 400,
      notice: { type: "problems", titleKey: "components.errorSummary.title", errors },
      actionValues: values,
    });
  };

  route("POST", `${ITEM}/submit`, async (request, reply) => {
    const s = await itemScope(request);
    return step(request, reply, s, "submitted", (item, revision) =>
      submitDraft(db, s.kind, item.id, revision, auditedBy(request), notices),
    );
  });

  route("POST", `${ITEM}/return`, async (request, reply) => {
    const s = await itemScope(request, "approve");
    const comment = textOfForm(readForm(request.body).fields, "comment");
    if (!comment || comment.length > LONG_TEXT)
      return refuse(request, reply, s, "comment", "workspace.errors.commentRequired", { comment });
    return step(request, reply, s, "returned", (item, revision) =>
      returnDraft(db, item.id, revision, comment, auditedBy(request), notices),
    );
  });

  route("POST", `${ITEM}/publish`, async (request, reply) => {
    const s = await itemScope(request, "approve");
    const { fields } = readForm(request.body);
    const date = textOfForm(fields, "publishDate").replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    const time = textOfForm(fields, "publishTime").replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    const values = { publishDate: date, publishTime: time };
    let at: Date | undefined;
    const now = new Date();
    if (date || time) {
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^([01]\d|2[0-3]):[0-5]\d$/.test(time || "00:00");
      at = valid ? dohaMoment(date, time || "00:00") : undefined;
      if (!at || Number.isNaN(at.getTime()))
        return refuse(request, reply, s, "publishDate", "workspace.errors.scheduleInvalid", values);
      if (at.getTime() <= now.getTime()) return refuse(request, reply, s, "publishDate", "workspace.errors.schedulePast", values);
    }
    return step(
      request,
      reply,
      s,
      "published",
      (item, revision) =>
        publishDraft(
          db,
          s.kind,
          { id: item.id, revision, at, userId: request.viewer?.id ?? "", now },
          auditedBy(request),
          notices,
        ),
      values,
    );
  });

  // Unpublishing takes a live page away from the public: the item page's form comes here first, to ask again.
  route("POST", `${ITEM}/unpublish/confirm`, async (request, reply) => {
    const s = await itemScope(request, "approve");
    if (!s.kind.creatable) throw new NotFoundError();
    const fields = readForm(request.body).fields;
    const reason = textOfForm(fields, "reason");
    if (!reason || reason.length > LONG_TEXT)
      return refuse(request, reply, s, "reason", "workspace.errors.reasonRequired", { reason });
    const { tr, locale } = request;
    const itemHref = localizePath(locale, s.base);
    const title = tr.t("workspace.confirm.unpublishTitle");
    return reply.page({
      title,
      backLink: itemHref,
      body: (
        <ConfirmStep
          title={title}
          warning={tr.t("workspace.confirm.unpublishWarning")}
          rows={[
            { key: tr.t("workspace.confirm.page"), value: <Ltr>{s.kind.publicPath(s.slug, s.data)}</Ltr> },
            { key: tr.t("workspace.actions.reason"), value: reason },
          ]}
          action={localizePath(locale, `${s.base}/unpublish`)}
          fields={{ reason, revision: textOfForm(fields, "revision") }}
          confirmLabel={tr.t("workspace.confirm.unpublishButton")}
          cancelHref={itemHref}
          destructive
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  route("POST", `${ITEM}/unpublish`, async (request, reply) => {
    const s = await itemScope(request, "approve");
    if (!s.kind.creatable) throw new NotFoundError();
    const reason = textOfForm(readForm(request.body).fields, "reason");
    if (!reason || reason.length > LONG_TEXT)
      return refuse(request, reply, s, "reason", "workspace.errors.reasonRequired", { reason });
    const fresh = !s.item;
    if (!s.item) {
      // An item never edited here is made a workspace item first, so its unpublishing is recorded like any other.
      const made = await saveDraft(
        db,
        s.kind,
        { agency: s.agency.slug, slug: s.slug, revision: 0, data: s.data, userId: request.viewer?.id ?? "" },
        auditedBy(request),
      );
      s.item = made;
    }
    return step(request, reply, s, "unpublished", (item, revision) =>
      unpublishItem(db, s.kind, { id: item.id, revision: fresh ? item.revision : revision, reason }, auditedBy(request)),
    );
  });

  route("GET", `${ITEM}/versions`, async (request, reply) => {
    const s = await itemScope(request);
    const versions = s.item ? await versionsOf(db, s.item.id) : [];
    const q = versionsQuery.parse(request.query ?? {});
    const latest = versions[0]?.number;
    const from = q.from ?? latest ?? "draft";
    const to = q.to ?? "draft";
    const dataOf = async (v: number | "draft") =>
      v === "draft" ? s.data : s.item ? (await findVersion(db, s.item.id, v))?.data : undefined;
    const [a, b] = await Promise.all([dataOf(from), dataOf(to)]);
    if ((q.from !== undefined && !a) || (q.to !== undefined && !b)) throw new NotFoundError();
    const choices = await s.kind.choices(db, s.agency.slug);
    const { tr, locale } = request;
    // Choices read by their labels, in the page's language, as the editor picked them.
    const valueText = (spec: FieldSpec, value: string) => {
      const choice = choices[spec.name]?.find((c) => c.value === value);
      return choice ? ("labelKey" in choice ? tr.t(choice.labelKey) : choice.label[locale]) : value;
    };
    const changes = a && b ? diffContent(s.kind.fields, a, b, { locale, valueText }) : undefined;
    const title = titleOf(s.data, request, s.slug);
    return reply.page({
      title: `${request.tr.t("workspace.versions.title")} — ${title}`,
      breadcrumbs: [...crumbs(request, s), { label: title, path: s.base }, { label: request.tr.t("workspace.versions.title") }],
      body: (
        <VersionsPage
          title={title}
          base={s.base}
          revision={s.item?.revision ?? 0}
          versions={versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt, imported: v.publishedBy === null }))}
          from={String(from)}
          to={String(to)}
          changes={changes}
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  });

  route("POST", `${ITEM}/restore`, async (request, reply) => {
    const s = await itemScope(request);
    const number = Number(textOfForm(readForm(request.body).fields, "version"));
    if (!s.item || !Number.isInteger(number) || !(await findVersion(db, s.item.id, number))) throw new NotFoundError();
    return step(request, reply, s, "restored", (item, revision) =>
      restoreVersion(db, { id: item.id, revision, version: number, userId: request.viewer?.id ?? "" }, auditedBy(request)),
    );
  });
}

export { type RouteAccess, type WorkspaceRoute, type WorkspaceRouteOptions, workspaceRouteTable } from "./route-table.js";
