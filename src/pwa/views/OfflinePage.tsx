import { usePage } from "../../platform/layout/page-context.js";

/** What the service worker shows when there is no connection and no saved copy of the page asked for. */
export function OfflinePage() {
  const { t, href } = usePage();
  return (
    <div class="narrow">
      <h1 class="heading-xl">{t("pwa.offline.heading")}</h1>
      <p class="lead">{t("pwa.offline.lead")}</p>
      <p>{t("pwa.offline.saved")}</p>
      <p>{t("pwa.offline.retry")}</p>
      <p>
        <a href={href("/")}>{t("pwa.offline.home")}</a>
      </p>
    </div>
  );
}
