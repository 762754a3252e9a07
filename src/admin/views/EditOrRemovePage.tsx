import type { ComponentChildren } from "preact";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { usePage } from "../../platform/layout/page-context.js";
import { DoneBanner } from "./DoneBanner.js";

/**
 * Changing or removing one entry of an administrators' list (a synonym group,
 * an agency's other names, a homepage highlight): its fields saved to
 * `action`, and a separate form removing it at `action`/delete.
 */
export function EditOrRemovePage({
  title,
  action,
  removeLabel,
  errors,
  done,
  children,
}: {
  title: string;
  /** The entry's address, without the language prefix. */
  action: string;
  removeLabel: string;
  errors: FieldError[];
  done?: string | undefined;
  /** The entry's fields. */
  children: ComponentChildren;
}) {
  const { t, href, csrfToken } = usePage();
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{title}</h1>
      <form method="post" action={href(action)} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {children}
        <Button>{t("admin.save")}</Button>
      </form>
      <form method="post" action={href(`${action}/delete`)}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Button variant="warning">{removeLabel}</Button>
      </form>
    </div>
  );
}
