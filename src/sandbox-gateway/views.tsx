import type { ComponentChildren } from "preact";
import { Button, ButtonGroup } from "../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../platform/design/ErrorSummary.js";
import { TextInput } from "../platform/design/fields.js";
import { errorFor } from "../platform/http/forms.js";
import { usePage } from "../platform/layout/page-context.js";
import { groupDigits, TEST_CARDS } from "./cards.js";
import type { GatewayStatus, PaymentRow } from "./model.js";

/** An amount in the page's language, with the currency as the locale writes it ("QAR 150.00", "150.00 ر.ق."). */
function useMoney() {
  const { number } = usePage();
  return (amount: string, currency: string) => number(Number(amount), { style: "currency", currency });
}

/** A small bank card drawn in lines: the bank's mark (decorative). */
function CardMark() {
  return (
    <svg class="sg-mark" viewBox="0 0 32 22" width="32" height="22" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="20" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
      <rect x="1" y="6" width="30" height="4" fill="currentColor" />
      <rect x="5" y="14" width="8" height="3" rx="1" fill="currentColor" />
    </svg>
  );
}

/**
 * The sandbox bank's own page around its content: plainly not the portal,
 * and marked on every page as a test bank where no real money moves.
 */
export function GatewayDocument({
  title,
  otherLanguageHref,
  children,
}: {
  title: string;
  /** The same page in the other language. */
  otherLanguageHref?: string | undefined;
  children: ComponentChildren;
}) {
  const { t, locale, dir, asset, otherLocale } = usePage();
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{t("sandboxGateway.documentTitle", { page: title })}</title>
        <link rel="stylesheet" href={asset("css/sandbox-gateway.css")} />
      </head>
      <body>
        <a class="skip-link" href="#main-content">
          {t("sandboxGateway.skipLink")}
        </a>
        <header class="sg-header">
          <p class="sg-test-banner">
            <strong>{t("sandboxGateway.testBanner.label")}</strong> {t("sandboxGateway.testBanner.text")}
          </p>
          <div class="sg-container sg-header__bar">
            <p class="sg-bank">
              <CardMark />
              <span>{t("sandboxGateway.bankName")}</span>
            </p>
            {otherLanguageHref ? (
              <a class="sg-language" href={otherLanguageHref} lang={otherLocale} hrefLang={otherLocale}>
                {t("sandboxGateway.otherLanguage")}
              </a>
            ) : null}
          </div>
        </header>
        <main class="sg-container sg-main" id="main-content" tabindex={-1}>
          {children}
        </main>
        <footer class="sg-footer">
          <div class="sg-container">
            <p>{t("sandboxGateway.footer")}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Who is paid, for what, and how much. */
function PaymentSummary({ payment }: { payment: PaymentRow }) {
  const { t } = usePage();
  const money = useMoney();
  return (
    <dl class="sg-summary">
      <div class="sg-summary__row">
        <dt>{t("sandboxGateway.summary.merchant")}</dt>
        <dd>{t("sandboxGateway.merchantName")}</dd>
      </div>
      <div class="sg-summary__row">
        <dt>{t("sandboxGateway.summary.description")}</dt>
        <dd>
          <bdi>{payment.description}</bdi>
        </dd>
      </div>
      <div class="sg-summary__row">
        <dt>{t("sandboxGateway.summary.reference")}</dt>
        <dd>
          <bdi dir="ltr">{payment.reference}</bdi>
        </dd>
      </div>
      {payment.cardLast4 ? (
        <div class="sg-summary__row">
          <dt>{t("sandboxGateway.summary.card")}</dt>
          <dd>{t("sandboxGateway.summary.cardEnding", { last4: payment.cardLast4 })}</dd>
        </div>
      ) : null}
      <div class="sg-summary__row sg-summary__row--total">
        <dt>{t("sandboxGateway.summary.amount")}</dt>
        <dd>{money(payment.amount, payment.currency)}</dd>
      </div>
    </dl>
  );
}

/** The numbers that make the test bank answer each way, shown on the page for testers. */
function TestCards({ slowSeconds }: { slowSeconds: number }) {
  const { t } = usePage();
  return (
    <section class="sg-test-cards" aria-labelledby="test-cards-title">
      <h2 class="sg-heading-m" id="test-cards-title">
        {t("sandboxGateway.testCards.title")}
      </h2>
      <p>{t("sandboxGateway.testCards.intro")}</p>
      <table class="sg-table">
        <thead>
          <tr>
            <th scope="col">{t("sandboxGateway.testCards.number")}</th>
            <th scope="col">{t("sandboxGateway.testCards.result")}</th>
          </tr>
        </thead>
        <tbody>
          {TEST_CARDS.map((card) => (
            <tr key={card.number}>
              <td>
                <bdi class="sg-card-number" dir="ltr">
                  {groupDigits(card.number)}
                </bdi>
              </td>
              <td>{t(`sandboxGateway.testCards.outcomes.${card.outcome}`, { seconds: slowSeconds })}</td>
            </tr>
          ))}
          <tr>
            <td>{t("sandboxGateway.testCards.otherValid")}</td>
            <td>{t("sandboxGateway.testCards.outcomes.declined")}</td>
          </tr>
          <tr>
            <td>{t("sandboxGateway.testCards.otherInvalid")}</td>
            <td>{t("sandboxGateway.testCards.outcomes.invalid")}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** What the shopper typed, echoed back when the form is refused (never the security code). */
export interface CardValues {
  cardNumber?: string;
  expiry?: string;
  cardName?: string;
}

/** The hosted payment page: the payment, the card form, Pay and Cancel, and the test cards. */
export function PayPage({
  payment,
  action,
  slowSeconds,
  errors = [],
  values = {},
}: {
  payment: PaymentRow;
  action: string;
  slowSeconds: number;
  errors?: FieldError[];
  values?: CardValues;
}) {
  const { t, csrfToken } = usePage();
  const money = useMoney();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="sg-heading-l">{t("sandboxGateway.pay.title", { merchant: t("sandboxGateway.merchantName") })}</h1>
      <PaymentSummary payment={payment} />
      <form class="sg-panel" method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <h2 class="sg-heading-m">{t("sandboxGateway.pay.cardHeading")}</h2>
        <TextInput
          name="cardNumber"
          label={t("sandboxGateway.pay.cardNumber.label")}
          hint={t("sandboxGateway.pay.cardNumber.hint")}
          error={errorFor(errors, "cardNumber")}
          value={values.cardNumber}
          autocomplete="cc-number"
          inputMode="numeric"
          dir="ltr"
          width="20"
          spellcheck={false}
        />
        <TextInput
          name="expiry"
          label={t("sandboxGateway.pay.expiry.label")}
          hint={t("sandboxGateway.pay.expiry.hint")}
          error={errorFor(errors, "expiry")}
          value={values.expiry}
          autocomplete="cc-exp"
          inputMode="numeric"
          dir="ltr"
          width="4"
          spellcheck={false}
        />
        <TextInput
          name="cvc"
          label={t("sandboxGateway.pay.cvc.label")}
          hint={t("sandboxGateway.pay.cvc.hint")}
          error={errorFor(errors, "cvc")}
          autocomplete="cc-csc"
          inputMode="numeric"
          dir="ltr"
          width="4"
          spellcheck={false}
        />
        <TextInput
          name="cardName"
          label={t("sandboxGateway.pay.cardName.label")}
          hint={t("sandboxGateway.pay.cardName.hint")}
          error={errorFor(errors, "cardName")}
          value={values.cardName}
          autocomplete="cc-name"
          spellcheck={false}
        />
        <ButtonGroup>
          <Button name="action" value="pay">
            {t("sandboxGateway.pay.payButton", { amount: money(payment.amount, payment.currency) })}
          </Button>
          <Button variant="secondary" name="action" value="cancel">
            {t("sandboxGateway.pay.cancelButton")}
          </Button>
        </ButtonGroup>
      </form>
      <TestCards slowSeconds={slowSeconds} />
    </>
  );
}

const outcomeTone: Record<GatewayStatus, "success" | "waiting" | "stopped"> = {
  created: "waiting",
  pending: "waiting",
  authorised: "success",
  captured: "success",
  refunded: "success",
  declined: "stopped",
  cancelled: "stopped",
  expired: "stopped",
};

/** A finished payment: what happened, and the way back to the merchant (never the form again). */
export function OutcomePage({ payment, returnHref }: { payment: PaymentRow; returnHref: string }) {
  const { t } = usePage();
  const status = payment.status as GatewayStatus;
  const merchant = t("sandboxGateway.merchantName");
  return (
    <>
      <div class={`sg-outcome sg-outcome--${outcomeTone[status]}`}>
        <h1 class="sg-heading-l">{t(`sandboxGateway.outcome.${status}.title`)}</h1>
        <p>{t(`sandboxGateway.outcome.${status}.body`, { merchant })}</p>
      </div>
      <PaymentSummary payment={payment} />
      <p>
        <a class="button" href={returnHref}>
          {t("sandboxGateway.outcome.return", { merchant })}
        </a>
      </p>
    </>
  );
}

/** A refused request (no such payment, an expired form…) in the bank's own page. */
export function GatewayProblem({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1 class="sg-heading-l">{title}</h1>
      <p>{message}</p>
    </>
  );
}
