import type { AgencyName } from "../../catalogue/service.js";
import { Button } from "../../platform/design/Button.js";
import { MAX_SERIES } from "../../platform/design/Chart.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { FileUpload } from "../../platform/design/FileUpload.js";
import { Checkboxes, Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Table } from "../../platform/design/Table.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { DatasetFormValues } from "../form.js";
import { columnLabel, frequencies, licenceIds, themes } from "../model.js";
import type { Dataset } from "../repository.js";
import { frequencyKey, licenceKey, themeKey } from "./labels.js";

/** The staff's list of their agencies' datasets. */
export function WorkspaceIndexPage({ datasets, agencyNames }: { datasets: Dataset[]; agencyNames: Map<string, AgencyName> }) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("opendata.workspace.title")}</h1>
      <p>
        <a class="button" href={href("/workspace/datasets/new")}>
          {t("opendata.workspace.newTitle")}
        </a>
      </p>
      {datasets.length ? (
        <Table
          caption={t("opendata.workspace.listCaption")}
          columns={[
            { label: t("opendata.workspace.columns.title") },
            { label: t("opendata.workspace.columns.agency") },
            { label: t("opendata.workspace.columns.status") },
          ]}
          rows={datasets.map((d) => [
            <a href={href(`/workspace/datasets/${d.slug}`)} key="t">
              {locale === "ar" ? d.titleAr : d.titleEn}
            </a>,
            agencyNames.get(d.agency)?.[locale] ?? d.agency,
            <Tag colour={d.published ? "green" : "grey"} key="s">
              {t(d.published ? "opendata.workspace.published" : "opendata.workspace.draft")}
            </Tag>,
          ])}
        />
      ) : (
        <p>{t("opendata.workspace.none")}</p>
      )}
    </div>
  );
}

export interface DatasetFormPageProps {
  title: string;
  values: DatasetFormValues;
  errors: FieldError[];
  agencies: { slug: string; name: string }[];
  action: string;
  existing?: Dataset | undefined;
  saved: boolean;
  /** Cells of the uploaded file that would have run as spreadsheet formulas, neutralised. */
  neutralised?: number;
}

/** Creating or editing a dataset: its metadata in both languages and its CSV file. */
export function DatasetFormPage({
  title,
  values: v,
  errors,
  agencies,
  action,
  existing,
  saved,
  neutralised = 0,
}: DatasetFormPageProps) {
  const { t, href, csrfToken, locale } = usePage();
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const choose = { value: "", label: t("opendata.workspace.choose") };
  return (
    <div>
      {saved ? <NotificationBanner variant="success">{t("opendata.workspace.saved")}</NotificationBanner> : null}
      {saved && neutralised ? (
        <NotificationBanner variant="warning" title={t("opendata.workspace.neutralised.title")}>
          <p>{t("opendata.workspace.neutralised.body", { cells: neutralised })}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{title}</h1>
      {existing?.published ? (
        <p>
          <a href={href(`/opendata/${existing.slug}`)}>{t("opendata.workspace.viewPublic")}</a>
        </p>
      ) : null}
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {existing ? null : (
          <>
            <Select
              name="agency"
              label={t("opendata.workspace.fields.agency")}
              items={[choose, ...agencies.map((a) => ({ value: a.slug, label: a.name }))]}
              value={v.agency}
              error={err("agency")}
            />
            <TextInput
              name="slug"
              label={t("opendata.workspace.fields.slug")}
              hint={t("opendata.workspace.fields.slugHint")}
              value={v.slug}
              dir="ltr"
              error={err("slug")}
            />
          </>
        )}
        <TextInput
          name="titleAr"
          label={t("opendata.workspace.fields.titleAr")}
          value={v.titleAr}
          dir="rtl"
          error={err("titleAr")}
        />
        <TextInput
          name="titleEn"
          label={t("opendata.workspace.fields.titleEn")}
          value={v.titleEn}
          dir="ltr"
          error={err("titleEn")}
        />
        <Textarea
          name="descriptionAr"
          label={t("opendata.workspace.fields.descriptionAr")}
          value={v.descriptionAr}
          dir="rtl"
          error={err("descriptionAr")}
        />
        <Textarea
          name="descriptionEn"
          label={t("opendata.workspace.fields.descriptionEn")}
          value={v.descriptionEn}
          dir="ltr"
          error={err("descriptionEn")}
        />
        <Select
          name="theme"
          label={t("opendata.workspace.fields.theme")}
          items={[
            choose,
            ...[...themes]
              .map((c) => ({ value: c, label: t(themeKey(c)) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale)),
          ]}
          value={v.theme}
          error={err("theme")}
        />
        <TextInput
          name="keywordsAr"
          label={t("opendata.workspace.fields.keywordsAr")}
          hint={t("opendata.workspace.fields.keywordsHint")}
          value={v.keywordsAr}
          dir="rtl"
        />
        <TextInput
          name="keywordsEn"
          label={t("opendata.workspace.fields.keywordsEn")}
          hint={t("opendata.workspace.fields.keywordsHint")}
          value={v.keywordsEn}
          dir="ltr"
        />
        <Select
          name="licence"
          label={t("opendata.workspace.fields.licence")}
          items={licenceIds.map((id) => ({ value: id, label: t(licenceKey(id)) }))}
          value={v.licence}
          error={err("licence")}
        />
        <Select
          name="frequency"
          label={t("opendata.workspace.fields.frequency")}
          items={[choose, ...frequencies.map((c) => ({ value: c, label: t(frequencyKey(c)) }))]}
          value={v.frequency}
          error={err("frequency")}
        />
        <TextInput
          name="temporalStart"
          type="date"
          label={t("opendata.workspace.fields.temporalStart")}
          hint={t("opendata.workspace.fields.dayHint")}
          value={v.temporalStart}
          dir="ltr"
          error={err("temporalStart")}
        />
        <TextInput
          name="temporalEnd"
          type="date"
          label={t("opendata.workspace.fields.temporalEnd")}
          hint={t("opendata.workspace.fields.dayHint")}
          value={v.temporalEnd}
          dir="ltr"
          error={err("temporalEnd")}
        />
        <FileUpload
          name="file"
          label={t(existing ? "opendata.workspace.fields.replaceFile" : "opendata.workspace.fields.file")}
          hint={t("opendata.workspace.fields.fileHint")}
          accept=".csv,text/csv"
          error={err("file")}
        />
        {v.columns.length ? (
          <ColumnFields values={v} err={err} />
        ) : existing ? null : (
          <p class="hint">{t("opendata.workspace.fileColumns.later")}</p>
        )}
        <div class="choices__item">
          <input class="choices__input" type="checkbox" id="published" name="published" value="1" checked={v.published} />
          <label class="choices__label" for="published">
            {t("opendata.workspace.fields.published")}
          </label>
        </div>
        <Button>{t("opendata.workspace.save")}</Button>
      </form>
    </div>
  );
}

/**
 * The file's columns: a name in each language for every one (what the
 * dataset's page, its chart and its table call it), and which of them the
 * chart draws over which column of periods.
 */
function ColumnFields({ values: v, err }: { values: DatasetFormValues; err: (field: string) => string | undefined }) {
  const { t, locale } = usePage();
  const choice = (name: string) => {
    const label = columnLabel(v.columns, name, locale);
    return { value: name, label: label === name ? name : t("opendata.workspace.fileColumns.choice", { label, name }) };
  };
  return (
    <>
      <h2 class="heading-m">{t("opendata.workspace.fileColumns.heading")}</h2>
      <p class="hint">{t("opendata.workspace.fileColumns.hint")}</p>
      {v.columns.map((c, i) => (
        <fieldset class="fieldset" key={c.name}>
          <legend class="fieldset__legend">{t("opendata.workspace.fileColumns.legend", { name: c.name })}</legend>
          <input type="hidden" name="columnName" value={c.name} />
          <TextInput
            id={`columnAr-${i + 1}`}
            name="columnAr"
            label={t("opendata.workspace.fileColumns.ar")}
            value={c.ar}
            dir="rtl"
            error={err(`columnAr-${i + 1}`)}
          />
          <TextInput
            id={`columnEn-${i + 1}`}
            name="columnEn"
            label={t("opendata.workspace.fileColumns.en")}
            value={c.en}
            dir="ltr"
            error={err(`columnEn-${i + 1}`)}
          />
        </fieldset>
      ))}
      <h2 class="heading-m">{t("opendata.workspace.chart.heading")}</h2>
      <Select
        name="chartPeriod"
        label={t("opendata.workspace.chart.period")}
        hint={t("opendata.workspace.chart.periodHint")}
        items={[{ value: "", label: t("opendata.workspace.chart.automatic") }, ...v.columns.map((c) => choice(c.name))]}
        value={v.chartPeriod}
        error={err("chartPeriod")}
      />
      <Checkboxes
        name="chartValues"
        legend={t("opendata.workspace.chart.values")}
        hint={t("opendata.workspace.chart.valuesHint", { max: MAX_SERIES })}
        items={v.columns.map((c) => choice(c.name))}
        value={v.chartValues}
        error={err("chartValues")}
      />
    </>
  );
}
