import { Table } from "../../../platform/design/Table.js";
import { Tag } from "../../../platform/design/Tag.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { dohaNoon } from "../../../platform/time/doha.js";
import { DUE_SOON_DAYS, daysUntil, reviewState } from "../freshness.js";
import type { ReviewItem } from "../repository.js";
import type { Scope } from "../scope.js";
import { AgencyPicker } from "./AgencyPicker.js";

export interface FreshnessPageProps {
  scope: Scope;
  items: ReviewItem[];
  /** ISO day. */
  today: string;
  reviewMonths: number;
}

/** The agency's services past their review date or due soon, most overdue first. */
export function FreshnessPage({ scope, items, today, reviewMonths }: FreshnessPageProps) {
  const { t, href, locale, date, number } = usePage();
  const overdue = items.filter((i) => reviewState(i.dueOn, today) === "overdue").length;
  return (
    <div>
      <span class="caption">{scope.agency.name[locale]}</span>
      <h1 class="heading-xl">{t("insights.freshness.title")}</h1>
      <p class="lead">{t("insights.freshness.rule", { months: reviewMonths, days: DUE_SOON_DAYS })}</p>
      <AgencyPicker scope={scope} action="/workspace/freshness" />
      <ul class="figures" aria-label={t("insights.freshness.figures")}>
        <li class="figure figure--alert">
          <span class="figure__value">
            <bdi>{number(overdue)}</bdi>
          </span>
          <span class="figure__label">{t("insights.freshness.overdueCount", { count: overdue })}</span>
        </li>
        <li class="figure">
          <span class="figure__value">
            <bdi>{number(items.length - overdue)}</bdi>
          </span>
          <span class="figure__label">{t("insights.freshness.dueSoonCount", { count: items.length - overdue })}</span>
        </li>
      </ul>
      {items.length ? (
        <Table
          caption={t("insights.freshness.caption", { agency: scope.agency.name[locale] })}
          firstCellIsHeader
          columns={[
            { label: t("insights.freshness.service") },
            { label: t("insights.freshness.lastReviewed") },
            { label: t("insights.freshness.dueOn") },
            { label: t("insights.freshness.state") },
            { label: t("insights.freshness.actions") },
          ]}
          rows={items.map((i) => {
            const days = daysUntil(i.dueOn, today);
            return [
              <a href={href(`/services/${i.slug}`)} key="title">
                {i.title[locale]}
              </a>,
              <time dateTime={i.lastReviewed} key="last">
                {date(dohaNoon(i.lastReviewed))}
              </time>,
              <time dateTime={i.dueOn} key="due">
                {date(dohaNoon(i.dueOn))}
              </time>,
              days < 0 ? (
                <Tag colour="red" key="state">
                  {t("insights.freshness.overdueBy", { count: -days })}
                </Tag>
              ) : (
                <Tag colour="yellow" key="state">
                  {days === 0 ? t("insights.freshness.dueToday") : t("insights.freshness.dueIn", { count: days })}
                </Tag>
              ),
              <a href={href(`/workspace/content/services/${i.slug}`)} key="edit">
                {t("insights.freshness.edit")}
                <span class="visually-hidden"> {i.title[locale]}</span>
              </a>,
            ];
          })}
        />
      ) : (
        <p class="empty-state">{t("insights.freshness.empty")}</p>
      )}
    </div>
  );
}
