import { usePage } from "../layout/page-context.js";

/** One step of the trail; the last one is the current page and has no link. */
export interface Crumb {
  label: string;
  /** Language-neutral path ("/about"); omitted for the current page. */
  path?: string;
}

/** "Home » About Hukoomi » History": where the page sits in the portal. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const { t, href } = usePage();
  const items: Crumb[] = [{ label: t("components.breadcrumbs.home"), path: "/" }, ...trail];
  return (
    <nav class="breadcrumbs" aria-label={t("components.breadcrumbs.label")}>
      <ol class="breadcrumbs__list">
        {items.map((item, i) => {
          const current = i === items.length - 1;
          return (
            <li class="breadcrumbs__item" key={`${i}-${item.label}`}>
              {current || !item.path ? (
                <span aria-current={current ? "page" : undefined}>{item.label}</span>
              ) : (
                <a class="breadcrumbs__link" href={href(item.path)}>
                  {item.label}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
