import { SummaryList } from "../../platform/design/SummaryList.js";
import { Table } from "../../platform/design/Table.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import { columnLabel, type DataTable, type Licence, licences } from "../model.js";
import type { DatasetWithResources } from "../repository.js";
import { chartSeries, DatasetChart } from "./Chart.js";
import { frequencyKey, licenceKey, themeKey } from "./labels.js";

export interface DatasetPageProps {
  dataset: DatasetWithResources;
  agencyName: string;
  modified: string;
  /** The first rows, up to the most a chart shows (the page previews the first ten). */
  preview: DataTable | undefined;
  /** How many rows the whole dataset has, when known. */
  rowCount: number | undefined;
}

/** Rows shown in the preview table. */
export const PREVIEW_ROWS = 10;

const asDate = (day: string) => new Date(`${day}T12:00:00Z`);

/** A dataset: its metadata as a summary list, its downloads, a chart where the data allows, and its first rows. */
export function DatasetPage({ dataset: d, agencyName, modified, preview, rowCount }: DatasetPageProps) {
  const { t, href, locale, date, number } = usePage();
  const title = locale === "ar" ? d.titleAr : d.titleEn;
  const keywords = (locale === "ar" ? d.keywordsAr : d.keywordsEn).split(" | ").filter(Boolean);
  const licence = licences[d.licence as Licence];
  const series = preview && (rowCount ?? 0) <= preview.rows.length ? chartSeries(preview, d.chart) : undefined;
  const firstRows = preview ? preview.rows.slice(0, PREVIEW_ROWS) : [];
  const rows = [
    { key: t("opendata.dataset.publisher"), value: <a href={href(`/agencies/${d.agency}`)}>{agencyName}</a> },
    { key: t("opendata.dataset.theme"), value: t(themeKey(d.theme)) },
    ...(keywords.length ? [{ key: t("opendata.dataset.keywords"), value: keywords.join(t("opendata.dataset.separator")) }] : []),
    {
      key: t("opendata.dataset.licence"),
      value: licence ? <a href={licence.uri}>{t(licenceKey(d.licence))}</a> : d.licence,
    },
    { key: t("opendata.dataset.frequency"), value: t(frequencyKey(d.frequency)) },
    ...(d.temporalStart && d.temporalEnd
      ? [
          {
            key: t("opendata.dataset.temporal"),
            value: t("opendata.dataset.period", { from: date(asDate(d.temporalStart)), to: date(asDate(d.temporalEnd)) }),
          },
        ]
      : []),
    ...(d.spatialAr || d.spatialEn
      ? [{ key: t("opendata.dataset.spatial"), value: locale === "ar" ? d.spatialAr : d.spatialEn }]
      : []),
    { key: t("opendata.dataset.issued"), value: date(asDate(d.issued)) },
    { key: t("opendata.dataset.modified"), value: date(asDate(modified)) },
  ];
  return (
    <div>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{locale === "ar" ? d.descriptionAr : d.descriptionEn}</p>
      {d.generator ? <p>{t("opendata.dataset.generated")}</p> : null}
      <h2 class="heading-m">{t("opendata.dataset.about")}</h2>
      <SummaryList rows={rows} />
      <h2 class="heading-m">{t("opendata.dataset.downloads")}</h2>
      <ul class="list">
        {d.resources.map((r) => (
          <li key={r.id}>
            <a href={`/opendata/${d.slug}/${r.format.toLowerCase()}`} download>
              {t("opendata.dataset.download", { format: r.format, title })}
            </a>{" "}
            <Tag colour="grey">{r.format}</Tag>
            {r.format === "CSV" && r.sizeBytes ? (
              <>
                {" "}
                <span>{t("opendata.dataset.size", { kb: number(Math.max(1, Math.round(r.sizeBytes / 1024))) })}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {rowCount !== undefined ? <p>{t("opendata.dataset.rowCount", { count: rowCount })}</p> : null}
      {series ? (
        <>
          <h2 class="heading-m">{t("opendata.dataset.chart")}</h2>
          <DatasetChart id="dataset-chart" series={series} labels={d.columnLabels} />
        </>
      ) : null}
      {preview && firstRows.length ? (
        <>
          <h2 class="heading-m">{t("opendata.dataset.preview")}</h2>
          <Table
            caption={t("opendata.dataset.previewCaption", { count: firstRows.length })}
            columns={preview.columns.map((c) => ({ label: columnLabel(d.columnLabels, c, locale) }))}
            rows={firstRows.map((r) => preview.columns.map((_, i) => <bdi key={i}>{r[i] ?? ""}</bdi>))}
          />
        </>
      ) : (
        <p>{t("opendata.dataset.noRows")}</p>
      )}
      <h2 class="heading-m">{t("opendata.dataset.machine")}</h2>
      <ul class="list">
        <li>
          <a href={`/api/3/action/package_show?id=${d.slug}`}>{t("opendata.dataset.ckanLink")}</a>
        </li>
        <li>
          <a href="/opendata/catalog.jsonld">{t("opendata.dataset.dcatLink")}</a>
        </li>
      </ul>
    </div>
  );
}
