import { usePage } from "../../platform/layout/page-context.js";

/** The header's link to the accessibility tools, on every page; it brings the person back to this page after saving. */
export function ToolsLink() {
  const { t, href, url } = usePage();
  const tools = href("/accessibility-tools");
  const onTools = url.split("?")[0] === tools;
  return (
    <a
      class="a11y-tools-link"
      href={onTools ? tools : `${tools}?returnTo=${encodeURIComponent(url)}`}
      aria-current={onTools ? "page" : undefined}
    >
      <svg class="a11y-tools-link__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="4" r="2" fill="currentColor" />
        <path
          d="M4 8.5 12 10l8-1.5M12 10v4.5m0 0L8.5 21M12 14.5l3.5 6.5"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      {t("accessibility.headerLink")}
    </a>
  );
}
