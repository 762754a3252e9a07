import { Button } from "../../../platform/design/Button.js";
import { Select } from "../../../platform/design/fields.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { Scope } from "../scope.js";

/** Which agency the page shows, for staff of several agencies (a plain GET form: works without JavaScript). */
export function AgencyPicker({ scope, action }: { scope: Scope; action: string }) {
  const { t, href, locale } = usePage();
  if (scope.choices.length < 2) return null;
  return (
    <form class="filters filters--inline" method="get" action={href(action)} aria-labelledby="insights-agency-picker">
      <h2 class="heading-s" id="insights-agency-picker">
        {t("insights.agencyPicker.heading")}
      </h2>
      <Select
        name="agency"
        label={t("insights.agencyPicker.label")}
        value={scope.agency.slug}
        items={scope.choices.map((c) => ({ value: c.slug, label: c.name[locale] }))}
      />
      <Button variant="secondary">{t("insights.agencyPicker.show")}</Button>
    </form>
  );
}
