import type { ComponentChildren } from "preact";
import type { Definition } from "../../forms/engine/definition.js";
import { Reference } from "../../platform/design/Bidi.js";
import { Button } from "../../platform/design/Button.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Radios, Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Pagination } from "../../platform/design/Pagination.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import { casePath } from "../paths.js";
import {
  type Case,
  type CaseStatus,
  type HistoryStep,
  openStatuses,
  type QueueItem,
  queueStatuses,
} from "../repository/cases.js";
import { AnswersSummary, CaseDocuments, History, StatusTag } from "./CaseParts.js";

export interface QueueState {
  eservice: string;
  status: string;
  from: string;
  to: string;
  due: string;
  assigned: string;
  find: string;
  page: number;
}

/** The queue's address with its filters (and another page or status). */
export function queueHref(base: string, s: QueueState, changes: Partial<QueueState> = {}): string {
  const next = { ...s, ...changes };
  const q = new URLSearchParams();
  for (const key of ["find", "eservice", "status", "from", "to", "due", "assigned"] as const)
    if (next[key]) q.set(key, next[key]);
  if (next.page > 1) q.set("page", String(next.page));
  const query = q.toString();
  return query ? `${base}?${query}` : base;
}

export interface QueuePageProps {
  state: QueueState;
  errors: FieldError[];
  services: { slug: string; title: string }[];
  counts: { byStatus: Record<CaseStatus, number>; overdue: number };
  total: number;
  pageCount: number;
  items: QueueItem[];
  titles: Map<string, string>;
  now: Date;
}

export function isOverdue(c: Pick<Case, "status" | "dueAt">, now: Date): boolean {
  return (openStatuses as string[]).includes(c.status) && c.dueAt < now;
}

/** The officers' queue: counts per status, filters, and the cases by due date. */
export function QueuePage(p: QueuePageProps) {
  const { t, href, locale, number } = usePage();
  const base = href("/workspace/cases");
  const error = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <div>
      <ErrorSummary errors={p.errors} />
      <h1 class="heading-xl">{t("eservices.workspace.title")}</h1>
      <ul class="figures" aria-label={t("eservices.workspace.countsLabel")}>
        {queueStatuses.map((s) => (
          <li class="figure" key={s}>
            <a class="figure__link" href={queueHref(base, { ...p.state, page: 1 }, { status: s })}>
              <span class="figure__value">{number(p.counts.byStatus[s])}</span>
              <span class="figure__label">{t(`eservices.status.${s}`)}</span>
            </a>
          </li>
        ))}
        <li class="figure figure--alert">
          <a class="figure__link" href={queueHref(base, { ...p.state, page: 1 }, { due: "overdue", status: "" })}>
            <span class="figure__value">{number(p.counts.overdue)}</span>
            <span class="figure__label">{t("eservices.workspace.overdue")}</span>
          </a>
        </li>
      </ul>
      <form class="filters filters--inline" method="get" action={base} aria-labelledby="queue-filters">
        <h2 class="heading-s" id="queue-filters">
          {t("eservices.workspace.filters")}
        </h2>
        <TextInput
          name="find"
          label={t("eservices.workspace.find")}
          hint={t("eservices.workspace.findHint")}
          value={p.state.find}
          error={error("find")}
          dir="ltr"
          autocomplete="off"
          spellcheck={false}
        />
        <Select
          name="eservice"
          label={t("eservices.workspace.service")}
          value={p.state.eservice}
          items={[
            { value: "", label: t("eservices.workspace.allServices") },
            ...p.services.map((s) => ({ value: s.slug, label: s.title })),
          ]}
        />
        <Select
          name="status"
          label={t("eservices.workspace.status")}
          value={p.state.status}
          items={[
            { value: "", label: t("eservices.workspace.allStatuses") },
            ...queueStatuses.map((s) => ({ value: s, label: t(`eservices.status.${s}`) })),
          ]}
        />
        <TextInput
          name="from"
          type="date"
          label={t("eservices.workspace.from")}
          value={p.state.from}
          error={error("from")}
          dir="ltr"
        />
        <TextInput name="to" type="date" label={t("eservices.workspace.to")} value={p.state.to} error={error("to")} dir="ltr" />
        <Select
          name="due"
          label={t("eservices.workspace.due")}
          value={p.state.due}
          items={[
            { value: "", label: t("eservices.workspace.dueAny") },
            { value: "overdue", label: t("eservices.workspace.dueOverdue") },
            { value: "week", label: t("eservices.workspace.dueWeek") },
          ]}
        />
        <Select
          name="assigned"
          label={t("eservices.workspace.assigned")}
          value={p.state.assigned}
          items={[
            { value: "", label: t("eservices.workspace.assignedAnyone") },
            { value: "me", label: t("eservices.workspace.assignedMe") },
            { value: "unassigned", label: t("eservices.workspace.assignedNobody") },
          ]}
        />
        <Button variant="secondary">{t("eservices.workspace.apply")}</Button>
      </form>
      <p role="status">{t("eservices.workspace.count", { count: p.total, shown: number(p.total) })}</p>
      {p.items.length ? (
        <Table
          caption={t("eservices.workspace.caption")}
          columns={[
            { label: t("eservices.requests.reference") },
            { label: t("eservices.workspace.service") },
            { label: t("eservices.workspace.applicant") },
            { label: t("eservices.requests.submitted") },
            { label: t("eservices.workspace.dueColumn") },
            { label: t("eservices.workspace.status") },
            { label: t("eservices.workspace.assignedColumn") },
          ]}
          rows={p.items.map((item) => [
            <Reference href={href(casePath(item.case.reference))} key="ref">
              {item.case.reference}
            </Reference>,
            p.titles.get(item.case.eservice) ?? item.case.eservice,
            locale === "en" ? item.applicantEn : item.applicantAr,
            <DateDisplay date={item.case.submittedAt} key="submitted" />,
            <span key="due">
              <DateDisplay date={item.case.dueAt} />{" "}
              {isOverdue(item.case, p.now) ? <Tag colour="red">{t("eservices.workspace.overdueTag")}</Tag> : null}
            </span>,
            <StatusTag status={item.case.status} key="status" />,
            (locale === "en" ? item.assigneeEn : item.assigneeAr) ?? t("eservices.workspace.nobody"),
          ])}
        />
      ) : (
        <p class="empty-state">{t("eservices.workspace.empty")}</p>
      )}
      <Pagination page={p.state.page} pageCount={p.pageCount} hrefFor={(page) => queueHref(base, p.state, { page })} />
    </div>
  );
}

export interface CasePageProps {
  def: Definition;
  kase: Case;
  applicant: { name: string; qid: string | null; phone: string; email: string };
  assignee?: string | undefined;
  officers: { id: string; name: string }[];
  viewerId: string;
  history: HistoryStep[];
  fileHref: (id: string) => string;
  errors: FieldError[];
  values: Record<string, string>;
  notice?: string | undefined;
  now: Date;
  /** The case's payments and refunds (from the payments area). */
  payments?: ComponentChildren;
}

/**
 * A case as the officer works on it, in the order it is read: who and what,
 * the documents sent, the applicant's answers, the history, and only then the
 * actions (assign, ask, decide) and the payments with their refunds.
 */
export function CasePage(p: CasePageProps) {
  const { t, href, locale, csrfToken, date } = usePage();
  const ref = p.kase.reference;
  const open = (openStatuses as string[]).includes(p.kase.status);
  const action = (name: string) => href(`${casePath(ref)}/${name}`);
  const error = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <div>
      <ErrorSummary errors={p.errors} />
      {p.notice ? (
        <NotificationBanner variant="success">
          <p>{p.notice}</p>
        </NotificationBanner>
      ) : null}
      <p class="caption">{p.def.title[locale]}</p>
      <h1 class="heading-xl">{t("eservices.workspace.caseTitle", { reference: ref })}</h1>
      <SummaryList
        rows={[
          { key: t("eservices.workspace.status"), value: <StatusTag status={p.kase.status} /> },
          { key: t("eservices.workspace.applicant"), value: p.applicant.name },
          ...(p.applicant.qid ? [{ key: t("eservices.workspace.qid"), value: <span dir="ltr">{p.applicant.qid}</span> }] : []),
          { key: t("eservices.workspace.phone"), value: <span dir="ltr">{p.applicant.phone}</span> },
          { key: t("eservices.workspace.email"), value: <span dir="ltr">{p.applicant.email}</span> },
          { key: t("eservices.requests.submitted"), value: date(p.kase.submittedAt) },
          {
            key: t("eservices.workspace.dueColumn"),
            value: (
              <span>
                {date(p.kase.dueAt)}{" "}
                {isOverdue(p.kase, p.now) ? <Tag colour="red">{t("eservices.workspace.overdueTag")}</Tag> : null}
              </span>
            ),
          },
          { key: t("eservices.workspace.assignedColumn"), value: p.assignee ?? t("eservices.workspace.nobody") },
          { key: t("eservices.workspace.version"), value: String(p.kase.version) },
        ]}
      />
      <h2 class="heading-l">{t("eservices.workspace.documentsTitle")}</h2>
      <CaseDocuments def={p.def} answers={p.kase.answers} fileHref={p.fileHref} />
      <h2 class="heading-l">{t("eservices.workspace.answersTitle")}</h2>
      <AnswersSummary def={p.def} answers={p.kase.answers} fileHref={p.fileHref} sources={p.kase.sources} withoutFiles />
      <h2 class="heading-l">{t("eservices.request.history")}</h2>
      <History steps={p.history} forApplicant={false} fileHref={p.fileHref} />
      {open ? (
        <div class="case-actions">
          <section aria-labelledby="assign-title">
            <h2 class="heading-m" id="assign-title">
              {t("eservices.workspace.assignTitle")}
            </h2>
            <form method="post" action={action("assign")}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <Select
                name="assignee"
                label={t("eservices.workspace.assignTo")}
                value={p.kase.assignedTo ?? p.viewerId}
                error={error("assignee")}
                items={p.officers.map((o) => ({
                  value: o.id,
                  label: o.id === p.viewerId ? t("eservices.workspace.me", { name: o.name }) : o.name,
                }))}
              />
              <Button variant="secondary">{t("eservices.workspace.assign")}</Button>
            </form>
          </section>
          {p.kase.status !== "info-requested" ? (
            <section aria-labelledby="info-title">
              <h2 class="heading-m" id="info-title">
                {t("eservices.workspace.infoTitle")}
              </h2>
              <form method="post" action={action("request-info")} novalidate>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <Textarea
                  name="question"
                  label={t("eservices.workspace.question")}
                  hint={t("eservices.workspace.questionHint")}
                  value={p.values.question}
                  error={error("question")}
                  maxLength={2000}
                  rows={4}
                />
                <Button variant="secondary">{t("eservices.workspace.sendQuestion")}</Button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="decide-title">
            <h2 class="heading-m" id="decide-title">
              {t("eservices.workspace.decideTitle")}
            </h2>
            <form method="post" action={action("decide/confirm")} novalidate>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <Radios
                name="decision"
                legend={t("eservices.workspace.decision")}
                value={p.values.decision}
                error={error("decision")}
                items={[
                  { value: "approve", label: t("eservices.workspace.approve") },
                  { value: "reject", label: t("eservices.workspace.reject") },
                ]}
              />
              <Textarea
                name="reason"
                label={t("eservices.workspace.reason")}
                hint={t("eservices.workspace.reasonHint")}
                value={p.values.reason}
                error={error("reason")}
                maxLength={2000}
                rows={4}
              />
              <Button>{t("eservices.workspace.record")}</Button>
            </form>
          </section>
        </div>
      ) : null}
      {p.payments}
      <p>
        <a href={href("/workspace/cases")}>{t("eservices.workspace.back")}</a>
      </p>
    </div>
  );
}
