import type { ComponentChildren } from "preact";
import type { Definition } from "../../forms/engine/definition.js";
import { Reference } from "../../platform/design/Bidi.js";
import { Button } from "../../platform/design/Button.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { FileUpload } from "../../platform/design/FileUpload.js";
import { Textarea } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Panel } from "../../platform/design/Panel.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { usePage } from "../../platform/layout/page-context.js";
import { requestPath } from "../paths.js";
import type { Case, HistoryStep } from "../repository/cases.js";
import { AnswersSummary, History, StatusTag } from "./CaseParts.js";

export interface RequestListItem {
  reference: string;
  title: string;
  status: string;
  submittedAt: Date;
}

/** The person's requests as a table (My Hukoomi and "My requests"). */
export function RequestTable({ items }: { items: RequestListItem[] }) {
  const { t, href } = usePage();
  return (
    <Table
      caption={t("eservices.requests.caption")}
      columns={[
        { label: t("eservices.requests.reference") },
        { label: t("eservices.requests.service") },
        { label: t("eservices.requests.submitted") },
        { label: t("eservices.requests.status") },
      ]}
      rows={items.map((r) => [
        <Reference href={href(requestPath(r.reference))} key="ref">
          {r.reference}
        </Reference>,
        r.title,
        r.status === "payment-due" ? t("eservices.requests.notSent") : <DateDisplay date={r.submittedAt} key="date" />,
        <StatusTag status={r.status} key="status" />,
      ])}
    />
  );
}

export function MyRequestsPage({ items }: { items: RequestListItem[] }) {
  const { t } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("eservices.requests.title")}</h1>
      {items.length ? <RequestTable items={items} /> : <p class="empty-state">{t("accounts.my.sections.requests.empty")}</p>}
    </div>
  );
}

export interface RequestPageProps {
  def: Definition;
  kase: Case;
  agencyName: string;
  history: HistoryStep[];
  /** What the agency asked, when it is waiting for the applicant. */
  question?: string | undefined;
  justSubmitted: boolean;
  /** The applicant has just sent the answer the agency asked for. */
  answered: boolean;
  email: string;
  fileHref: (id: string) => string;
  errors: FieldError[];
  answer?: string | undefined;
  /** The fee to pay, and the payments made (from the payments area). */
  payment?: ComponentChildren;
  /** Where to book the visit the request needs (from the appointments area). */
  visitHref?: string | undefined;
}

/** A request as its applicant follows it: status, what happens next, the agency's questions, history, answers. */
export function RequestPage(p: RequestPageProps) {
  const { t, locale, href, csrfToken, date, hijri } = usePage();
  const ref = p.kase.reference;
  // Not sent until the fee is paid: paying comes first, and nothing says the agency has it or when it will answer.
  const unpaid = p.kase.status === "payment-due";
  return (
    <div class="narrow-wide">
      <ErrorSummary errors={p.errors} />
      {p.answered ? (
        <NotificationBanner variant="success">
          <p>{t("eservices.request.answered")}</p>
        </NotificationBanner>
      ) : null}
      {unpaid ? (
        <>
          <p class="caption">{p.def.title[locale]}</p>
          <h1 class="heading-xl">{t("eservices.request.payTitle")}</h1>
          <p>{t("eservices.request.explain.payment-due")}</p>
          {p.payment}
        </>
      ) : p.justSubmitted ? (
        <Panel title={t("eservices.confirmation.title")}>
          <p>{t("eservices.confirmation.reference")}</p>
          <p class="panel__reference" dir="ltr">
            {ref}
          </p>
        </Panel>
      ) : (
        <>
          <p class="caption">{p.def.title[locale]}</p>
          <h1 class="heading-xl">{t("eservices.request.title", { reference: ref })}</h1>
        </>
      )}
      {p.justSubmitted && !unpaid ? (
        <>
          <p>{t("eservices.confirmation.email", { email: p.email })}</p>
          <h2 class="heading-m">{t("eservices.confirmation.next")}</h2>
          <p>{p.def.nextSteps[locale]}</p>
        </>
      ) : null}
      <SummaryList
        rows={[
          ...(unpaid ? [{ key: t("eservices.confirmation.reference"), value: <span dir="ltr">{ref}</span> }] : []),
          { key: t("eservices.request.service"), value: p.def.title[locale] },
          { key: t("eservices.request.agency"), value: p.agencyName },
          { key: t("eservices.request.status"), value: <StatusTag status={p.kase.status} /> },
          {
            key: t(unpaid ? "eservices.request.saved" : "eservices.request.submitted"),
            value: `${date(p.kase.submittedAt)} (${hijri(p.kase.submittedAt)})`,
          },
          ...(p.kase.decidedAt || unpaid ? [] : [{ key: t("eservices.request.due"), value: date(p.kase.dueAt) }]),
        ]}
      />
      {unpaid ? null : (
        <>
          <p>{t(`eservices.request.explain.${p.kase.status}`)}</p>
          {p.payment}
        </>
      )}
      {p.visitHref && !unpaid && !p.kase.decidedAt ? (
        <section aria-labelledby="visit-title">
          <h2 class="heading-m" id="visit-title">
            {t("booking.eserviceStep.title")}
          </h2>
          <p>{t("booking.eserviceStep.text")}</p>
          <p>
            <a class="button" href={href(p.visitHref)}>
              {t("booking.eserviceStep.link")}
            </a>
          </p>
        </section>
      ) : null}
      {p.kase.status === "info-requested" ? (
        <section aria-labelledby="respond-title">
          <NotificationBanner variant="warning" title={t("eservices.request.infoTitle")}>
            <p>{p.question ?? ""}</p>
          </NotificationBanner>
          <h2 class="heading-m" id="respond-title">
            {t("eservices.request.respondTitle")}
          </h2>
          <form method="post" action={href(`${requestPath(ref)}/respond`)} enctype="multipart/form-data" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <Textarea
              name="answer"
              label={t("eservices.request.answerLabel")}
              value={p.answer}
              maxLength={5000}
              error={p.errors.find((e) => e.field === "answer")?.message}
            />
            <FileUpload
              name="files"
              label={t("eservices.request.filesLabel")}
              hint={t("eservices.request.filesHint")}
              accept="application/pdf,image/jpeg,image/png"
              multiple
              error={p.errors.find((e) => e.field === "files")?.message}
            />
            <Button>{t("eservices.request.send")}</Button>
          </form>
        </section>
      ) : null}
      <h2 class="heading-m">{t("eservices.request.history")}</h2>
      <History steps={p.history} forApplicant fileHref={p.fileHref} />
      <h2 class="heading-m">{t("eservices.request.answers")}</h2>
      <AnswersSummary def={p.def} answers={p.kase.answers} fileHref={p.fileHref} />
      <p>
        <a href={href(`${requestPath(ref)}/receipt`)}>{t("eservices.request.receipt")}</a>
      </p>
    </div>
  );
}

/** A receipt to print or keep: what was sent, when, to whom, and its reference. */
export function ReceiptPage({
  def,
  kase,
  agencyName,
  applicant,
  feeText,
}: {
  def: Definition;
  kase: Case;
  agencyName: string;
  applicant: string;
  feeText: string;
}) {
  const { t, locale, date, hijri } = usePage();
  return (
    <div class="receipt narrow-wide">
      <h1 class="heading-xl">{t("eservices.receipt.title")}</h1>
      <p class="hint no-print">{t("eservices.receipt.print")}</p>
      <SummaryList
        rows={[
          { key: t("eservices.receipt.reference"), value: <span dir="ltr">{kase.reference}</span> },
          { key: t("eservices.request.service"), value: def.title[locale] },
          { key: t("eservices.request.agency"), value: agencyName },
          { key: t("eservices.receipt.applicant"), value: applicant },
          {
            key: t(kase.status === "payment-due" ? "eservices.request.saved" : "eservices.request.submitted"),
            value: `${date(kase.submittedAt)} (${hijri(kase.submittedAt)})`,
          },
          { key: t("eservices.request.status"), value: <StatusTag status={kase.status} /> },
          { key: t("eservices.check.fee"), value: feeText },
        ]}
      />
      <h2 class="heading-m">{t("eservices.request.answers")}</h2>
      <AnswersSummary def={def} answers={kase.answers} />
    </div>
  );
}
