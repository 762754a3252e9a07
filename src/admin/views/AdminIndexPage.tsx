import { usePage } from "../../platform/layout/page-context.js";

/** What administrators look after, one link each. */
const sections = [
  { path: "/admin/agencies", key: "agencies" },
  { path: "/admin/staff", key: "staff" },
  { path: "/admin/taxonomies/categories", key: "categories" },
  { path: "/admin/taxonomies/personas", key: "personas" },
  { path: "/admin/taxonomies/life-events", key: "lifeEvents" },
  { path: "/admin/highlights", key: "highlights" },
  { path: "/admin/search", key: "search" },
  { path: "/admin/idp-clients", key: "idpClients" },
] as const;

/** The administration home: every section with what it is for. */
export function AdminIndexPage() {
  const { t, href } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("admin.title")}</h1>
      <p class="lead">{t("admin.lead")}</p>
      <ul class="list">
        {sections.map((s) => (
          <li key={s.key}>
            <h2 class="heading-s">
              <a href={href(s.path)}>{t(`admin.sections.${s.key}.title`)}</a>
            </h2>
            <p>{t(`admin.sections.${s.key}.description`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
