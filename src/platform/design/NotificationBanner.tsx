import type { ComponentChildren } from "preact";
import { usePage } from "../layout/page-context.js";

export type BannerVariant = "info" | "success" | "warning";

/**
 * A message about the whole page. Success banners follow an action the
 * person just took and are announced at once (role="alert").
 */
export function NotificationBanner({
  variant = "info",
  title,
  children,
}: {
  variant?: BannerVariant;
  title?: string;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const heading = title ?? t(`components.notificationBanner.${variant}`);
  const id = `banner-title-${variant}`;
  return (
    <div
      class={`notification-banner notification-banner--${variant}`}
      {...(variant === "success" ? { role: "alert" } : { role: "region", "aria-labelledby": id })}
    >
      <div class="notification-banner__header">
        <h2 class="notification-banner__title" id={id}>
          {heading}
        </h2>
      </div>
      <div class="notification-banner__content">{children}</div>
    </div>
  );
}
