import type { FeedbackComment } from "../../../feedback/service.js";
import { Pagination } from "../../../platform/design/Pagination.js";
import { Table } from "../../../platform/design/Table.js";
import { Tag } from "../../../platform/design/Tag.js";
import { formatDateTime } from "../../../platform/i18n/format.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { ZeroResultQuery } from "../../../search/analytics.js";
import { MAX_AGENCIES_PER_WORD } from "../attribution.js";
import type { Scope } from "../scope.js";
import { AgencyPicker } from "./AgencyPicker.js";

export interface PageFeedback {
  path: string;
  title: { ar: string; en: string };
  yes: number;
  no: number;
}

export interface FeedbackInsightsPageProps {
  scope: Scope;
  /** The agency's pages that have answers, most "no" first. */
  pages: PageFeedback[];
  comments: FeedbackComment[];
  titles: Map<string, { ar: string; en: string }>;
  page: number;
  pageCount: number;
  totalComments: number;
  searches: (ZeroResultQuery & { lastDay: string })[];
  searchDays: number;
}

/** "Is this page easy to understand?" for the agency's pages, and searches that found nothing that concern it. */
export function FeedbackInsightsPage(p: FeedbackInsightsPageProps) {
  const { t, href, locale, number } = usePage();
  const yes = p.pages.reduce((n, x) => n + x.yes, 0);
  const no = p.pages.reduce((n, x) => n + x.no, 0);
  const share = (y: number, n: number) => (y + n ? number(y / (y + n), { style: "percent" }) : "—");
  const base = href("/workspace/feedback");
  const pageHref = (n: number) => `${base}?agency=${encodeURIComponent(p.scope.agency.slug)}&page=${n}`;
  return (
    <div>
      <span class="caption">{p.scope.agency.name[locale]}</span>
      <h1 class="heading-xl">{t("insights.feedback.title")}</h1>
      <p class="lead">{t("insights.feedback.intro")}</p>
      <AgencyPicker scope={p.scope} action="/workspace/feedback" />

      <h2 class="heading-l" id="insights-answers">
        {t("insights.feedback.answers")}
      </h2>
      <ul class="figures" aria-labelledby="insights-answers">
        <li class="figure">
          <span class="figure__value">
            <bdi>{number(yes)}</bdi>
          </span>
          <span class="figure__label">{t("insights.feedback.yes", { count: yes })}</span>
        </li>
        <li class="figure">
          <span class="figure__value">
            <bdi>{number(no)}</bdi>
          </span>
          <span class="figure__label">{t("insights.feedback.no", { count: no })}</span>
        </li>
        <li class="figure">
          <span class="figure__value">
            <bdi>{share(yes, no)}</bdi>
          </span>
          <span class="figure__label">{t("insights.feedback.share")}</span>
        </li>
      </ul>
      {p.pages.length ? (
        <Table
          caption={t("insights.feedback.byPage")}
          firstCellIsHeader
          columns={[
            { label: t("insights.feedback.page") },
            { label: t("insights.feedback.yesColumn"), numeric: true },
            { label: t("insights.feedback.noColumn"), numeric: true },
            { label: t("insights.feedback.shareColumn"), numeric: true },
          ]}
          rows={p.pages.map((x) => [
            <a href={href(x.path)} key="page">
              {x.title[locale]}
            </a>,
            <bdi key="yes">{number(x.yes)}</bdi>,
            <bdi key="no">{number(x.no)}</bdi>,
            <bdi key="share">{share(x.yes, x.no)}</bdi>,
          ])}
        />
      ) : (
        <p class="empty-state">{t("insights.feedback.noAnswers")}</p>
      )}

      <h2 class="heading-l" id="insights-comments">
        {t("insights.feedback.comments")}
      </h2>
      <p>{t("insights.feedback.commentCount", { count: p.totalComments })}</p>
      {p.comments.length ? (
        <ol class="list" aria-labelledby="insights-comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <h3 class="heading-s">
                <a href={href(c.path)}>{(p.titles.get(c.path) ?? { ar: c.path, en: c.path })[locale]}</a>
              </h3>
              <p>
                <Tag colour={c.helpful ? "green" : "red"}>
                  {t(c.helpful ? "insights.feedback.answeredYes" : "insights.feedback.answeredNo")}
                </Tag>{" "}
                {t("insights.feedback.commentMeta", {
                  date: formatDateTime(c.commentedAt ?? c.createdAt, locale),
                  language: t(`insights.languages.${c.locale === "en" ? "en" : "ar"}`),
                })}
              </p>
              <blockquote lang={c.locale === "en" ? "en" : "ar"} dir="auto">
                <p>{c.comment}</p>
              </blockquote>
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={pageHref} />

      <h2 class="heading-l">{t("insights.searches.title")}</h2>
      <p>{t("insights.searches.rule", { days: p.searchDays, max: MAX_AGENCIES_PER_WORD })}</p>
      {p.searches.length ? (
        <Table
          caption={t("insights.searches.caption", { agency: p.scope.agency.name[locale] })}
          firstCellIsHeader
          columns={[
            { label: t("insights.searches.query") },
            { label: t("insights.searches.language") },
            { label: t("insights.searches.count"), numeric: true },
          ]}
          rows={p.searches.map((s) => [
            <span lang={s.locale === "en" ? "en" : "ar"} dir="auto" key="q">
              {s.query}
            </span>,
            t(`insights.languages.${s.locale === "en" ? "en" : "ar"}`),
            <bdi key="n">{number(s.searches)}</bdi>,
          ])}
        />
      ) : (
        <p class="empty-state">{t("insights.searches.empty")}</p>
      )}
    </div>
  );
}
