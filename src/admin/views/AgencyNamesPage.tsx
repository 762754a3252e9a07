import { Button } from "../../platform/design/Button.js";
import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { Select, Textarea } from "../../platform/design/fields.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { AgencyNames } from "../../search/settings.js";
import { EditOrRemovePage } from "./EditOrRemovePage.js";

/** The agencies' other names on the search settings page: the list, and a form to give an agency names. */
export function AgencyNamesSection({
  rows,
  agencies,
  values,
  errors,
}: {
  rows: AgencyNames[];
  agencies: { slug: string; name: string }[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, href, csrfToken } = usePage();
  const nameOf = new Map(agencies.map((a) => [a.slug, a.name]));
  const named = new Set(rows.map((r) => r.agencySlug));
  return (
    <>
      <h2 class="heading-l">{t("admin.search.agencyNames")}</h2>
      <p class="body">{t("admin.search.agencyNamesLead")}</p>
      <Table
        caption={t("admin.search.agencyNamesCaption")}
        columns={[{ label: t("admin.search.agency") }, { label: t("admin.search.names") }, { label: t("admin.actions") }]}
        rows={rows.map((r) => [
          <bdi key="agency">{nameOf.get(r.agencySlug) ?? r.agencySlug}</bdi>,
          <bdi key="names">{r.names.join(" · ")}</bdi>,
          <a key="edit" href={href(`/admin/search/agency-names/${r.id}`)}>
            {t("admin.change")}
            <span class="visually-hidden"> {nameOf.get(r.agencySlug) ?? r.agencySlug}</span>
          </a>,
        ])}
      />
      <h3 class="heading-m">{t("admin.search.addAgencyNames")}</h3>
      <form method="post" action={href("/admin/search/agency-names")} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Select
          name="agency"
          label={t("admin.search.agency")}
          items={[
            { value: "", label: t("admin.choose") },
            ...agencies.filter((a) => !named.has(a.slug)).map((a) => ({ value: a.slug, label: a.name })),
          ]}
          value={values.agency}
          error={errorFor(errors, "agency")}
        />
        <Textarea
          name="names"
          label={t("admin.search.names")}
          hint={t("admin.search.namesHint")}
          value={values.names}
          dir="auto"
          rows={4}
          error={errorFor(errors, "names")}
        />
        <Button>{t("admin.search.addAgencyNamesButton")}</Button>
      </form>
    </>
  );
}

/** Changing or removing one agency's other names. */
export function AgencyNamesEditPage({
  row,
  values,
  errors,
  done,
}: {
  row: AgencyNames & { agencyName: string };
  values: Record<string, string>;
  errors: FieldError[];
  done?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <EditOrRemovePage
      title={t("admin.search.editAgencyNames", { agency: row.agencyName })}
      action={`/admin/search/agency-names/${row.id}`}
      removeLabel={t("admin.search.removeAgencyNames")}
      errors={errors}
      done={done}
    >
      <Textarea
        name="names"
        label={t("admin.search.names")}
        hint={t("admin.search.namesHint")}
        value={values.names}
        dir="auto"
        rows={6}
        error={errorFor(errors, "names")}
      />
    </EditOrRemovePage>
  );
}
