import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Checkboxes, Radios, TextInput } from "../../platform/design/fields.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { Highlight } from "../highlights.js";
import { DoneBanner } from "./DoneBanner.js";
import { EditOrRemovePage } from "./EditOrRemovePage.js";

function HighlightFields({ values, errors }: { values: Record<string, string>; errors: FieldError[] }) {
  const { t } = usePage();
  const err = (field: string) => errorFor(errors, field);
  return (
    <>
      <Radios
        name="kind"
        legend={t("admin.highlights.fields.kind")}
        items={[
          { value: "service", label: t("admin.highlights.kinds.service") },
          { value: "link", label: t("admin.highlights.kinds.link") },
        ]}
        value={values.kind}
        error={err("kind")}
      />
      <TextInput
        name="service"
        label={t("admin.highlights.fields.service")}
        hint={t("admin.highlights.serviceHint")}
        value={values.service}
        dir="ltr"
        spellcheck={false}
        error={err("service")}
      />
      <TextInput
        name="path"
        label={t("admin.highlights.fields.path")}
        hint={t("admin.highlights.pathHint")}
        value={values.path}
        dir="ltr"
        spellcheck={false}
        error={err("path")}
      />
      <TextInput
        name="titleAr"
        label={t("admin.highlights.fields.titleAr")}
        value={values.titleAr}
        dir="rtl"
        error={err("titleAr")}
      />
      <TextInput
        name="titleEn"
        label={t("admin.highlights.fields.titleEn")}
        value={values.titleEn}
        dir="ltr"
        error={err("titleEn")}
      />
      <TextInput
        name="position"
        label={t("admin.highlights.fields.position")}
        hint={t("admin.positionHint")}
        value={values.position}
        inputMode="numeric"
        width="4"
        dir="ltr"
        error={err("position")}
      />
      <Checkboxes
        name="active"
        legend={t("admin.highlights.fields.shown")}
        items={[{ value: "1", label: t("admin.highlights.fields.active") }]}
        value={values.active}
      />
    </>
  );
}

/** The home page highlights in order, and the form for a new one. */
export function HighlightListPage({
  highlights,
  values,
  errors,
  done,
}: {
  highlights: Highlight[];
  values: Record<string, string>;
  errors: FieldError[];
  done?: string | undefined;
}) {
  const { t, href, locale, csrfToken } = usePage();
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{t("admin.highlights.title")}</h1>
      <p class="lead">{t("admin.highlights.lead")}</p>
      {highlights.length ? (
        <Table
          caption={t("admin.highlights.caption")}
          firstCellIsHeader
          columns={[
            { label: t("admin.highlights.fields.position"), numeric: true },
            { label: t("admin.highlights.fields.title") },
            { label: t("admin.highlights.fields.target") },
            { label: t("admin.highlights.fields.shown") },
            { label: t("admin.actions") },
          ]}
          rows={highlights.map((h) => [
            <bdi key="pos">{h.position}</bdi>,
            locale === "ar" ? h.titleAr : h.titleEn,
            <bdi dir="ltr" key="target">
              {h.kind === "service" ? `/services/${h.serviceSlug}` : h.path}
            </bdi>,
            h.active ? t("admin.highlights.yes") : t("admin.highlights.no"),
            <a key="edit" href={href(`/admin/highlights/${h.id}`)}>
              {t("admin.change")}
              <span class="visually-hidden"> {locale === "ar" ? h.titleAr : h.titleEn}</span>
            </a>,
          ])}
        />
      ) : (
        <p>{t("admin.highlights.none")}</p>
      )}
      <h2 class="heading-l">{t("admin.highlights.add")}</h2>
      <form method="post" action={href("/admin/highlights")} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <HighlightFields values={values} errors={errors} />
        <Button>{t("admin.highlights.addButton")}</Button>
      </form>
    </div>
  );
}

/** Changing or removing one highlight. */
export function HighlightEditPage({
  id,
  values,
  errors,
  done,
}: {
  id: number;
  values: Record<string, string>;
  errors: FieldError[];
  done?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <EditOrRemovePage
      title={t("admin.highlights.editTitle")}
      action={`/admin/highlights/${id}`}
      removeLabel={t("admin.highlights.remove")}
      errors={errors}
      done={done}
    >
      <HighlightFields values={values} errors={errors} />
    </EditOrRemovePage>
  );
}
