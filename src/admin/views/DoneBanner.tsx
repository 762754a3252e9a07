import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { usePage } from "../../platform/layout/page-context.js";

/** Says what the administrator's last change did (after post, redirect, get). */
export function DoneBanner({ done }: { done?: string | undefined }) {
  const { t } = usePage();
  if (!done) return null;
  return (
    <NotificationBanner variant="success">
      <p>{t(`admin.done.${done}`)}</p>
    </NotificationBanner>
  );
}
