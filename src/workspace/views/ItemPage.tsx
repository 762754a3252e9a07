import { Button, ButtonGroup } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Textarea, TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { formatDateTime } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import { ContentFields, type FormProps } from "./ContentForm.js";
import { StateTag } from "./HomePages.js";

/** Where an item stands, as its page shows it. */
export interface ItemStatus {
  state: string;
  live: boolean;
  revision: number;
  reviewComment?: string | null | undefined;
  unpublishReason?: string | null | undefined;
  publishAt?: Date | null | undefined;
  versions: number;
}

/** A message at the top of the page: what was just done, or why the save was refused. */
export type Notice =
  | { type: "done"; what: string }
  | { type: "stale" }
  | { type: "problems"; titleKey: string; errors: FieldError[] };

export interface ItemPageProps {
  kind: string;
  agencyName: string;
  title: string;
  /** The item's address in the workspace (language-neutral). */
  base: string;
  publicHref?: string | undefined;
  status: ItemStatus;
  form: FormProps;
  multipart: boolean;
  notice?: Notice | undefined;
  approver: boolean;
  unpublishable: boolean;
  /** The values the approver's forms were last sent with, when one was refused. */
  actionValues?: Record<string, string>;
}

function NoticeBanner({ notice }: { notice: Notice | undefined }) {
  const { t } = usePage();
  if (!notice) return null;
  if (notice.type === "done") {
    return (
      <NotificationBanner variant="success">
        <p>{t(`workspace.done.${notice.what}`)}</p>
      </NotificationBanner>
    );
  }
  if (notice.type === "stale") {
    return (
      <NotificationBanner variant="warning" title={t("workspace.errors.stale")}>
        <p>{t("workspace.errors.staleDetail")}</p>
      </NotificationBanner>
    );
  }
  return <ErrorSummary title={t(notice.titleKey)} errors={notice.errors} />;
}

function Status({ status }: { status: ItemStatus }) {
  const { t, locale } = usePage();
  return (
    <SummaryList
      rows={[
        { key: t("workspace.item.state"), value: <StateTag state={status.state} /> },
        { key: t("workspace.item.public"), value: status.live ? t("workspace.live.yes") : t("workspace.live.no") },
        ...(status.publishAt && status.state === "scheduled"
          ? [
              {
                key: t("workspace.item.scheduledFor"),
                value: <time dateTime={status.publishAt.toISOString()}>{formatDateTime(status.publishAt, locale)}</time>,
              },
            ]
          : []),
        ...(status.reviewComment
          ? [{ key: t("workspace.item.comment"), value: <p class="workspace-comment">{status.reviewComment}</p> }]
          : []),
        ...(status.unpublishReason && !status.live
          ? [{ key: t("workspace.item.unpublishReason"), value: <p class="workspace-comment">{status.unpublishReason}</p> }]
          : []),
      ]}
    />
  );
}

/** A small form that posts one workflow step with the revision the person saw. */
function StepForm({ action, revision, children }: { action: string; revision: number; children: preact.ComponentChildren }) {
  const { csrfToken } = usePage();
  return (
    <form method="post" action={action} novalidate class="workspace-step">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="revision" value={String(revision)} />
      {children}
    </form>
  );
}

/** An item of an agency's content: its status, its draft in both languages, and the workflow's next steps. */
export function ItemPage(p: ItemPageProps) {
  const { t, href, csrfToken } = usePage();
  const { status } = p;
  const av = p.actionValues ?? {};
  const errorOf = (field: string) =>
    p.notice?.type === "problems" ? p.notice.errors.find((e) => e.field === field)?.message : undefined;
  const canSubmit = status.state === "draft" || status.state === "returned";
  return (
    <div class="workspace-item">
      <NoticeBanner notice={p.notice} />
      <p class="caption">
        {p.agencyName} · {t(`workspace.kinds.${p.kind}.one`)}
      </p>
      <h1 class="heading-xl">{p.title}</h1>
      <Status status={status} />
      <ul class="list workspace-links">
        <li>
          <a href={href(`${p.base}/preview`)}>{t("workspace.item.preview")}</a>
        </li>
        <li>
          <a href={href(`${p.base}/versions`)}>
            {/* Live as loaded from the content files, before any version was kept here: no count of nought. */}
            {status.live && status.versions === 0
              ? t("workspace.item.versionsAsLoaded")
              : t("workspace.item.versions", { count: status.versions })}
          </a>
        </li>
        {p.publicHref && status.live ? (
          <li>
            <a href={p.publicHref}>{t("workspace.item.viewPublic")}</a>
          </li>
        ) : null}
      </ul>

      <h2 class="heading-l">{t("workspace.item.edit")}</h2>
      <form method="post" action={href(p.base)} novalidate {...(p.multipart ? { enctype: "multipart/form-data" } : {})}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="revision" value={String(status.revision)} />
        <ContentFields {...p.form} />
        <ButtonGroup>
          <Button>{t("workspace.form.save")}</Button>
        </ButtonGroup>
      </form>

      <h2 class="heading-l">{t("workspace.actions.heading")}</h2>
      {canSubmit ? (
        <StepForm action={href(`${p.base}/submit`)} revision={status.revision}>
          <p>{t("workspace.actions.submitHint")}</p>
          <Button variant="secondary">{t("workspace.actions.submit")}</Button>
        </StepForm>
      ) : null}
      {status.state === "submitted" && !p.approver ? <p>{t("workspace.actions.waitingForApprover")}</p> : null}
      {status.state === "submitted" && p.approver ? (
        <>
          <StepForm action={href(`${p.base}/publish`)} revision={status.revision}>
            <h3 class="heading-m">{t("workspace.actions.publishHeading")}</h3>
            <p>{t("workspace.actions.publishHint")}</p>
            <div class="two-columns">
              <TextInput
                name="publishDate"
                label={t("workspace.actions.publishDate")}
                hint={t("workspace.form.hints.date")}
                dir="ltr"
                value={av.publishDate}
                error={errorOf("publishDate")}
              />
              <TextInput
                name="publishTime"
                label={t("workspace.actions.publishTime")}
                hint={t("workspace.actions.publishTimeHint")}
                dir="ltr"
                width="4"
                value={av.publishTime}
                error={errorOf("publishTime")}
              />
            </div>
            <Button>{t("workspace.actions.publish")}</Button>
          </StepForm>
          <StepForm action={href(`${p.base}/return`)} revision={status.revision}>
            <h3 class="heading-m">{t("workspace.actions.returnHeading")}</h3>
            <Textarea
              name="comment"
              label={t("workspace.actions.comment")}
              rows={4}
              value={av.comment}
              error={errorOf("comment")}
            />
            <Button variant="secondary">{t("workspace.actions.return")}</Button>
          </StepForm>
        </>
      ) : null}
      {p.approver && p.unpublishable && status.live ? (
        <StepForm action={href(`${p.base}/unpublish/confirm`)} revision={status.revision}>
          <h3 class="heading-m">{t("workspace.actions.unpublishHeading")}</h3>
          <Textarea
            name="reason"
            label={t("workspace.actions.reason")}
            hint={t("workspace.actions.reasonHint")}
            rows={3}
            value={av.reason}
            error={errorOf("reason")}
          />
          <Button variant="warning">{t("workspace.actions.unpublish")}</Button>
        </StepForm>
      ) : null}
    </div>
  );
}

/** A new item: its address (slug), then its fields. */
export function NewItemPage({
  kind,
  agencyName,
  action,
  slug,
  form,
  multipart,
  notice,
}: {
  kind: string;
  agencyName: string;
  action: string;
  slug: string;
  form: FormProps;
  multipart: boolean;
  notice?: Notice | undefined;
}) {
  const { t, csrfToken } = usePage();
  return (
    <div class="workspace-item">
      <NoticeBanner notice={notice} />
      <p class="caption">{agencyName}</p>
      <h1 class="heading-xl">{t(`workspace.kinds.${kind}.new`)}</h1>
      <form method="post" action={action} novalidate {...(multipart ? { enctype: "multipart/form-data" } : {})}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <TextInput
          name="slug"
          label={t("workspace.fields.slug")}
          hint={t("workspace.form.hints.slug")}
          dir="ltr"
          spellcheck={false}
          value={slug}
          error={form.errors.find((e) => e.field === "slug")?.message}
        />
        <ContentFields {...form} />
        <ButtonGroup>
          <Button>{t("workspace.form.save")}</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
