import type { ComponentChildren } from "preact";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { usePage } from "../../platform/layout/page-context.js";

/** A one-column form page: heading, lead, error summary, the form with its anti-forgery token, and a submit button. */
export function FormPage({
  title,
  lead,
  action,
  errors = [],
  submit,
  children,
  after,
}: {
  title: string;
  lead?: ComponentChildren;
  action: string;
  errors?: FieldError[];
  submit: string;
  children: ComponentChildren;
  after?: ComponentChildren;
}) {
  const { csrfToken } = usePage();
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{title}</h1>
      {lead ? <div class="lead">{lead}</div> : null}
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {children}
        <Button>{submit}</Button>
      </form>
      {after}
    </div>
  );
}
