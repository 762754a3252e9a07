import type { FastifyReply, FastifyRequest } from "fastify";
import { auditedBy } from "../../audit/log.js";
import { problemMessage, problemMessages } from "../../forms/problems.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { attachment } from "../../platform/http/download-name.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { privately } from "../../platform/http/page-cache.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { stringOf, withEveryField } from "../fields.js";
import type { ContentData } from "../model.js";
import { findItem } from "../repository.js";
import { doneQuery, doneSteps, ITEM, slug, textOfForm, type WorkspaceHandlers } from "../route-table.js";
import { crumbs, itemScopeOf, scopeOf } from "../scope.js";
import { NewItemPage, type Notice } from "../views/ItemPage.js";
import { PreviewBanner } from "../views/PreviewBanner.js";
import { StaleDraftError, saveDraft } from "../workflow.js";
import { discard, readDraft } from "./draft-form.js";
import { afterward, showItem } from "./item-page.js";

/** Making an item, seeing and saving its draft, previewing it, and opening its file. */
export function editRoutes({ db, storage, route }: WorkspaceHandlers) {
  async function showNew(
    request: FastifyRequest,
    reply: FastifyReply,
    s: Awaited<ReturnType<typeof scopeOf>>,
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
    const s = await scopeOf(db, request);
    if (!s.kind.creatable) throw new NotFoundError();
    return showNew(request, reply, s, { slug: "", data: {}, errors: [] });
  });

  route("POST", "/workspace/content/:agency/:kind/new", async (request, reply) => {
    const s = await scopeOf(db, request);
    if (!s.kind.creatable) throw new NotFoundError();
    const read = await readDraft(db, storage, request, s.kind, s.agency.slug, undefined);
    const wanted = textOfForm(read.fields, "slug").toLowerCase();
    const errors = problemMessages(request.tr, read.problems);
    if (!slug.safeParse(wanted).success || wanted === "new") {
      errors.unshift(problemMessage(request.tr, { field: "slug", key: "workspace.errors.slugInvalid" }));
    } else if ((await findItem(db, s.kind.name, wanted)) || (await s.kind.slugTaken(db, wanted))) {
      errors.unshift(problemMessage(request.tr, { field: "slug", key: "workspace.errors.slugTaken" }));
    }
    if (errors.length) {
      await discard(storage, read);
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
      await discard(storage, read);
      if (!(error instanceof StaleDraftError)) throw error;
      // Someone created an item at this address at the same moment.
      const taken = [problemMessage(request.tr, { field: "slug", key: "workspace.errors.slugTaken" })];
      return showNew(request, reply, s, { slug: wanted, data: read.data, errors: taken });
    }
    return afterward(request, reply, `/workspace/content/${s.agency.slug}/${s.kind.name}/${wanted}`, "created");
  });

  route("GET", ITEM, async (request, reply) => {
    const s = await itemScopeOf(db, request);
    const { done } = doneQuery.parse(request.query ?? {});
    const notice: Notice | undefined = done && doneSteps.includes(done) ? { type: "done", what: done } : undefined;
    return showItem(db, request, reply, s, notice ? { notice } : {});
  });

  route("POST", ITEM, async (request, reply) => {
    const s = await itemScopeOf(db, request);
    const read = await readDraft(db, storage, request, s.kind, s.agency.slug, s.item?.draft ?? s.data);
    const revision = Number(textOfForm(read.fields, "revision"));
    if (read.problems.length) {
      await discard(storage, read);
      const errors = problemMessages(request.tr, read.problems);
      return showItem(db, request, reply, s, {
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
      await discard(storage, read);
      if (!(error instanceof StaleDraftError)) throw error;
      // Nothing is lost: the person's text comes back, based now on the latest revision, to save again on purpose.
      return showItem(db, request, reply, s, { status: 409, data: read.data, item: error.current, notice: { type: "stale" } });
    }
    return afterward(request, reply, s.base, "saved");
  });

  route("GET", `${ITEM}/preview`, async (request, reply) => {
    const s = await itemScopeOf(db, request);
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
    const s = await itemScopeOf(db, request);
    const key = stringOf(s.data, "fileKey");
    const bytes = key ? await storage.get(key) : undefined;
    if (!bytes) throw new NotFoundError();
    const name = stringOf(s.data, "file") || "form.pdf";
    const type = stringOf(s.data, "contentType") || "application/pdf";
    return privately(reply).type(type).header("content-disposition", attachment(name, type)).send(bytes);
  });
}
