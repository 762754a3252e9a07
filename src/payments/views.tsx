import { randomUUID } from "node:crypto";
import { money } from "../forms/money.js";
import { Ltr, Reference } from "../platform/design/Bidi.js";
import { Button } from "../platform/design/Button.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { TextInput } from "../platform/design/fields.js";
import { NotificationBanner } from "../platform/design/NotificationBanner.js";
import { Panel } from "../platform/design/Panel.js";
import { SummaryList } from "../platform/design/SummaryList.js";
import { Table } from "../platform/design/Table.js";
import { Tag, type TagColour } from "../platform/design/Tag.js";
import { formatDateTime } from "../platform/i18n/format.js";
import { usePage } from "../platform/layout/page-context.js";
import type { Payment } from "./repository.js";
import { paymentPath, receiptNumber } from "./service.js";

/** An amount in the page's language (QAR, the language's digits). */
function useAmount() {
  const { locale, tr } = usePage();
  return (amount: string) => money(Number(amount), locale, tr);
}

function useDateTime() {
  const { locale } = usePage();
  return (d: Date) => formatDateTime(d, locale);
}

const statusColour: Record<string, TagColour> = {
  captured: "green",
  refunded: "grey",
  failed: "maroon",
  expired: "grey",
  pending: "yellow",
  created: "yellow",
  authorised: "blue",
};

export function PaymentStatusTag({ status }: { status: string }) {
  const { t } = usePage();
  return <Tag colour={statusColour[status] ?? "grey"}>{t(`payments.status.${status}`)}</Tag>;
}

/** The form that sends the person to the bank's page; its attempt id makes a double click one payment. */
export function PayForm({ action, amount }: { action: string; amount: string }) {
  const { t, csrfToken } = usePage();
  const formatted = useAmount()(amount);
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="attempt" value={randomUUID()} />
      <Button>{t("payments.pay.button", { amount: formatted })}</Button>
    </form>
  );
}

/** On a request whose fee is due: the amount, what paying does, and the button. */
export function PayPanel({ action, amount }: { action: string; amount: string }) {
  const { t } = usePage();
  const formatted = useAmount()(amount);
  return (
    <section class="pay-panel" aria-labelledby="pay-title">
      <h2 class="heading-m" id="pay-title">
        {t("payments.pay.title")}
      </h2>
      <p class="pay-panel__amount">{formatted}</p>
      <p>{t("payments.pay.explain")}</p>
      <PayForm action={action} amount={amount} />
    </section>
  );
}

/** The payments of a request or of a person, each with its receipt. */
export function PaymentTable({ items, caption }: { items: Payment[]; caption: string }) {
  const { t, href } = usePage();
  const amount = useAmount();
  const dateTime = useDateTime();
  return (
    <Table
      caption={caption}
      columns={[
        { label: t("payments.fields.when") },
        { label: t("payments.fields.amount") },
        { label: t("payments.fields.status") },
      ]}
      rows={items.map((p) => [
        <a href={href(paymentPath(p.id))} key="when">
          {dateTime(p.createdAt)}
        </a>,
        amount(p.amount),
        <PaymentStatusTag status={p.status} key="status" />,
      ])}
    />
  );
}

export function MyPaymentsPage({ items }: { items: Payment[] }) {
  const { t } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("payments.mine.title")}</h1>
      {items.length ? (
        <PaymentTable items={items} caption={t("payments.mine.caption")} />
      ) : (
        <p class="empty-state">{t("accounts.my.sections.payments.empty")}</p>
      )}
    </div>
  );
}

export interface PaymentPageProps {
  payment: Payment;
  service: string;
  reference: string;
  agency: string;
  payer: string;
  /** Where to pay again, when the fee is still due. */
  payAgain?: string | undefined;
}

/** A payment's outcome and, once paid, its receipt to print or keep. */
export function PaymentPage(p: PaymentPageProps) {
  const { t, href } = usePage();
  const amount = useAmount();
  const dateTime = useDateTime();
  const pay = p.payment;
  const paid = pay.status === "captured" || pay.status === "refunded";
  return (
    <div class="receipt narrow-wide">
      {pay.status === "captured" ? (
        <Panel title={t("payments.outcome.captured")}>
          <p>{t("payments.receipt.number")}</p>
          <p class="panel__reference" dir="ltr">
            {receiptNumber(pay)}
          </p>
        </Panel>
      ) : (
        <h1 class="heading-xl">{t(paid ? "payments.receipt.title" : `payments.outcome.${pay.status}`)}</h1>
      )}
      {pay.status === "failed" ? (
        <NotificationBanner variant="warning">
          <p>{t(`payments.failure.${pay.failureReason === "cancelled" ? "cancelled" : "declined"}`)}</p>
        </NotificationBanner>
      ) : null}
      {!paid ? <p>{t(`payments.explain.${pay.status}`)}</p> : <p class="hint no-print">{t("payments.receipt.print")}</p>}
      <SummaryList
        rows={[
          ...(paid ? [{ key: t("payments.receipt.number"), value: <span dir="ltr">{receiptNumber(pay)}</span> }] : []),
          { key: t("payments.fields.service"), value: p.service },
          {
            key: t("payments.fields.reference"),
            value: <Reference href={href(`/my/requests/${p.reference}`)}>{p.reference}</Reference>,
          },
          { key: t("payments.fields.agency"), value: p.agency },
          { key: t("payments.fields.payer"), value: p.payer },
          { key: t("payments.fields.amount"), value: amount(pay.amount) },
          ...(Number(pay.refundedAmount) > 0 ? [{ key: t("payments.fields.refunded"), value: amount(pay.refundedAmount) }] : []),
          { key: t("payments.fields.status"), value: <PaymentStatusTag status={pay.status} /> },
          ...(pay.cardLast4 ? [{ key: t("payments.fields.card"), value: <Ltr>{`•••• ${pay.cardLast4}`}</Ltr> }] : []),
          { key: t("payments.fields.when"), value: dateTime(pay.capturedAt ?? pay.createdAt) },
        ]}
      />
      {p.payAgain ? <PayForm action={p.payAgain} amount={pay.amount} /> : null}
    </div>
  );
}

/** The officer's view of a case's payments, with a refund form for what can still be refunded. */
export function CasePayments({
  items,
  refundAction,
  errors,
  refundable,
}: {
  items: Payment[];
  refundAction: string;
  errors: FieldError[];
  /** Per payment id, the most that may still be refunded ("150.00"). */
  refundable: Record<string, string>;
}) {
  const { t, csrfToken } = usePage();
  const amount = useAmount();
  const open = items.filter((p) => refundable[p.id]);
  return (
    <section aria-labelledby="payments-title">
      <h2 class="heading-m" id="payments-title">
        {t("payments.officer.title")}
      </h2>
      <Table
        caption={t("payments.officer.caption")}
        columns={[
          { label: t("payments.receipt.number") },
          { label: t("payments.fields.amount") },
          { label: t("payments.fields.refunded") },
          { label: t("payments.fields.status") },
        ]}
        rows={items.map((p) => [
          <span dir="ltr" key="n">
            {receiptNumber(p)}
          </span>,
          amount(p.amount),
          amount(p.refundedAmount),
          <PaymentStatusTag status={p.status} key="s" />,
        ])}
      />
      {open.map((p) => (
        <form method="post" action={refundAction} novalidate key={p.id} class="refund-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="payment" value={p.id} />
          <input type="hidden" name="key" value={randomUUID()} />
          <TextInput
            name="amount"
            label={t("payments.officer.amount", { receipt: receiptNumber(p) })}
            hint={t("payments.officer.amountHint", { most: amount(refundable[p.id] ?? "0") })}
            value=""
            inputMode="decimal"
            width="10"
            error={errors.find((e) => e.field === "amount")?.message}
          />
          <Button variant="secondary">{t("payments.officer.refund")}</Button>
        </form>
      ))}
    </section>
  );
}
