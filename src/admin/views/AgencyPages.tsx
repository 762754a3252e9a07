import { agencyTypes } from "../../catalogue/model.js";
import type { AgencySummary } from "../../catalogue/service.js";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { DoneBanner } from "./DoneBanner.js";

/** The catalogue key of an agency type's name. */
export const agencyTypeKey = (type: string) =>
  `catalogue.agencyTypes.${type.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;

/** Every agency, with a link to change each and to add one. */
export function AgencyListPage({ agencies, done }: { agencies: AgencySummary[]; done?: string | undefined }) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <DoneBanner done={done} />
      <h1 class="heading-xl">{t("admin.agencies.title")}</h1>
      <p class="lead">{t("admin.agencies.lead")}</p>
      <p>
        <Button href={href("/admin/agencies/new")}>{t("admin.agencies.add")}</Button>
      </p>
      <Table
        caption={t("admin.agencies.caption")}
        firstCellIsHeader
        columns={[
          { label: t("admin.agencies.name") },
          { label: t("admin.agencies.type") },
          { label: t("admin.agencies.services"), numeric: true },
          { label: t("admin.actions") },
        ]}
        rows={agencies.map((a) => [
          a.name[locale],
          t(agencyTypeKey(a.type)),
          <bdi key="n">{a.serviceCount}</bdi>,
          <a key="edit" href={href(`/admin/agencies/${a.slug}`)}>
            {t("admin.change")}
            <span class="visually-hidden"> {a.name[locale]}</span>
          </a>,
        ])}
      />
    </div>
  );
}

export interface AgencyFormProps {
  /** The agency being changed; undefined for a new one. */
  slug?: string | undefined;
  values: Record<string, string>;
  errors: FieldError[];
  /** Agencies that may be this one's parent. */
  parents: { slug: string; name: string }[];
  done?: string | undefined;
  /** The agency's documented exception to four eyes, when allowed. */
  singleApprover?: { reason: string; since: Date } | undefined;
}

/** The form for a new agency or for changing one (its slug is fixed once made). */
export function AgencyFormPage({ slug, values, errors, parents, done, singleApprover }: AgencyFormProps) {
  const { t, href, csrfToken } = usePage();
  const err = (field: string) => errorFor(errors, field);
  const text = (name: string, dir?: "rtl" | "ltr", type?: "email" | "url" | "tel") => (
    <TextInput
      name={name}
      label={t(`admin.agencies.fields.${name}`)}
      value={values[name]}
      dir={dir}
      type={type}
      error={err(name)}
    />
  );
  const area = (name: string, dir: "rtl" | "ltr") => (
    <Textarea name={name} label={t(`admin.agencies.fields.${name}`)} value={values[name]} dir={dir} rows={4} error={err(name)} />
  );
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{slug ? t("admin.agencies.editTitle") : t("admin.agencies.newTitle")}</h1>
      <form method="post" action={href(slug ? `/admin/agencies/${slug}` : "/admin/agencies/new")} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {slug ? (
          <p>
            {t("admin.agencies.fields.slug")}:{" "}
            <bdi dir="ltr">
              <code>{slug}</code>
            </bdi>
          </p>
        ) : (
          <TextInput
            name="slug"
            label={t("admin.agencies.fields.slug")}
            hint={t("admin.slugHint")}
            value={values.slug}
            dir="ltr"
            spellcheck={false}
            error={err("slug")}
          />
        )}
        <Select
          name="type"
          label={t("admin.agencies.fields.type")}
          items={[
            { value: "", label: t("admin.choose") },
            ...agencyTypes.map((type) => ({ value: type, label: t(agencyTypeKey(type)) })),
          ]}
          value={values.type}
          error={err("type")}
        />
        <Select
          name="parent"
          label={t("admin.agencies.fields.parent")}
          items={[{ value: "", label: t("admin.agencies.noParent") }, ...parents.map((p) => ({ value: p.slug, label: p.name }))]}
          value={values.parent}
          error={err("parent")}
        />
        {text("nameAr", "rtl")}
        {text("nameEn", "ltr")}
        {text("shortNameAr", "rtl")}
        {text("shortNameEn", "ltr")}
        {area("descriptionAr", "rtl")}
        {area("descriptionEn", "ltr")}
        {text("website", "ltr", "url")}
        {text("phone", "ltr", "tel")}
        {text("email", "ltr", "email")}
        {text("addressAr", "rtl")}
        {text("addressEn", "ltr")}
        {text("openingHoursAr", "rtl")}
        {text("openingHoursEn", "ltr")}
        {text("latitude", "ltr")}
        {text("longitude", "ltr")}
        <Button>{t("admin.save")}</Button>
      </form>
      {slug ? (
        <SingleApproverSection
          slug={slug}
          exception={singleApprover}
          reason={values.singleApproverReason}
          error={err("reason")}
        />
      ) : null}
    </div>
  );
}

/** Four eyes at this agency: the documented exception that lets its one approver publish their own changes. */
function SingleApproverSection({
  slug,
  exception,
  reason,
  error,
}: {
  slug: string;
  exception: { reason: string; since: Date } | undefined;
  reason?: string | undefined;
  error?: string | undefined;
}) {
  const { t, href, csrfToken, date } = usePage();
  return (
    <section class="section narrow" aria-labelledby="four-eyes-title">
      <h2 class="heading-l" id="four-eyes-title">
        {t("admin.agencies.fourEyes.title")}
      </h2>
      <p>{t("admin.agencies.fourEyes.lead")}</p>
      <form method="post" action={href(`/admin/agencies/${slug}/single-approver`)} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {exception ? (
          <>
            <p>{t("admin.agencies.fourEyes.allowed", { date: date(exception.since) })}</p>
            <blockquote>{exception.reason}</blockquote>
            <input type="hidden" name="action" value="withdraw" />
            <button class="button button--warning" type="submit">
              {t("admin.agencies.fourEyes.withdraw")}
            </button>
          </>
        ) : (
          <>
            <input type="hidden" name="action" value="allow" />
            <Textarea
              name="reason"
              label={t("admin.agencies.fourEyes.reason")}
              hint={t("admin.agencies.fourEyes.reasonHint")}
              value={reason}
              rows={3}
              error={error}
            />
            <button class="button button--secondary" type="submit">
              {t("admin.agencies.fourEyes.allow")}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
