import { usePage } from "../../platform/layout/page-context.js";

/** Says, above a preview, that this is a draft as the public would see it, not the published page. */
export function PreviewBanner({ back }: { back: string }) {
  const { t, href } = usePage();
  return (
    <div class="workspace-preview-banner" role="region" aria-labelledby="preview-banner-title">
      <h2 class="workspace-preview-banner__title" id="preview-banner-title">
        {t("workspace.preview.banner")}
      </h2>
      <p>{t("workspace.preview.text")}</p>
      <p>
        <a href={href(back)}>{t("workspace.preview.back")}</a>
      </p>
    </div>
  );
}
