import type { FastifyReply, FastifyRequest } from "fastify";
import { problemMessage, problemMessages } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { readForm } from "../../platform/http/multipart.js";
import { localizePath } from "../../platform/i18n/locales.js";
import { canApprove } from "../access.js";
import { withEveryField } from "../fields.js";
import type { ContentData } from "../model.js";
import { type Item, versionsOf } from "../repository.js";
import { textOfForm } from "../route-table.js";
import { crumbs, type ItemScope, titleOf } from "../scope.js";
import { ItemPage, type Notice } from "../views/ItemPage.js";
import { IncompleteError, OwnDraftError, StaleDraftError, WrongStateError } from "../workflow.js";

/**
 * What the workspace's item handlers share: the item page (shown again with
 * what stopped a save or a step), the redirect after a change, and running a
 * workflow step.
 */

/** The item page: its status, its form, and a notice of what was done or what stopped it. */
export async function showItem(
  db: Db,
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

/** After a change: back to the page, saying what was done (post, redirect, get). */
export const afterward = (request: FastifyRequest, reply: FastifyReply, base: string, done: string) =>
  reply.redirect(`${localizePath(request.locale, base)}?done=${done}`, 303);

/** Runs a workflow step, showing the item again with what stopped it when it is refused. */
export async function step(
  db: Db,
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
      return showItem(db, request, reply, s, { status: 409, item: error.current, notice: { type: "stale" } });
    if (error instanceof OwnDraftError) {
      const errors = [problemMessage(request.tr, { field: "publishDate", key: error.messageKey })];
      return showItem(db, request, reply, s, {
        status: 409,
        errors,
        notice: { type: "problems", titleKey: "workspace.errors.fourEyes", errors },
        actionValues,
      });
    }
    if (error instanceof IncompleteError) {
      const errors = problemMessages(request.tr, error.problems);
      return showItem(db, request, reply, s, {
        status: 409,
        errors,
        notice: { type: "problems", titleKey: "workspace.errors.incomplete", errors },
        actionValues,
      });
    }
    throw error;
  }
}

/** A step's own field refused: the item page again, with the message and what was typed. */
export const refuse = (
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  s: ItemScope,
  field: string,
  key: string,
  values: Record<string, string>,
) => {
  const errors = [problemMessage(request.tr, { field, key })];
  return showItem(db, request, reply, s, {
    status: 400,
    notice: { type: "problems", titleKey: "components.errorSummary.title", errors },
    actionValues: values,
  });
};
