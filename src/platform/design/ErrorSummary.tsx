import { usePage } from "../layout/page-context.js";

export interface FieldError {
  /** Id of the field the message is about; the summary links to it. */
  field: string;
  message: string;
}

/**
 * The list of problems at the top of a refused form, each linking to its
 * field (the GOV.UK pattern). The client script moves focus here on load.
 */
export function ErrorSummary({ errors, title }: { errors: FieldError[]; title?: string }) {
  const { t } = usePage();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" data-error-summary tabindex={-1} aria-labelledby="error-summary-title" role="alert">
      <h2 class="error-summary__title" id="error-summary-title">
        {title ?? t("components.errorSummary.title")}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
