import { Button } from "../../platform/design/Button.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { Pagination } from "../../platform/design/Pagination.js";
import { formatDateTime } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { Article, EventItem, Initiative, NewsItem, Page } from "../types.js";
import { Paragraphs } from "./Paragraphs.js";

function ArticleList<T extends Article>({
  items,
  base,
  meta,
}: {
  items: T[];
  base: string;
  meta: (item: T) => preact.ComponentChildren;
}) {
  const { href, locale } = usePage();
  return (
    <ul class="article-list">
      {items.map((item) => (
        <li class="article-list__item" key={item.slug}>
          <h2 class="heading-m article-list__title">
            <a href={href(`${base}/${item.slug}`)}>{item.title[locale]}</a>
          </h2>
          <p class="article-list__meta">{meta(item)}</p>
          <p>{item.summary[locale]}</p>
        </li>
      ))}
    </ul>
  );
}

export function NewsListPage({ result, page, pageSize }: { result: Page<NewsItem>; page: number; pageSize: number }) {
  const { t, href } = usePage();
  return (
    <div class="narrow-wide">
      <h1 class="heading-xl">{t("catalogue.news.title")}</h1>
      <p class="lead">{t("catalogue.news.lead")}</p>
      <ArticleList items={result.items} base="/news" meta={(n) => <DateDisplay date={n.publishedAt} />} />
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(result.total / pageSize))}
        hrefFor={(p) => `${href("/news")}?page=${p}`}
      />
    </div>
  );
}

function ArticleBody({ item, meta }: { item: Article; meta: preact.ComponentChildren }) {
  const { t, href, locale } = usePage();
  return (
    <article class="narrow">
      <h1 class="heading-xl">{item.title[locale]}</h1>
      <p class="article-meta">{meta}</p>
      <p class="lead">{item.summary[locale]}</p>
      <Paragraphs text={item.body[locale]} />
      {item.agency ? (
        <p class="page-meta">
          {t("catalogue.news.from")} <a href={href(`/agencies/${item.agency.slug}`)}>{item.agency.name[locale]}</a>
        </p>
      ) : null}
    </article>
  );
}

export function NewsPage({ item }: { item: NewsItem }) {
  const { t } = usePage();
  return (
    <ArticleBody
      item={item}
      meta={
        <>
          {t("catalogue.news.published")} <DateDisplay date={item.publishedAt} withHijri />
        </>
      }
    />
  );
}

export function EventListPage({ items }: { items: EventItem[] }) {
  const { t } = usePage();
  return (
    <div class="narrow-wide">
      <h1 class="heading-xl">{t("catalogue.events.title")}</h1>
      <p class="lead">{t("catalogue.events.lead")}</p>
      {items.length ? (
        <ArticleList items={items} base="/events" meta={(e) => <EventWhen event={e} />} />
      ) : (
        <p>{t("catalogue.events.none")}</p>
      )}
    </div>
  );
}

function EventWhen({ event }: { event: EventItem }) {
  const { locale } = usePage();
  return (
    <>
      <time dateTime={event.startsAt.toISOString()}>{formatDateTime(event.startsAt, locale)}</time>
      {" – "}
      <time dateTime={event.endsAt.toISOString()}>{formatDateTime(event.endsAt, locale)}</time>
    </>
  );
}

export function EventPage({ item }: { item: EventItem }) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <ArticleBody
        item={item}
        meta={
          <>
            <EventWhen event={item} /> · {item.place[locale]}
          </>
        }
      />
      <dl class="summary-list narrow">
        <div class="summary-list__row">
          <dt>{t("catalogue.events.when")}</dt>
          <dd>
            <EventWhen event={item} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("catalogue.events.where")}</dt>
          <dd>{item.place[locale]}</dd>
        </div>
      </dl>
      <Button href={href(`/events/${item.slug}/calendar.ics`)} variant="secondary">
        {t("catalogue.events.addToCalendar")}
      </Button>
    </div>
  );
}

export function InitiativeListPage({ items }: { items: Initiative[] }) {
  const { t } = usePage();
  return (
    <div class="narrow-wide">
      <h1 class="heading-xl">{t("catalogue.initiatives.title")}</h1>
      <p class="lead">{t("catalogue.initiatives.lead")}</p>
      <ArticleList items={items} base="/initiatives" meta={(i) => t("catalogue.initiatives.since", { year: String(i.since) })} />
    </div>
  );
}

export function InitiativePage({ item }: { item: Initiative }) {
  const { t } = usePage();
  return <ArticleBody item={item} meta={t("catalogue.initiatives.since", { year: String(item.since) })} />;
}
