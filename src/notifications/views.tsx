import { Pagination } from "../platform/design/Pagination.js";
import { Tag } from "../platform/design/Tag.js";
import { formatDateTime } from "../platform/i18n/format.js";
import { usePage } from "../platform/layout/page-context.js";
import type { Notification } from "./repository.js";
import { type NotificationEvent, render } from "./templates.js";

/** Notifications as a list: what happened, when, and where to see it; unread ones marked. */
export function NotificationList({ items }: { items: Notification[] }) {
  const { t, locale, href } = usePage();
  return (
    <ul class="notification-list">
      {items.map((n) => {
        const title = render(n.event as NotificationEvent, locale, { ...n.values, name: "", link: "" }).title;
        return (
          <li class="notification-list__item" key={n.id}>
            <p class="notification-list__title">
              {n.link ? <a href={href(n.link)}>{title}</a> : title}{" "}
              {n.readAt ? null : <Tag colour="maroon">{t("notifications.new")}</Tag>}
            </p>
            <p class="notification-list__when">{formatDateTime(n.createdAt, locale)}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function NotificationsPage({ items, page, pageCount }: { items: Notification[]; page: number; pageCount: number }) {
  const { t, href } = usePage();
  return (
    <div class="narrow-wide">
      <h1 class="heading-xl">{t("notifications.title")}</h1>
      <p class="lead">{t("notifications.lead")}</p>
      {items.length ? (
        <NotificationList items={items} />
      ) : (
        <p class="empty-state">{t("accounts.my.sections.notifications.empty")}</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `${href("/my/notifications")}${p > 1 ? `?page=${p}` : ""}`} />
      <p>
        <a href={href("/my/profile")}>{t("notifications.choose")}</a>
      </p>
    </div>
  );
}
