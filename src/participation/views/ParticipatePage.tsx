import { Card } from "../../platform/design/Card.js";
import { Tag } from "../../platform/design/Tag.js";
import { formatDate } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import { type ListedItem, participatePath } from "../listing.js";

/** One item as a card: what it is, who asks, and until when (or since when closed). */
export function ItemCard({ item, agency }: { item: ListedItem; agency: string }) {
  const { t, locale, href } = usePage();
  return (
    <Card
      title={item.title[locale]}
      href={href(participatePath(item.kind, item.slug))}
      description={agency}
      meta={
        <p>
          <Tag colour={item.phase === "open" ? "green" : "grey"}>{t(`participation.kinds.${item.kind}`)}</Tag>{" "}
          {t(item.phase === "open" ? "participation.closes" : "participation.closed", {
            date: formatDate(item.closesAt, locale),
          })}
        </p>
      }
    />
  );
}

/** /participate: what is open now, and what has closed with its results. */
export function ParticipatePage({
  items,
  agencyNames,
}: {
  items: ListedItem[];
  agencyNames: Map<string, { ar: string; en: string }>;
}) {
  const { t, locale, href } = usePage();
  const open = items.filter((i) => i.phase === "open");
  const closed = items.filter((i) => i.phase === "closed");
  const agency = (i: ListedItem) => agencyNames.get(i.agency)?.[locale] ?? i.agency;
  return (
    <div>
      <h1 class="heading-xl">{t("participation.title")}</h1>
      <p class="lead">{t("participation.lead")}</p>
      <section aria-labelledby="open-title">
        <h2 class="heading-l" id="open-title">
          {t("participation.open")}
        </h2>
        {open.length ? (
          <div class="card-grid">
            {open.map((i) => (
              <ItemCard item={i} agency={agency(i)} key={`${i.kind}/${i.slug}`} />
            ))}
          </div>
        ) : (
          <p class="empty-state">{t("participation.noneOpen")}</p>
        )}
      </section>
      <section aria-labelledby="closed-title">
        <h2 class="heading-l" id="closed-title">
          {t("participation.closedTitle")}
        </h2>
        {closed.length ? (
          <div class="card-grid">
            {closed.map((i) => (
              <ItemCard item={i} agency={agency(i)} key={`${i.kind}/${i.slug}`} />
            ))}
          </div>
        ) : (
          <p class="empty-state">{t("participation.noneClosed")}</p>
        )}
      </section>
      <section aria-labelledby="suggest-title">
        <h2 class="heading-l" id="suggest-title">
          {t("participation.suggest.title")}
        </h2>
        <p>{t("participation.suggest.lead")}</p>
        <p>
          <a href={href("/eservices/suggestion-or-complaint")}>{t("participation.suggest.link")}</a>
        </p>
      </section>
    </div>
  );
}
