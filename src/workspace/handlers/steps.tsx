import { auditedBy } from "../../audit/log.js";
import { Ltr } from "../../platform/design/Bidi.js";
import { ConfirmStep } from "../../platform/design/ConfirmStep.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { readForm } from "../../platform/http/multipart.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { dohaMoment } from "../../platform/time/doha.js";
import { ITEM, LONG_TEXT, textOfForm, type WorkspaceHandlers } from "../route-table.js";
import { itemScopeOf } from "../scope.js";
import { publishDraft, returnDraft, saveDraft, submitDraft, unpublishItem } from "../workflow.js";
import { refuse, step } from "./item-page.js";

/** The review and publishing steps: submit, return, publish (now or scheduled), unpublish (asked again first). */
export function stepRoutes({ db, notices, route }: WorkspaceHandlers) {
  route("POST", `${ITEM}/submit`, async (request, reply) => {
    const s = await itemScopeOf(db, request);
    return step(db, request, reply, s, "submitted", (item, revision) =>
      submitDraft(db, s.kind, item.id, revision, auditedBy(request), notices),
    );
  });

  route("POST", `${ITEM}/return`, async (request, reply) => {
    const s = await itemScopeOf(db, request, "approve");
    const comment = textOfForm(readForm(request.body).fields, "comment");
    if (!comment || comment.length > LONG_TEXT)
      return refuse(db, request, reply, s, "comment", "workspace.errors.commentRequired", { comment });
    return step(db, request, reply, s, "returned", (item, revision) =>
      returnDraft(db, item.id, revision, comment, auditedBy(request), notices),
    );
  });

  route("POST", `${ITEM}/publish`, async (request, reply) => {
    const s = await itemScopeOf(db, request, "approve");
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
        return refuse(db, request, reply, s, "publishDate", "workspace.errors.scheduleInvalid", values);
      if (at.getTime() <= now.getTime())
        return refuse(db, request, reply, s, "publishDate", "workspace.errors.schedulePast", values);
    }
    return step(
      db,
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
    const s = await itemScopeOf(db, request, "approve");
    if (!s.kind.creatable) throw new NotFoundError();
    const fields = readForm(request.body).fields;
    const reason = textOfForm(fields, "reason");
    if (!reason || reason.length > LONG_TEXT)
      return refuse(db, request, reply, s, "reason", "workspace.errors.reasonRequired", { reason });
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
    const s = await itemScopeOf(db, request, "approve");
    if (!s.kind.creatable) throw new NotFoundError();
    const reason = textOfForm(readForm(request.body).fields, "reason");
    if (!reason || reason.length > LONG_TEXT)
      return refuse(db, request, reply, s, "reason", "workspace.errors.reasonRequired", { reason });
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
    return step(db, request, reply, s, "unpublished", (item, revision) =>
      unpublishItem(db, s.kind, { id: item.id, revision: fresh ? item.revision : revision, reason }, auditedBy(request)),
    );
  });
}
