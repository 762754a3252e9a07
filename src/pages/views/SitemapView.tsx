import { usePage } from "../../platform/layout/page-context.js";
import type { ContentPage } from "../content.js";

/** The human-readable map of the portal: every section and page, nested as the breadcrumbs are. */
export function SitemapView({ pages }: { pages: ContentPage[] }) {
  const { locale, t, href, navigation } = usePage();
  const roots = pages.filter((p) => !p.parent);
  const childrenOf = (path: string) => pages.filter((p) => p.parent === path);
  return (
    <div>
      <h1 class="heading-xl">{t("pages.sitemap.title")}</h1>
      <p class="lead">{t("pages.sitemap.lead")}</p>
      <h2 class="heading-m">{t("pages.sitemap.sections")}</h2>
      <ul class="list list--bullet">
        {navigation.map((n) => (
          <li key={n.path}>
            <a href={href(n.path)}>{t(n.labelKey)}</a>
          </li>
        ))}
      </ul>
      <h2 class="heading-m">{t("pages.sitemap.aboutPortal")}</h2>
      <ul class="list list--bullet">
        {roots.map((p) => (
          <li key={p.path}>
            <a href={href(p.path)}>{p.text[locale].title}</a>
            {childrenOf(p.path).length > 0 ? (
              <ul class="list list--bullet">
                {childrenOf(p.path).map((c) => (
                  <li key={c.path}>
                    <a href={href(c.path)}>{c.text[locale].title}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
