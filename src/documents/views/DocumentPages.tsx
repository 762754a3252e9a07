import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { SummaryList, type SummaryRow } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { Tag, type TagColour } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dohaNoon } from "../../platform/time/doha.js";
import { documentPath } from "../codes.js";
import type { IssuedDocument } from "../repository.js";
import type { DocumentStatus } from "../validity.js";

const statusColour: Record<DocumentStatus, TagColour> = {
  valid: "green",
  expiring: "yellow",
  expired: "grey",
  revoked: "red",
};

/** A document's status as a tag; its words carry the meaning, the colour only helps. */
export function DocumentStatusTag({ status }: { status: DocumentStatus }) {
  const { t } = usePage();
  return <Tag colour={statusColour[status]}>{t(`documents.status.${status}`)}</Tag>;
}

/** The code as printed: left to right, kept whole. */
function Code({ code }: { code: string }) {
  return (
    <bdi class="document-code" dir="ltr">
      {code}
    </bdi>
  );
}

/** The "Renew" button: starts the renewing e-service with the earlier answers filled in. */
function RenewButton({ code, title, variant = "primary" }: { code: string; title: string; variant?: "primary" | "secondary" }) {
  const { t, href, csrfToken } = usePage();
  return (
    <form method="post" action={href(`${documentPath(code)}/renew`)} class="no-print">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <Button variant={variant}>
        {t("documents.renew")}
        <span class="visually-hidden">{` ${title}`}</span>
      </Button>
    </form>
  );
}

export interface DocumentListItem {
  code: string;
  title: string;
  validUntil: string | null;
  status: DocumentStatus;
  renewable: boolean;
}

/** The person's documents as a table (My Hukoomi and "My documents"). */
export function DocumentTable({ items }: { items: DocumentListItem[] }) {
  const { t, href, date } = usePage();
  const withRenewal = items.some((i) => i.renewable);
  return (
    <Table
      caption={t("documents.list.caption")}
      columns={[
        { label: t("documents.list.document") },
        { label: t("documents.list.code") },
        { label: t("documents.list.validUntil") },
        { label: t("documents.list.status") },
        ...(withRenewal ? [{ label: t("documents.list.action") }] : []),
      ]}
      rows={items.map((d) => [
        <a href={href(documentPath(d.code))} key="title">
          {d.title}
        </a>,
        <Code code={d.code} key="code" />,
        d.validUntil ? date(dohaNoon(d.validUntil)) : t("documents.noExpiry"),
        <DocumentStatusTag status={d.status} key="status" />,
        ...(withRenewal
          ? [d.renewable ? <RenewButton code={d.code} title={d.title} variant="secondary" key="renew" /> : ""]
          : []),
      ])}
    />
  );
}

export function MyDocumentsPage({ items }: { items: DocumentListItem[] }) {
  const { t, href } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("documents.title")}</h1>
      <p class="lead">{t("documents.lead")}</p>
      {items.length ? <DocumentTable items={items} /> : <p class="empty-state">{t("accounts.my.sections.documents.empty")}</p>}
      <p>
        <a href={href("/verify")}>{t("documents.verify.link")}</a>
      </p>
    </div>
  );
}

/** What a document states, in the page's language: holder, its lines, who issued it, dates and code. */
/** What a document states; `essentials` leaves out its own lines (ID numbers, address, sponsor, reference), for people other than its holder. */
function DocumentRows({
  doc,
  agency,
  essentials = false,
}: {
  doc: IssuedDocument;
  agency?: string | undefined;
  essentials?: boolean;
}) {
  const { t, locale, date, hijri } = usePage();
  const rows: SummaryRow[] = [
    { key: t("documents.content.holder"), value: locale === "en" ? doc.holderEn : doc.holderAr },
    ...(essentials ? [] : doc.fields.map((f) => ({ key: f.label[locale], value: <bdi>{f.value[locale]}</bdi> }))),
  ];
  if (agency) rows.push({ key: t("documents.content.agency"), value: agency });
  rows.push(
    { key: t("documents.content.issued"), value: `${date(doc.issuedAt)} (${hijri(doc.issuedAt)})` },
    {
      key: t("documents.content.validUntil"),
      value: doc.validUntil ? `${date(dohaNoon(doc.validUntil))} (${hijri(dohaNoon(doc.validUntil))})` : t("documents.noExpiry"),
    },
    { key: t("documents.content.code"), value: <Code code={doc.code} /> },
  );
  return <SummaryList rows={rows} />;
}

export interface DocumentPageProps {
  doc: IssuedDocument;
  status: DocumentStatus;
  agency: string;
  /** The QR code's SVG markup, made on the server. */
  qr: string;
  verifyUrl: string;
  /** The e-service that renews it, when the "Renew" button is offered. */
  renewal?: { service: string } | undefined;
}

/** A document as its holder sees and prints it: what it states, its code and QR code for checking it. */
export function DocumentPage(p: DocumentPageProps) {
  const { t, locale, date } = usePage();
  const title = locale === "en" ? p.doc.titleEn : p.doc.titleAr;
  const expiry = p.doc.validUntil ? date(dohaNoon(p.doc.validUntil)) : "";
  const revoked = p.doc.revokedAt ? date(p.doc.revokedAt) : "";
  return (
    <div class="narrow-wide">
      <div class="no-print">
        {p.status === "valid" ? null : (
          <NotificationBanner variant="warning" title={t(`documents.status.${p.status}`)}>
            <p>
              {t(`documents.page.explain.${p.status === "expiring" && !p.doc.renewWith ? "expiringFinal" : p.status}`, {
                date: p.status === "revoked" ? revoked : expiry,
              })}
            </p>
          </NotificationBanner>
        )}
        {p.renewal ? (
          <section class="document-renewal" aria-labelledby="renew-title">
            <h2 class="heading-m" id="renew-title">
              {t("documents.page.renewTitle")}
            </h2>
            <p>{t("documents.page.renewLead", { service: p.renewal.service })}</p>
            <RenewButton code={p.doc.code} title={title} />
          </section>
        ) : null}
      </div>
      <article class="issued-document" aria-labelledby="document-title">
        <header class="issued-document__header">
          <p class="issued-document__issuer">{t("documents.page.issuedBy", { agency: p.agency })}</p>
          <h1 class="heading-xl issued-document__title" id="document-title">
            {title}
          </h1>
          <p class="issued-document__status no-print">
            <DocumentStatusTag status={p.status} />
          </p>
        </header>
        <DocumentRows doc={p.doc} />
        <figure class="issued-document__qr">
          <div
            class="issued-document__qr-code"
            role="img"
            aria-label={t("documents.page.qrLabel")}
            // The SVG is made on the server by the qrcode library from the document's address: no text from anyone.
            dangerouslySetInnerHTML={{ __html: p.qr }}
          />
          <figcaption>
            <p>{t("documents.page.qrCaption")}</p>
            <p class="issued-document__url">
              <bdi dir="ltr">{p.verifyUrl}</bdi>
            </p>
          </figcaption>
        </figure>
      </article>
      <p class="hint no-print">{t("documents.page.print")}</p>
    </div>
  );
}

/** The public form: the code printed on a document. */
export function VerifyFormPage({ errors, value }: { errors: FieldError[]; value?: string | undefined }) {
  const { t, href } = usePage();
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("documents.verify.title")}</h1>
      <p class="lead">{t("documents.verify.lead")}</p>
      <form method="get" action={href("/verify")} novalidate>
        <TextInput
          name="code"
          label={t("documents.verify.label")}
          hint={t("documents.verify.hint")}
          value={value}
          width="10"
          dir="ltr"
          autocomplete="off"
          spellcheck={false}
          error={errors.find((e) => e.field === "code")?.message}
        />
        <Button>{t("documents.verify.submit")}</Button>
      </form>
    </div>
  );
}

export type Verdict = "genuine" | "expired" | "revoked" | "invalid";

/**
 * What anyone checking a document learns: whether it is genuine and valid,
 * what it is, whose it is and its dates. Everything it states only for its
 * holder, signed in.
 */
export function VerifyResultPage({
  doc,
  verdict,
  agency,
  holder,
}: {
  doc: IssuedDocument;
  verdict: Verdict;
  agency: string;
  /** The person looking is the document's holder. */
  holder: boolean;
}) {
  const { t, href, date, locale } = usePage();
  const values = {
    agency,
    date: date(doc.issuedAt),
    expiry: doc.validUntil ? date(dohaNoon(doc.validUntil)) : "",
    revoked: doc.revokedAt ? date(doc.revokedAt) : "",
  };
  return (
    <div class="narrow-wide">
      <div class={`verdict verdict--${verdict}`}>
        <h1 class="heading-l verdict__title">{t(`documents.verify.verdict.${verdict}.title`)}</h1>
        <p>{t(`documents.verify.verdict.${verdict}.body`, values)}</p>
      </div>
      {verdict === "invalid" ? null : (
        <section aria-labelledby="content-title">
          <h2 class="heading-m" id="content-title">
            {t(holder ? "documents.verify.content" : "documents.verify.contentEssentials", {
              document: locale === "en" ? doc.titleEn : doc.titleAr,
            })}
          </h2>
          <DocumentRows doc={doc} agency={agency} essentials={!holder} />
        </section>
      )}
      <p class="hint">{t(holder ? "documents.verify.holderNote" : "documents.verify.privacy")}</p>
      <p>
        <a href={href("/verify")}>{t("documents.verify.another")}</a>
      </p>
    </div>
  );
}

/** No document has this code: said plainly, with the next step. */
export function UnknownDocumentPage({ code }: { code: string }) {
  const { t, rich, href } = usePage();
  return (
    <div class="narrow">
      <div class="verdict verdict--invalid">
        <h1 class="heading-l verdict__title">{t("documents.verify.notFound.title")}</h1>
        <p>{rich("documents.verify.notFound.code", { code, bdi: (chunks) => <Code code={chunks.join("")} /> })}</p>
        <p>{t("documents.verify.notFound.body")}</p>
      </div>
      <p>
        <a href={href("/verify")}>{t("documents.verify.another")}</a>
      </p>
    </div>
  );
}
